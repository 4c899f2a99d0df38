import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../src/issueMessages.ts';
import type { Monitor } from '../../src/lab/protocol.ts';
import { createTeacherLabClient, type LabFetch } from '../../src/lab/teacherClient.ts';

const ORIGIN = 'http://192.168.1.20:8080';
const TOKEN = 'T'.repeat(40);
const ID = '0d9e8f7a-1b2c-4d3e-8f90-a1b2c3d4e5f6';
const HELLO = {
  server: 'psyscreen-lab', protocol: 1, plan: { ref: 'demo-2026@1.0.0', digest: 'a'.repeat(64) },
  kioskUrls: ['http://192.168.1.20:8080/kiosk.html'], time: '2026-10-12T02:30:00.000Z',
};
const LISTING = { id: ID, plan: 'demo-2026@1.0.0', machine: 'lab-0a1b2c3d', receivedAt: '2026-10-12T02:30:00.000Z', bytes: 3, imported: false };
const ALERT = '11111111-2222-4333-8444-555555555555';
const MONITOR: Monitor = {
  plan: 'demo-2026@1.0.0', time: '2026-10-12T02:00:00.000Z',
  students: [{ entry: 'a'.repeat(64), state: 'in-progress', machine: 'lab-0000abcd', answered: 7, at: '2026-10-12T01:58:00.000Z' }],
  machines: [{ id: 'lab-0000abcd', lastSeen: '2026-10-12T01:59:00.000Z', address: '192.168.1.31' }],
  alerts: [{ id: ALERT, machine: 'lab-0000abcd', receivedAt: '2026-10-12T01:59:30.000Z', acknowledged: false }],
  disk: { full: false, freeBytes: 1e9 },
};

interface Seen { url: string; method: string; auth: string | null; body: string | null; init: RequestInit | undefined }

