import { readFile, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Issue } from '../../scoring/index.ts';
import type { Interfaces } from './addresses.ts';
import { answerClientError } from './clientError.ts';
import type { LabState } from './context.ts';
import { nodeDiskIo, type DiskIo } from './durable.ts';
import type { ServerLog } from './events.ts';
import { localDay, readServedPlan, type ServedPlan } from './plan.ts';
import { DEFAULT_BURST, DEFAULT_RATE_PER_SECOND, createRateLimiter } from './rateLimit.ts';
import { createRequestHandler } from './router.ts';
import { createStaticFiles } from './static.ts';
import { openStorage } from './storage.ts';
import { teacherToken } from './token.ts';

export const DEFAULT_DATA_DIR = 'psyscreen-lab-data';
export const DEFAULT_PORT = 8080;
/** Below this the server stops accepting uploads before the disk is really full. */
export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

export interface LabServerOptions {
  /** The built app (dist/); nothing outside it is served. */
  readonly distDir: string;
  readonly dataDir?: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  /** A kiosk plan file that takes precedence over one the teacher stored and over the demo. */
  readonly planFile?: string;
  readonly ratePerSecond?: number;
  readonly burst?: number;
  /** Behind nginx on this PC: rate-limit by X-Forwarded-For instead of the proxy's address. */
  readonly trustProxy?: boolean;
  readonly now?: () => number;
  readonly log?: ServerLog;
  readonly disk?: DiskIo;
  readonly minFreeBytes?: number;
  readonly interfaces?: Interfaces;
}

export interface LabServer {
  /** http://127.0.0.1:<port> (or the host given), for this PC. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly token: string;
  readonly dataDir: string;
  plan(): ServedPlan | undefined;
  close(): Promise<void>;
}

/** Why the server could not start, as data the CLI words for the terminal. */
export class LabStartError extends Error {
  constructor(readonly code: 'port_in_use' | 'port_denied' | 'plan_invalid' | 'data_unwritable', readonly params: Readonly<Record<string, string | number>>, readonly issues: readonly Issue[] = []) {
    super(code);
  }
}

async function loadPlan(options: LabServerOptions, planPath: string, today: string, log: ServerLog): Promise<ServedPlan | undefined> {
  if (options.planFile !== undefined) {
    const bytes = await readFile(options.planFile).catch((error: NodeJS.ErrnoException) => { throw new LabStartError('plan_invalid', { file: options.planFile ?? '', errno: error.code ?? 'EIO' }); });
    const plan = readServedPlan(bytes, today, 'file');
    if (!plan.ok) throw new LabStartError('plan_invalid', { file: options.planFile }, plan.issues);
    return plan.value;
  }
  for (const [path, source] of [[planPath, 'teacher'], [join(options.distDir, 'demo', 'kiosk-plan.json'), 'demo']] as const) {
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) continue;
    const plan = readServedPlan(bytes, today, source);
    if (plan.ok) return plan.value;
    log({ code: 'plan_unreadable', params: { file: path, problem: plan.issues[0]?.code ?? 'invalid' } });
  }
  return undefined;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new LabStartError('port_in_use', { port, host }));
      else if (error.code === 'EACCES') reject(new LabStartError('port_denied', { port, host }));
      else reject(error);
    });
    server.listen(port, host, () => done((server.address() as AddressInfo).port));
  });
}

/** Starts the lab server (README: lab/); resolves once it listens. */
export async function startLabServer(options: LabServerOptions): Promise<LabServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const disk = options.disk ?? nodeDiskIo;
  const host = options.host ?? '0.0.0.0';
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new LabStartError('data_unwritable', { folder: dataDir, errno: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  const storage = await openStorage({ folder: dataDir, disk, now, log, minFreeBytes: options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES });
  const token = await teacherToken(dataDir).catch(() => { throw new LabStartError('data_unwritable', { folder: dataDir, errno: 'EIO' }); });
  let plan = await loadPlan(options, storage.planPath, localDay(now()), log);
  const files = await createStaticFiles(options.distDir);
  const server = createServer();
  // Slow or stalled clients on the LAN must not hold connections for long.
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  let port = options.port;
  const state: LabState = {
    storage, token, host, interfaces: options.interfaces, now, log,
    get port() { return port; },
    plan: () => plan,
    setPlan: (next) => { plan = next; },
  };
  const limiter = createRateLimiter(options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND, options.burst ?? DEFAULT_BURST, now);
  server.on('clientError', answerClientError);
  server.on('request', createRequestHandler({ state, files, limiter, trustProxy: options.trustProxy ?? false }));
  port = await listen(server, options.port, host);
  const local = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${local}:${port}`, port, host, token, dataDir,
    plan: () => plan,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}
