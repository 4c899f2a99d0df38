import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZTeacherToken } from '../../src/lab/protocol.ts';
import { isLoopbackRequest } from '../../src/server/token.ts';
import { api, raw, startTestServer, type Running } from './support.ts';

let server: Running;
beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server.close());

const fake = (remoteAddress: string, headers: Record<string, string>) => ({ socket: { remoteAddress }, headers }) as unknown as Pick<IncomingMessage, 'headers' | 'socket'>;

describe('teacher token', () => {
  it('is random, kept in the data folder with mode 0600, and the same after a restart', async () => {
    expect(ZTeacherToken.parse({ token: server.token })).toBeTruthy();
    const path = join(server.data, 'teacher-token');
    expect(readFileSync(path, 'utf8').trim()).toBe(server.token);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = await startTestServer({ dist: server.dist, dataDir: server.data });
    expect(again.token).toBe(server.token);
    await again.close();
    const other = await startTestServer();
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('is handed out to loopback with a loopback Host header naming our port, and to nobody else', async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, `LOCALHOST:${server.port}`]) {
      const reply = await raw(server, 'GET', api('/teacher/token'), { headers: { host } });
      expect(reply.status, host).toBe(200);
      expect(reply.json()).toEqual({ token: server.token });
    }
    for (const host of ['evil.example', `evil.example:${server.port}`, `localhost.evil.example:${server.port}`, 'localhost:1', '192.168.1.20:8080', `127.0.0.2:${server.port}`]) {
      const reply = await raw(server, 'GET', api('/teacher/token'), { headers: { host } });
      expect(reply.status, host).toBe(403);
      expect(reply.text).not.toContain(server.token);
    }
    const proxied = await raw(server, 'GET', api('/teacher/token'), { headers: { host: `localhost:${server.port}`, 'x-forwarded-for': '192.168.1.30' } });
    expect(proxied.status).toBe(403);
  });

  it('needs a loopback socket as well as the Host header', () => {
    expect(isLoopbackRequest(fake('127.0.0.1', { host: 'localhost:8080' }), 8080)).toBe(true);
    expect(isLoopbackRequest(fake('::ffff:127.0.0.1', { host: '127.0.0.1:8080' }), 8080)).toBe(true);
    expect(isLoopbackRequest(fake('192.168.1.30', { host: 'localhost:8080' }), 8080)).toBe(false);
    expect(isLoopbackRequest(fake('::ffff:192.168.1.30', { host: '127.0.0.1:8080' }), 8080)).toBe(false);
    expect(isLoopbackRequest(fake('127.0.0.1', {}), 8080)).toBe(false);
    expect(isLoopbackRequest(fake('127.0.0.1', { host: 'localhost' }), 80)).toBe(true);
  });
});
