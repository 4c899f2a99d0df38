#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so `npx psyscreen` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCommand } = await import('../src/cli/main.ts');
const { processIo } = await import('../src/cli/io.ts');
// `psyscreen lab` runs until Ctrl+C (or a service manager's SIGTERM); the other commands end by themselves.
const untilStopped = () => new Promise((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});
process.exitCode = await runCommand(process.argv.slice(2), processIo(), { untilStopped, colorTerminal: process.stdout.isTTY === true });
