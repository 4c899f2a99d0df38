import { describe, expect, it } from 'vitest';
import { LAB_API, type Monitor } from '../../src/lab/protocol.ts';
import { createMonitorClient, fetchTeacherToken, hashCarriesToken, labTokenOf, LAB_TOKEN_KEY, type LabFetch } from '../../src/lab/monitorClient.ts';

const BASE = 'http://192.168.1.20:8080';
const TOKEN = 'tok_0123456789abcdefghijklmnopqrstuv';
const LOOKUP = 'a'.repeat(64);
const ALERT = '11111111-2222-4333-8444-555555555555';

const MONITOR: Monitor = {
  plan: 'demo-2026@1.0.0', time: '2026-10-12T02:00:00.000Z',
  students: [{ entry: LOOKUP, state: 'in-progress', machine: 'lab-0000abcd', answered: 7, at: '2026-10-12T01:58:00.000Z' }],
  machines: [{ id: 'lab-0000abcd', lastSeen: '2026-10-12T01:59:00.000Z', address: '192.168.1.31' }],
  alerts: [{ id: ALERT, machine: 'lab-0000abcd', receivedAt: '2026-10-12T01:59:30.000Z', acknowledged: false }],
  disk: { full: false, freeBytes: 1e9 },
};

interface Seen { url: string; init: RequestInit | undefined }

/** A fake fetch that records each request and answers from the table (or throws, like a dead network). */
function fakeFetch(answer: (url: string, init?: RequestInit) => Response | 'network-down'): { fetch: LabFetch; seen: Seen[] } {
  const seen: Seen[] = [];
  return {
    seen,
    fetch: (url, init) => {
      seen.push({ url, init });
      const reply = answer(url, init);
      return reply === 'network-down' ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(reply);
    },
  };
}

const json = (value: unknown, status = 200): Response => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
const labError = (code: string, status: number): Response => json({ ok: false, issues: [{ code, path: [] }] }, status);