/** A fetch that answers from a table of `METHOD path` → reply and records what was asked. */
function fakeFetch(replies: Record<string, () => Response>): { fetch: LabFetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch: LabFetch = async (url, init) => {
    const method = init?.method ?? 'GET';
    seen.push({ url, method, auth: new Headers(init?.headers).get('Authorization'), body: typeof init?.body === 'string' ? init.body : null, init });
    const reply = replies[`${method} ${url.slice(ORIGIN.length)}`];
    return Promise.resolve(reply ? reply() : new Response('not found', { status: 404 }));
  };
  return { fetch, seen };
}
const json = (value: unknown, status = 200, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const labError = (code: string, status: number, headers: Record<string, string> = {}) => json({ ok: false, issues: [{ code, path: [] }] }, status, headers);
const codes = (outcome: { ok: boolean; issues?: readonly { code: string }[] }) => (outcome.ok ? [] : (outcome.issues ?? []).map((found) => found.code));
/** A body whose connection breaks while it comes. */
const cutShort = () => new Response(new ReadableStream({ start: (controller) => controller.error(new TypeError('network error')) }));

describe('teacher lab client', () => {
  it('reads a valid hello, and says "no lab server here" for a static host\'s 404 or index page', async () => {
    const { fetch, seen } = fakeFetch({ 'GET /api/v1/hello': json(HELLO) });
    const hello = await createTeacherLabClient({ fetch, origin: ORIGIN }).hello();
    expect(hello).toEqual({ ok: true, value: HELLO });
    expect(seen[0]).toMatchObject({ url: `${ORIGIN}/api/v1/hello`, auth: null });

    expect(codes(await createTeacherLabClient({ fetch: fakeFetch({}).fetch, origin: ORIGIN }).hello())).toEqual(['lab_not_here']);
    const spa = fakeFetch({ 'GET /api/v1/hello': () => new Response('<!doctype html><title>PsyScreen</title>', { headers: { 'Content-Type': 'text/html' } }) });
    expect(codes(await createTeacherLabClient({ fetch: spa.fetch, origin: ORIGIN }).hello())).toEqual(['lab_not_here']);
    const otherJson = fakeFetch({ 'GET /api/v1/hello': json({ hello: 'world' }) });
    expect(codes(await createTeacherLabClient({ fetch: otherJson.fetch, origin: ORIGIN }).hello())).toEqual(['lab_not_here']);
  });

  it('refuses a malformed hello from a lab server, and a newer protocol, as issues', async () => {
    const bad = fakeFetch({ 'GET /api/v1/hello': json({ ...HELLO, kioskUrls: ['not a url'] }) });
    const outcome = await createTeacherLabClient({ fetch: bad.fetch, origin: ORIGIN }).hello();
    expect(codes(outcome)[0]).toBe('lab_reply_invalid');
    expect(outcome.ok ? [] : outcome.issues.slice(1).map((found) => found.path)).toContainEqual(['kioskUrls', 0]);
    const newer = fakeFetch({ 'GET /api/v1/hello': json({ ...HELLO, protocol: 2 }) });
    expect(await createTeacherLabClient({ fetch: newer.fetch, origin: ORIGIN }).hello()).toEqual({ ok: false, issues: [{ code: 'lab_protocol_unsupported', path: [], params: { protocol: '2' } }] });
    const extra = fakeFetch({ 'GET /api/v1/hello': json({ ...HELLO, admin: true }) });
    expect(codes(await createTeacherLabClient({ fetch: extra.fetch, origin: ORIGIN }).hello())[0]).toBe('lab_reply_invalid');
  });

  it('says the server is unreachable when the network is down, and never throws', async () => {
    const down: LabFetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const client = createTeacherLabClient({ fetch: down, origin: ORIGIN, token: TOKEN });
    for (const outcome of [
      await client.hello(), await client.token(), await client.submissions(), await client.submissionBytes(ID), await client.receipts([ID]), await client.clear([ID]),
      await client.putPlan('{}'), await client.monitor(), await client.alertBytes(ALERT), await client.acknowledge(ALERT, '李老师'),
    ]) {
      expect(codes(outcome)).toEqual(['lab_unreachable']);
    }
    expect(describeIssue({ code: 'lab_unreachable', path: [] }, 'zh-CN')).toContain('连不上机房服务器');
    // the connection breaks while the reply comes: the same, not "a reply off the contract"
    const broken = createTeacherLabClient({ fetch: fakeFetch({ 'GET /api/v1/teacher/monitor': cutShort, 'GET /api/v1/teacher/submissions': cutShort }).fetch, origin: ORIGIN, token: TOKEN });
    expect(codes(await broken.monitor())).toEqual(['lab_unreachable']);
    expect(codes(await broken.submissions())).toEqual(['lab_unreachable']);
  });

  it('sends the bearer token on teacher endpoints, and sends nothing without one', async () => {
    const { fetch, seen } = fakeFetch({
      'GET /api/v1/teacher/submissions': json({ submissions: [LISTING] }),
      [`GET /api/v1/teacher/submissions/${ID}`]: () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'application/octet-stream' } }),
      'POST /api/v1/teacher/receipts': json({ ok: true }),
      'POST /api/v1/teacher/clear': json({ ok: true, removed: 1, notImported: [] }),
      'PUT /api/v1/teacher/plan': json({ ok: true, ref: 'demo-2026@1.0.0', digest: 'b'.repeat(64) }),
      'GET /api/v1/teacher/monitor': json(MONITOR),
      [`GET /api/v1/teacher/alerts/${ALERT}`]: () => new Response(new Uint8Array([0x50, 0x53, 0x59, 0x45, 1, 2, 3])),
      [`POST /api/v1/teacher/alerts/${ALERT}/ack`]: json({ ok: true }),
    });
    const client = createTeacherLabClient({ fetch, origin: ORIGIN, token: TOKEN });
    expect(await client.submissions()).toEqual({ ok: true, value: [LISTING] });
    const bytes = await client.submissionBytes(ID);
    expect(bytes.ok && [...bytes.value]).toEqual([1, 2, 3]);
    expect(await client.receipts([ID])).toEqual({ ok: true, value: true });
    expect(await client.clear([ID])).toEqual({ ok: true, value: { removed: 1, notImported: [] } });
    expect(await client.putPlan('{"kind":"kiosk-plan"}')).toEqual({ ok: true, value: { ref: 'demo-2026@1.0.0', digest: 'b'.repeat(64) } });
    expect(await client.monitor()).toEqual({ ok: true, value: MONITOR });
    const alert = await client.alertBytes(ALERT);
    expect(alert.ok && [...alert.value]).toEqual([0x50, 0x53, 0x59, 0x45, 1, 2, 3]);
    expect(await client.acknowledge(ALERT, '李老师')).toEqual({ ok: true, value: true });
    expect(seen.map((request) => request.auth)).toEqual(Array(8).fill(`Bearer ${TOKEN}`));
    // the token is for this server only: no redirect takes it elsewhere, no cache keeps a reply
    expect(seen.map((request) => [request.init?.redirect, request.init?.cache, request.init?.credentials])).toEqual(Array(8).fill(['error', 'no-store', 'omit']));
    expect(seen.map((request) => `${request.method} ${request.url.slice(ORIGIN.length)}`).slice(5)).toEqual([
      'GET /api/v1/teacher/monitor', `GET /api/v1/teacher/alerts/${ALERT}`, `POST /api/v1/teacher/alerts/${ALERT}/ack`,
    ]);
    expect(seen.find((request) => request.url.endsWith('/receipts'))?.body).toBe(JSON.stringify({ ids: [ID] }));
    expect(seen.find((request) => request.method === 'PUT')?.body).toBe('{"kind":"kiosk-plan"}');
    // the acknowledgement is the contract's AlertAck: who
    expect(seen.find((request) => request.url.endsWith('/ack'))?.body).toBe(JSON.stringify({ by: '李老师' }));

    const without = fakeFetch({});
    const anonymous = createTeacherLabClient({ fetch: without.fetch, origin: ORIGIN });
    for (const outcome of [await anonymous.submissions(), await anonymous.monitor(), await anonymous.alertBytes(ALERT), await anonymous.acknowledge(ALERT, '李老师')]) {
      expect(codes(outcome)).toEqual(['lab_no_token']);
    }
    expect(without.seen).toEqual([]);
  });

  it('turns 401 and the server\'s own error codes into issues with what to do', async () => {
    const { fetch } = fakeFetch({
      'GET /api/v1/teacher/submissions': json({ ok: false, issues: [{ code: 'unauthorized', path: [] }] }, 401),
      'PUT /api/v1/teacher/plan': json({ ok: false, issues: [{ code: 'disk_full', path: [] }] }, 507),
      'POST /api/v1/teacher/receipts': json({ ok: false, issues: [{ code: 'rate_limited', path: [] }] }, 429, { 'Retry-After': '7' }),
      'POST /api/v1/teacher/clear': json({ ok: false, issues: [{ code: 'something_new', path: [] }] }, 400),
      [`GET /api/v1/teacher/submissions/${ID}`]: () => new Response('gateway', { status: 502 }),
      'GET /api/v1/teacher/monitor': labError('server_error', 503),
      [`GET /api/v1/teacher/alerts/${ALERT}`]: labError('not_found', 404),
      [`POST /api/v1/teacher/alerts/${ALERT}/ack`]: labError('unauthorized', 401),
    });
    const client = createTeacherLabClient({ fetch, origin: ORIGIN, token: TOKEN });
    expect(codes(await client.submissions())).toEqual(['lab_unauthorized']);
    expect(codes(await client.putPlan('{}'))).toEqual(['lab_disk_full']);
    const limited = await client.receipts([ID]);
    expect(limited).toEqual({ ok: false, issues: [{ code: 'lab_rate_limited', path: [], params: { status: 429, seconds: 7 } }] });
    expect(limited.ok ? '' : describeIssue(limited.issues[0] ?? { code: '', path: [] }, 'en')).toContain('about 7 s');
    // a code this client does not know: refused, the code kept for whoever reads the server's log
    expect(await client.clear([ID])).toEqual({ ok: false, issues: [{ code: 'lab_refused', path: [], params: { status: 400, code: 'something_new' } }] });
    // no JSON at all: the status decides (a gateway's 5xx is the server's trouble, an unknown path is not found)
    expect(await client.submissionBytes(ID)).toEqual({ ok: false, issues: [{ code: 'lab_server_error', path: [], params: { status: 502 } }] });
    expect(await client.monitor()).toEqual({ ok: false, issues: [{ code: 'lab_server_error', path: [], params: { status: 503 } }] });
    expect(await client.alertBytes(ALERT)).toEqual({ ok: false, issues: [{ code: 'lab_not_found', path: [], params: { status: 404 } }] });
    expect(codes(await client.acknowledge(ALERT, '李老师'))).toEqual(['lab_unauthorized']);
  });

  it.each([
    ['500 without JSON', 'lab_server_error', () => new Response('boom', { status: 500 })],
    ['404 without JSON', 'lab_not_found', () => new Response('nothing here', { status: 404 })],
    ['418 without JSON', 'lab_refused', () => new Response('teapot', { status: 418 })],
    ['429 without a Retry-After', 'lab_rate_limited', () => new Response('slow down', { status: 429 })],
    ['413 without JSON', 'lab_too_large', () => new Response('too big', { status: 413 })],
    ['507 without JSON', 'lab_disk_full', () => new Response('disk', { status: 507 })],
    ['403 without JSON', 'lab_unauthorized', () => new Response('forbidden', { status: 403 })],
  ])('maps a refusal by its status alone: %s → %s', async (_case, code, answer) => {
    const reply = await createTeacherLabClient({ fetch: fakeFetch({ 'GET /api/v1/teacher/monitor': answer }).fetch, origin: ORIGIN, token: TOKEN }).monitor();
    expect(codes(reply)).toEqual([code]);
    // the catalogue has words for it (an unknown code would be shown as itself)
    expect(describeIssue(reply.ok ? { code: '', path: [] } : reply.issues[0] ?? { code: '', path: [] }, 'zh-CN')).not.toBe(code);
    // a missing Retry-After still names a wait
    if (code === 'lab_rate_limited') expect(reply.ok ? undefined : reply.issues[0]?.params).toEqual({ status: 429, seconds: 10 });
  });

  it('refuses malformed replies to teacher calls instead of using them', async () => {
    const { fetch } = fakeFetch({
      'GET /api/v1/teacher/submissions': json({ submissions: [{ ...LISTING, id: '../../etc/passwd' }] }),
      'POST /api/v1/teacher/receipts': () => new Response('ok'),
      'POST /api/v1/teacher/clear': json({ ok: true, removed: -1, notImported: [] }),
      'GET /api/v1/teacher/token': json({ token: 'short' }),
      [`GET /api/v1/teacher/submissions/${ID}`]: () => new Response(new Uint8Array(0)),
      [`GET /api/v1/teacher/alerts/${ALERT}`]: () => new Response(new Uint8Array(64 * 1024 + 1)),
      [`POST /api/v1/teacher/alerts/${ALERT}/ack`]: () => new Response('ok'),
    });
    const client = createTeacherLabClient({ fetch, origin: ORIGIN, token: TOKEN });
    const list = await client.submissions();
    expect(codes(list)[0]).toBe('lab_reply_invalid');
    expect(list.ok ? [] : list.issues[1]?.path).toEqual(['submissions', 0, 'id']);
    expect(codes(await client.receipts([ID]))[0]).toBe('lab_reply_invalid');
    expect(codes(await client.clear([ID]))[0]).toBe('lab_reply_invalid');
    expect(codes(await client.token())[0]).toBe('lab_reply_invalid');
    expect(await client.submissionBytes(ID)).toEqual({ ok: false, issues: [{ code: 'lab_reply_invalid', path: [], params: { bytes: 0 } }] });
    expect(await client.alertBytes(ALERT)).toEqual({ ok: false, issues: [{ code: 'lab_reply_invalid', path: [], params: { bytes: 64 * 1024 + 1 } }] });
    expect(codes(await client.acknowledge(ALERT, '李老师'))[0]).toBe('lab_reply_invalid');
  });

  it.each([
    ['not JSON', () => new Response('<html>', { status: 200 }), []],
    ['a reply off the schema', json({ ...MONITOR, students: [{ ...MONITOR.students[0], entry: 'Robert' }] }), ['students', 0, 'entry']],
    ['an extra field', json({ ...MONITOR, names: ['张三'] }), ['names']],
  ])('refuses a monitor reply that is %s, saying where', async (_case, answer, where) => {
    const reply = await createTeacherLabClient({ fetch: fakeFetch({ 'GET /api/v1/teacher/monitor': answer }).fetch, origin: ORIGIN, token: TOKEN }).monitor();
    expect(codes(reply)[0]).toBe('lab_reply_invalid');
    expect(reply.ok ? [] : reply.issues.slice(1).map((found) => found.path)).toContainEqual(where);
  });

  it('asks for the token without one and takes a well-formed reply; another PC is refused', async () => {
    const { fetch, seen } = fakeFetch({ 'GET /api/v1/teacher/token': json({ token: TOKEN }) });
    expect(await createTeacherLabClient({ fetch, origin: ORIGIN }).token()).toEqual({ ok: true, value: TOKEN });
    expect(seen[0]?.url).toBe(`${ORIGIN}/api/v1/teacher/token`);
    expect(seen[0]?.auth).toBeNull();
    const refused = fakeFetch({ 'GET /api/v1/teacher/token': json({ ok: false, issues: [{ code: 'unauthorized', path: [] }] }, 403) });
    expect(codes(await createTeacherLabClient({ fetch: refused.fetch, origin: ORIGIN }).token())).toEqual(['lab_unauthorized']);
  });
});
