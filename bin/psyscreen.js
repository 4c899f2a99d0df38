#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so `npx psyscreen` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
const { processIo } = await import('../src/cli/io.ts');
process.exitCode = runCli(process.argv.slice(2), processIo());
