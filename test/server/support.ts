import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';
import type { KioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { sealJson } from '../../src/records/sealed.ts';
import { startLabServer, type LabServer, type LabServerOptions } from '../../src/server/server.ts';

export const demoPlanText = readFileSync('public/demo/kiosk-plan.json', 'utf8');
export const demoPlan = JSON.parse(demoPlanText) as KioskPlan;
export const DEMO_REF = `${demoPlan.plan.id}@${demoPlan.plan.version}`;
/** Inside the demo plan's window (2026-09-01 … 2027-07-15), 10:00 in Beijing. */
export const NOW = Date.parse('2026-12-04T02:00:00Z');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `psyscreen-${prefix}-`));
  made.push(dir);
  return dir;
}

/** A small stand-in for dist/: pages, a hashed asset, the service worker, the demo plan, and bait outside it. */
export function fakeDist(): { dist: string; outside: string } {
  const root = tempDir('dist');
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, 'demo'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>library</title>');
  writeFileSync(join(dist, 'kiosk.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(dist, 'assets', 'kiosk-BF7wzXJj.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'kiosk-vHCgVeuD.css'), 'body{}');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch",()=>{})');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
  writeFileSync(join(dist, '.env'), 'SECRET=dotfile');
  mkdirSync(join(dist, '.git'));
  writeFileSync(join(dist, '.git', 'config'), 'SECRET=dotfolder');
  writeFileSync(join(dist, 'unknown.bin'), 'raw');
  copyFileSync('public/demo/kiosk-plan.json', join(dist, 'demo', 'kiosk-plan.json'));
  const outside = join(root, 'secret.txt');
  writeFileSync(outside, 'SECRET=outside');
  symlinkSync(outside, join(dist, 'link-out.txt'));
  symlinkSync(root, join(dist, 'dir-out'));
  return { dist, outside };
}

export interface Running extends LabServer {
  readonly dist: string;
  readonly data: string;
  readonly events: { code: string; params?: Readonly<Record<string, string | number>> }[];
}

/** A real lab server on a free loopback port with a fresh data folder. */
export async function startTestServer(options: Partial<LabServerOptions> & { dist?: string } = {}): Promise<Running> {
  const dist = options.dist ?? fakeDist().dist;
  const data = options.dataDir ?? tempDir('data');
  const events: Running['events'] = [];
  const server = await startLabServer({ distDir: dist, dataDir: data, port: 0, host: '127.0.0.1', now: () => NOW, log: (event) => events.push(event), ...options });
  return Object.assign(server, { dist, data, events });
}

export interface RawReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
  json<T = any>(): T;
}

/** A request exactly as given (no path normalising, any Host header), unlike fetch. */
export function raw(server: { port: number }, method: string, path: string, options: { headers?: Record<string, string>; body?: Uint8Array | string } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    // Node frames a body of GET or OPTIONS only when told its length.
    const length = options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) };
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers: { ...length, ...options.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: <T>() => JSON.parse(text) as T });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

export const api = (path: string): string => `/api/v1${path}`;
export const bearer = (server: { token: string }): Record<string, string> => ({ authorization: `Bearer ${server.token}` });
export const jsonBody = (value: unknown): { headers: Record<string, string>; body: string } => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

const hex = (length: number, seed: number): string => Array.from({ length }, (_, i) => ((seed * 7 + i * 13) % 16).toString(16)).join('');
export const lookupOf = (seed: number): string => hex(64, seed);
export const machineOf = (seed: number): string => `lab-${hex(8, seed)}`;
export const uuidOf = (seed: number): string => { const h = hex(32, seed); return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`; };

/** A real sealed submission for the demo plan's school key, as the kiosk makes one. */
export const sealSubmission = (content: object = { answers: { phq9_1: 2 } }, plan = DEMO_REF): Promise<Uint8Array<ArrayBuffer>> =>
  sealJson(content, demoPlan.kiosk.recipient, plan, '2026-12-04T02:00:00.000Z');

export function draftOf(seed: number, savedAt = '2026-12-04T02:00:00.000Z', entry = lookupOf(seed)): Record<string, unknown> {
  return { plan: DEMO_REF, entry, machine: machineOf(seed), savedAt, answered: 3, sealed: { iv: 'AAAAAAAAAAAAAAAA', data: 'c2VhbGVkIGRyYWZ0' } };
}

/** Every file under a folder with its size and mtime: equal snapshots mean nothing was written. */
export function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else result[relative(folder, path)] = `${info.size}:${info.mtimeMs}:${readFileSync(path).toString('base64').slice(0, 64)}`;
    }
  };
  walk(folder);
  return result;
}
