import { describe, expect, it } from 'vitest';
import { createKioskLabClient, type FetchLike } from '../../src/lab/kioskClient.ts';

const jsonReply = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const hello = { server: 'psyscreen-lab', protocol: 1, plan: null, kioskUrls: [], time: '2026-11-22T02:00:00Z' };

describe('kiosk lab client', () => {
  it('asks only paths on its own origin under the API', async () => {
    const urls: string[] = [];
    const client = createKioskLabClient((url) => { urls.push(url); return Promise.resolve(jsonReply(hello)); });
    await client.hello('lab-0a1b2c3d');
    await client.receipts('lab-0a1b2c3d');
    expect(urls).toEqual(['/api/v1/hello?machine=lab-0a1b2c3d', '/api/v1/receipts?machine=lab-0a1b2c3d']);
    expect(() => createKioskLabClient(() => Promise.reject(new Error('unused')), 'http://evil.example/api')).toThrow();
    expect(() => createKioskLabClient(() => Promise.reject(new Error('unused')), '//evil.example/api')).toThrow();
  });

  it('tells a static host (its 404 page or index.html) from a server that is down', async () => {
    const html: FetchLike = () => Promise.resolve(new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const missing: FetchLike = () => Promise.resolve(new Response('not found', { status: 404 }));
    const down: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await createKioskLabClient(html).hello('lab-0a1b2c3d')).toMatchObject({ ok: false, code: 'not_lab' });
    expect(await createKioskLabClient(missing).hello('lab-0a1b2c3d')).toMatchObject({ ok: false, code: 'not_lab' });
    expect(await createKioskLabClient(down).hello('lab-0a1b2c3d')).toMatchObject({ ok: false, code: 'unreachable' });
    expect(await createKioskLabClient(() => Promise.resolve(jsonReply(hello))).hello('lab-0a1b2c3d')).toMatchObject({ ok: true });
  });

  it('reads the protocol\'s error codes, Retry-After, and refuses replies that do not match', async () => {
    const reply = (response: Response): FetchLike => () => Promise.resolve(response);
    const id = '0123abcd-0000-4000-8000-0123456789ab';
    expect(await createKioskLabClient(reply(jsonReply({ ok: false, issues: [{ code: 'disk_full', path: [] }] }, 507))).putSubmission(id, 'a'.repeat(64), 'lab-0a1b2c3d', new Uint8Array([1])))
      .toEqual({ ok: false, status: 507, code: 'disk_full' });
    expect(await createKioskLabClient(reply(jsonReply({ ok: false, issues: [{ code: 'rate_limited', path: [] }] }, 429, { 'retry-after': '7' }))).receipts('lab-0a1b2c3d'))
      .toEqual({ ok: false, status: 429, code: 'rate_limited', retryAfterSeconds: 7 });
    expect(await createKioskLabClient(reply(jsonReply({ ok: true, id, duplicate: 'no' }))).putAlert(id, 'lab-0a1b2c3d', new Uint8Array([1])))
      .toMatchObject({ ok: false, code: 'bad_reply' });
    expect(await createKioskLabClient(reply(new Response('oops', { status: 502 }))).student('a'.repeat(64))).toMatchObject({ ok: false, code: 'server_error' });
    expect(await createKioskLabClient(reply(jsonReply({ ok: false, issues: [{ code: 'not_found', path: [] }] }, 404))).getDraft('a'.repeat(64))).toEqual({ ok: true, value: null });
  });

  it('sends sealed bytes as octet-stream and the plan back as text', async () => {
    let seen: RequestInit | undefined;
    const client = createKioskLabClient((_url, init) => { seen = init; return Promise.resolve(jsonReply({ kind: 'kiosk-plan' })); });
    expect(await client.plan()).toEqual({ ok: true, value: '{"kind":"kiosk-plan"}' });
    await client.putSubmission('0123abcd-0000-4000-8000-0123456789ab', 'a'.repeat(64), 'lab-0a1b2c3d', new Uint8Array([80, 83]));
    expect(seen).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, credentials: 'same-origin' });
    expect([...(seen?.body as Uint8Array)]).toEqual([80, 83]);
  });
});