describe('monitor client', () => {
  it('asks for the monitor with the bearer token and returns the validated reply', async () => {
    const fake = fakeFetch(() => json(MONITOR));
    const reply = await createMonitorClient(fake.fetch, BASE, TOKEN).monitor();
    expect(reply).toEqual({ ok: true, value: MONITOR });
    expect(fake.seen[0]?.url).toBe(`${BASE}${LAB_API}/teacher/monitor`);
    expect(new Headers(fake.seen[0]?.init?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(fake.seen[0]?.init?.cache).toBe('no-store');
  });

  it.each([
    ['network down', (): Response | 'network-down' => 'network-down', 'lab_unreachable'],
    ['401', () => labError('unauthorized', 401), 'lab_unauthorized'],
    ['429', () => labError('rate_limited', 429), 'lab_rate_limited'],
    ['500 without JSON', () => new Response('boom', { status: 500 }), 'lab_server_error'],
    ['not JSON', () => new Response('<html>', { status: 200 }), 'lab_bad_reply'],
    ['a reply off the schema', () => json({ ...MONITOR, students: [{ ...MONITOR.students[0], entry: 'Robert' }] }), 'lab_bad_reply'],
    ['an extra field', () => json({ ...MONITOR, names: ['张三'] }), 'lab_bad_reply'],
  ])('%s → %s', async (_case, answer, code) => {
    const reply = await createMonitorClient(fakeFetch(answer).fetch, BASE, TOKEN).monitor();
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.issues.map((found) => found.code)).toEqual([code]);
  });

  it('keeps the server status of a refused request as a param', async () => {
    const reply = await createMonitorClient(fakeFetch(() => labError('server_error', 503)).fetch, BASE, TOKEN).monitor();
    expect(reply).toEqual({ ok: false, issues: [{ code: 'lab_server_error', path: [], params: { status: 503, code: 'server_error' } }] });
  });

  it('fetches an alert\'s sealed bytes as they are, and refuses an empty or oversized body', async () => {
    const sealed = new Uint8Array([0x50, 0x53, 0x59, 0x45, 1, 2, 3]);
    const fake = fakeFetch((url) => (url.endsWith(ALERT) ? new Response(sealed) : new Response(new Uint8Array(64 * 1024 + 1))));
    const client = createMonitorClient(fake.fetch, BASE, TOKEN);
    const got = await client.alertBytes(ALERT);
    expect(got.ok && [...got.value]).toEqual([...sealed]);
    expect(fake.seen[0]?.url).toBe(`${BASE}${LAB_API}/teacher/alerts/${ALERT}`);
    expect((await client.alertBytes('other')).ok).toBe(false);
    const empty = await createMonitorClient(fakeFetch(() => new Response(new Uint8Array(0))).fetch, BASE, TOKEN).alertBytes(ALERT);
    expect(empty).toEqual({ ok: false, issues: [{ code: 'lab_bad_reply', path: [] }] });
    const gone = await createMonitorClient(fakeFetch(() => labError('not_found', 404)).fetch, BASE, TOKEN).alertBytes(ALERT);
    expect(gone).toEqual({ ok: false, issues: [{ code: 'lab_not_found', path: [] }] });
  });

  it('acknowledges with a POST naming who, as the contract\'s AlertAck', async () => {
    const fake = fakeFetch(() => json({ ok: true }));
    expect(await createMonitorClient(fake.fetch, BASE, TOKEN).acknowledge(ALERT, '李老师')).toEqual({ ok: true, value: undefined });
    expect(fake.seen[0]?.url).toBe(`${BASE}${LAB_API}/teacher/alerts/${ALERT}/ack`);
    expect(fake.seen[0]?.init?.method).toBe('POST');
    expect(fake.seen[0]?.init?.body).toBe(JSON.stringify({ by: '李老师' }));
    const refused = await createMonitorClient(fakeFetch(() => labError('unauthorized', 401)).fetch, BASE, TOKEN).acknowledge(ALERT, '李老师');
    expect(refused.ok).toBe(false);
  });
});

describe('teacher token', () => {
  const memory = (): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } => {
    const items = new Map<string, string>();
    return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => { items.set(key, value); } };
  };

  it.each([
    ['#lab-token=' + TOKEN, TOKEN],
    ['#/monitor&lab-token=' + TOKEN, TOKEN],
    ['#lab-token=short', undefined],
    ['#lab-token=' + TOKEN + '<script>', undefined],
    ['#/dashboard', undefined],
  ])('%s → %s', (hash, expected) => {
    const storage = memory();
    expect(labTokenOf(hash, storage)).toBe(expected);
    expect(hashCarriesToken(hash)).toBe(expected !== undefined);
    expect(storage.items.get(LAB_TOKEN_KEY)).toBe(expected);
  });

  it('keeps the token for the tab once the hash has gone, and ignores a kept value that is not a token', () => {
    const storage = memory();
    labTokenOf(`#lab-token=${TOKEN}`, storage);
    expect(labTokenOf('#/monitor', storage)).toBe(TOKEN);
    storage.setItem(LAB_TOKEN_KEY, 'x y');
    expect(labTokenOf('#/monitor', storage)).toBeUndefined();
  });

  it('asks the loopback endpoint, and fails calmly where the server refuses (another PC)', async () => {
    const fake = fakeFetch(() => json({ token: TOKEN }));
    expect(await fetchTeacherToken(fake.fetch, BASE)).toEqual({ ok: true, value: TOKEN });
    expect(fake.seen[0]?.url).toBe(`${BASE}${LAB_API}/teacher/token`);
    expect((await fetchTeacherToken(fakeFetch(() => labError('unauthorized', 403)).fetch, BASE)).ok).toBe(false);
    expect((await fetchTeacherToken(fakeFetch(() => json({ token: 'x' })).fetch, BASE)).ok).toBe(false);
  });
});
