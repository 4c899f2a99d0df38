import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { describeIssueWithPath } from '../issueMessages.ts';
import { ipv4Addresses } from '../server/addresses.ts';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, LabStartError, startLabServer, type LabServer } from '../server/server.ts';
import type { CliIo } from './io.ts';
import { buildApp, buildIsStale } from './labBuild.ts';
import { eventText, labText } from './labMessages.ts';
import { terminalQr } from './terminalQr.ts';

export interface LabCommandOptions {
  readonly port?: string;
  readonly host?: string;
  readonly data?: string;
  readonly plan?: string;
  readonly rebuild: boolean;
  readonly rate?: string;
  readonly burst?: string;
  readonly behindProxy: boolean;
}

/** What the command needs from its process: a way to wait for Ctrl+C, and whether stdout is a terminal. */
export interface LabProcess {
  readonly untilStopped: () => Promise<void>;
  readonly colorTerminal: boolean;
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function printAddresses(io: CliIo, server: LabServer, color: boolean): void {
  const plan = server.plan();
  io.out(plan ? labText(plan.source === 'demo' ? 'running_demo' : 'running', io.locale, { plan: plan.ref }) : labText('running_no_plan', io.locale));
  io.out('');
  io.out(labText('kiosk_heading', io.locale));
  const all = server.host === '0.0.0.0' ? ipv4Addresses() : [server.host];
  const lan = all.filter((address) => !address.startsWith('127.'));
  for (const address of [...lan, ...all.filter((address) => !lan.includes(address))]) {
    const url = `http://${address}:${server.port}/kiosk.html`;
    io.out(`  ${url}`);
    if (lan.includes(address)) for (const line of terminalQr(url, color)) io.out(`  ${line}`);
  }
  if (lan.length === 0) io.out(labText('kiosk_loopback_only', io.locale));
  io.out('');
  io.out(labText('teacher_heading', io.locale));
  io.out(`  http://localhost:${server.port}/teacher.html#lab-token=${server.token}`);
  io.out('');
  io.out(labText('data_folder', io.locale, { folder: server.dataDir }));
  io.out(labText('how_to_stop', io.locale));
}

/** `psyscreen lab`: builds dist/ when needed, serves it and the lab API until Ctrl+C. */
export async function labCommand(io: CliIo, options: LabCommandOptions, processDeps: LabProcess): Promise<number> {
  const port = Number(options.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(labText('bad_port', io.locale));
    return 1;
  }
  const rate = options.rate === undefined ? undefined : Number(options.rate);
  const burst = options.burst === undefined ? undefined : Number(options.burst);
  if ((rate !== undefined && !(rate > 0)) || (burst !== undefined && !(burst >= 1))) {
    io.err(labText('bad_rate', io.locale));
    return 1;
  }
  const distDir = join(PROJECT_ROOT, 'dist');
  if (options.rebuild || (await buildIsStale(PROJECT_ROOT, distDir))) {
    io.out(labText('building', io.locale));
    const built = await buildApp(PROJECT_ROOT, distDir);
    if (!built.ok) {
      io.err(built.reason === 'no_build_tool' ? labText('no_build_tool', io.locale, { folder: distDir }) : labText('build_failed', io.locale, { detail: built.detail }));
      return 1;
    }
    io.out(labText('built', io.locale));
  }
  let server: LabServer;
  try {
    server = await startLabServer({
      distDir, port,
      dataDir: resolve(options.data ?? DEFAULT_DATA_DIR),
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.plan === undefined ? {} : { planFile: resolve(options.plan) }),
      ...(rate === undefined ? {} : { ratePerSecond: rate }),
      ...(burst === undefined ? {} : { burst }),
      trustProxy: options.behindProxy,
      log: (event) => (event.code === 'disk_ok' || event.code === 'plan_changed' ? io.out : io.err)(eventText(event, io.locale)),
    });
  } catch (error) {
    if (!(error instanceof LabStartError)) throw error;
    io.err(labText(error.code, io.locale, { ...error.params }));
    for (const found of error.issues) io.err(`  ${describeIssueWithPath(found, io.locale)}`);
    return 1;
  }
  printAddresses(io, server, processDeps.colorTerminal);
  await processDeps.untilStopped();
  await server.close();
  io.out(labText('stopped', io.locale));
  return 0;
}
