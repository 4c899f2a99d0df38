import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { ZTeacherToken } from '../lab/protocol.ts';
import { writeDurable } from './durable.ts';

/** The teacher's token, kept in the data folder (mode 0600) so the printed teacher address survives a restart. */
export async function teacherToken(folder: string): Promise<string> {
  const path = join(folder, 'teacher-token');
  const stored = (await readFile(path, 'utf8').catch(() => '')).trim();
  if (ZTeacherToken.safeParse({ token: stored }).success) {
    await chmod(path, 0o600).catch(() => undefined);
    return stored;
  }
  const token = randomBytes(32).toString('base64url');
  const written = await writeDurable(path, Buffer.from(`${token}\n`));
  if (!written.ok) throw new Error(`cannot write ${path} (${written.errno})`);
  return token;
}

/** Compares the Bearer token in constant time (the length is not secret: it is fixed). */
export function hasToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{1,256})$/.exec(header);
  if (!match?.[1]) return false;
  const offered = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return offered.length === expected.length && timingSafeEqual(offered, expected);
}

const LOOPBACK_SOCKETS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The token is handed out only to the teacher's own PC: a loopback socket AND a Host header naming
 * loopback with our port. A page on a rebinding DNS name reaches us from loopback too, but with its
 * own name in Host.
 */
export function isLoopbackRequest(request: Pick<IncomingMessage, 'headers' | 'socket'>, port: number): boolean {
  if (!LOOPBACK_SOCKETS.has(request.socket.remoteAddress ?? '')) return false;
  // A reverse proxy on this PC connects from loopback for every LAN client: never through a proxy.
  if (['x-forwarded-for', 'x-real-ip', 'forwarded', 'via'].some((name) => request.headers[name] !== undefined)) return false;
  const host = (request.headers.host ?? '').toLowerCase();
  const names = ['localhost', '127.0.0.1', '[::1]'];
  return names.some((name) => host === `${name}:${port}` || (port === 80 && host === name));
}
