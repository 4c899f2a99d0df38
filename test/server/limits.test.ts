import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/server/rateLimit.ts';
import { NOW, api, lookupOf, raw, snapshot, startTestServer, type Running } from './support.ts';

describe('body size limits', () => {
  let server: Running;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(() => server.close());

  it('refuses a declared Content-Length over the limit with 413 before a byte of the body is sent', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'PUT', path: api(`/drafts/${lookupOf(1)}`), headers: { 'content-length': String(10 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });

  it('answers 413 while a chunked body is still streaming, long before it would end', async () => {
    const before = snapshot(server.data);
    const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = request({ host: '127.0.0.1', port: server.port, method: 'PUT', path: api(`/submissions/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}?entry=${lookupOf(2)}&machine=lab-00000000`), headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        clearInterval(timer);
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      });
      req.on('error', (error) => { clearInterval(timer); if (sent < 1) reject(error); });
      const chunk = Buffer.alloc(16 * 1024, 1);
      const timer = setInterval(() => {
        if (sent > 20 * 1024 * 1024) { clearInterval(timer); reject(new Error('never refused')); return; }
        req.write(chunk);
        sent += chunk.length;
      }, 2);
    });
    expect(result.status).toBe(413);
    expect(result.sent).toBeLessThan(4 * 1024 * 1024);
    expect(snapshot(server.data)).toEqual(before);
  });
});

describe('rate limit', () => {
  it('a token bucket per address: burst, then Retry-After, refilled with time', () => {
    let time = 0;
    const limiter = createRateLimiter(2, 3, () => time);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    time += 500;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
    expect(() => createRateLimiter(0, 1, () => 0)).toThrow();
  });

  it('the server answers 429 rate_limited with Retry-After, on static files and the API alike, loopback included', async () => {
    let time = NOW;
    const server = await startTestServer({ ratePerSecond: 1, burst: 3, now: () => time });
    try {
      for (let i = 0; i < 3; i++) expect((await raw(server, 'GET', i % 2 ? '/' : api('/hello'))).status).toBe(200);
      const limited = await raw(server, 'GET', '/');
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('1');
      expect(limited.json()).toEqual({ ok: false, issues: [{ code: 'rate_limited', path: [] }] });
      expect((await raw(server, 'GET', api('/hello'))).status).toBe(429);
      time += 1000;
      expect((await raw(server, 'GET', api('/hello'))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('requests Node cannot parse', () => {
  it('get the JSON error and the security headers too, not a bare 400', async () => {
    const server = await startTestServer();
    try {
      const { connect } = await import('node:net');
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain("Content-Security-Policy: default-src 'self'");
      expect(answer).toContain('X-Content-Type-Options: nosniff');
      expect(answer).toContain('{"ok":false,"issues":[{"code":"bad_request","path":[]}]}');
    } finally {
      await server.close();
    }
  });
});
