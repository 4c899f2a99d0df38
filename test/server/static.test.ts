import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/csp.ts';
import { api, raw, startTestServer, type Running } from './support.ts';

let server: Running;
beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server.close());

const SECURITY = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

describe('lab server: static files from dist/ only', () => {
  it('serves index.html for / and pages, assets and the service worker with their types and cache rules', async () => {
    const root = await raw(server, 'GET', '/');
    expect(root.status).toBe(200);
    expect(root.text).toContain('library');
    expect(root.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(root.headers['cache-control']).toBe('no-cache');
    const asset = await raw(server, 'GET', '/assets/kiosk-BF7wzXJj.js');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(server, 'GET', '/assets/kiosk-vHCgVeuD.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const worker = await raw(server, 'GET', '/sw.js');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect((await raw(server, 'GET', '/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
    expect((await raw(server, 'GET', '/manifest.webmanifest')).headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect((await raw(server, 'GET', '/unknown.bin')).headers['content-type']).toBe('application/octet-stream');
  });

  it('answers HEAD without a body, and a matching ETag with 304', async () => {
    const head = await raw(server, 'HEAD', '/kiosk.html');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    const again = await raw(server, 'GET', '/kiosk.html', { headers: { 'if-none-match': String(head.headers.etag) } });
    expect(again.status).toBe(304);
  });

  it('refuses other methods on static paths with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await raw(server, method, '/kiosk.html', { body: 'x' });
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow).toBe('GET, HEAD');
    }
  });

  it.each([
    '/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt', '/assets\\..\\..\\secret.txt', '/kiosk.html%00.js', '/%00', '//etc/passwd', '/link-out.txt', '/dir-out/secret.txt',
    '/.env', '/.git/config', '/%2eenv', '/assets/', '/assets', '/demo/', '/nope.html', '/%zz', '/kiosk.html/',
  ])('never serves %s (no escape, no dotfile, no listing)', async (path) => {
    const reply = await raw(server, 'GET', path);
    expect([400, 404]).toContain(reply.status);
    expect(reply.text).not.toContain('SECRET');
    expect(reply.text).not.toContain('kiosk-BF7wzXJj');
    expect(reply.json()).toMatchObject({ ok: false });
  });

  it('sends the security headers on every response: pages, assets, API, errors, refusals', async () => {
    const replies = await Promise.all([
      raw(server, 'GET', '/'), raw(server, 'GET', '/assets/kiosk-BF7wzXJj.js'), raw(server, 'GET', '/nope'), raw(server, 'POST', '/'),
      raw(server, 'GET', '/../x'), raw(server, 'GET', api('/hello')), raw(server, 'GET', api('/nope')), raw(server, 'GET', api('/teacher/monitor')),
      raw(server, 'PUT', api('/drafts/x'), { body: '{' }), raw(server, 'HEAD', '/sw.js'), raw(server, 'GET', '/kiosk.html', { headers: { 'if-none-match': '"x"' } }),
    ]);
    for (const reply of replies) {
      expect(reply.headers).toMatchObject(SECURITY);
      expect(reply.headers['permissions-policy']).toContain('camera=()');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('sends Cross-Origin-Opener-Policy only to a trustworthy (loopback) origin: on LAN http Chromium ignores it with a console error', async () => {
    const rest = Object.fromEntries(Object.entries(SECURITY).filter(([name]) => name !== 'cross-origin-opener-policy'));
    const lan = await raw(server, 'GET', '/kiosk.html', { headers: { host: `lab.school.test:${server.port}` } });
    expect(lan.headers).toMatchObject(rest);
    expect(lan.headers['cross-origin-opener-policy']).toBeUndefined();
    expect((await raw(server, 'GET', '/kiosk.html', { headers: { host: `localhost:${server.port}` } })).headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});
