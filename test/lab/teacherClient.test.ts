import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../src/issueMessages.ts';
import { createTeacherLabClient, type LabFetch } from '../../src/lab/teacherClient.ts';

const ORIGIN = 'http://192.168.1.20:8080';
const TOKEN = 'T'.repeat(40);
const ID = '0d9e8f7a-1b2c-4d3e-8f90-a1b2c3d4e5f6';
const HELLO = {
  server: 'psyscreen-lab', protocol: 1, plan: { ref: 'demo-2026@1.0.0', digest: 'a'.repeat(64) },
  kioskUrls: ['http://192.168.1.20:8080/kiosk.html'], time: '2026-10-12T02:30:00.000Z',
};
const LISTING = { id: ID, plan: 'demo-2026@1.0.0', machine: 'lab-0a1b2c3d', receivedAt: '2026-10-12T02:30:00.000Z', bytes: 3, imported: false };

interface Seen { url: string; method: string; auth: string | null; body: string | null }

/** A fetch that answers from a table of `METHOD path` → reply and records what was asked. */
function fakeFetch(replies: Record<string, () => Response>): { fetch: LabFetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch: LabFetch = async (url, init) => {
    const method = init?.method ?? 'GET';
    seen.push({ url, method, auth: new Headers(init?.headers).get('Authorization'), body: typeof init?.body === 'string' ? init.body : null });
    const reply = replies[`${method} ${url.slice(ORIGIN.length)}`];
    return Promise.resolve(reply ? reply() : new Response('not found', { status: 404 }));
  };
  return { fetch, seen };
}
const json = (value: unknown, status = 200, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const codes = (outcome: { ok: boolean; issues?: readonly { code: string }[] }) => (outcome.ok ? [] : (outcome.issues ?? []).map((found) => found.code));

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
    for (const outcome of [await client.hello(), await client.submissions(), await client.submissionBytes(ID), await client.receipts([ID]), await client.clear([ID]), await client.putPlan('{}')]) {
      expect(codes(outcome)).toEqual(['lab_unreachable']);
    }
    expect(describeIssue({ code: 'lab_unreachable', path: [] }, 'zh-CN')).toContain('连不上机房服务器');
  });

  it('sends the bearer token on teacher endpoints, and sends nothing without one', async () => {
    const { fetch, seen } = fakeFetch({
      'GET /api/v1/teacher/submissions': json({ submissions: [LISTING] }),
      [`GET /api/v1/teacher/submissions/${ID}`]: () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'application/octet-stream' } }),
      'POST /api/v1/teacher/receipts': json({ ok: true }),
      'POST /api/v1/teacher/clear': json({ ok: true, removed: 1, notImported: [] }),
      'PUT /api/v1/teacher/plan': json({ ok: true, ref: 'demo-2026@1.0.0', digest: 'b'.repeat(64) }),
    });
    const client = createTeacherLabClient({ fetch, origin: ORIGIN, token: TOKEN });
    expect(await client.submissions()).toEqual({ ok: true, value: [LISTING] });
    const bytes = await client.submissionBytes(ID);
    expect(bytes.ok && [...bytes.value]).toEqual([1, 2, 3]);
    expect(await client.receipts([ID])).toEqual({ ok: true, value: true });
    expect(await client.clear([ID])).toEqual({ ok: true, value: { removed: 1, notImported: [] } });
    expect(await client.putPlan('{"kind":"kiosk-plan"}')).toEqual({ ok: true, value: { ref: 'demo-2026@1.0.0', digest: 'b'.repeat(64) } });
    expect(seen.map((request) => request.auth)).toEqual(Array(5).fill(`Bearer ${TOKEN}`));
    expect(seen.find((request) => request.url.endsWith('/receipts'))?.body).toBe(JSON.stringify({ ids: [ID] }));
    expect(seen.find((request) => request.method === 'PUT')?.body).toBe('{"kind":"kiosk-plan"}');

    const without = fakeFetch({});
    const anonymous = createTeacherLabClient({ fetch: without.fetch, origin: ORIGIN });
    expect(codes(await anonymous.submissions())).toEqual(['lab_no_token']);
    expect(without.seen).toEqual([]);
  });

  it('turns 401 and the server\'s own error codes into issues with what to do', async () => {
    const { fetch } = fakeFetch({
      'GET /api/v1/teacher/submissions': json({ ok: false, issues: [{ code: 'unauthorized', path: [] }] }, 401),
      'PUT /api/v1/teacher/plan': json({ ok: false, issues: [{ code: 'disk_full', path: [] }] }, 507),
      'POST /api/v1/teacher/receipts': json({ ok: false, issues: [{ code: 'rate_limited', path: [] }] }, 429, { 'Retry-After': '7' }),
      'POST /api/v1/teacher/clear': json({ ok: false, issues: [{ code: 'something_new', path: [] }] }, 400),
      [`GET /api/v1/teacher/submissions/${ID}`]: () => new Response('gateway', { status: 502 }),
    });
    const client = createTeacherLabClient({ fetch, origin: ORIGIN, token: TOKEN });
    expect(codes(await client.submissions())).toEqual(['lab_unauthorized']);
    expect(codes(await client.putPlan('{}'))).toEqual(['lab_disk_full']);
    const limited = await client.receipts([ID]);
    expect(limited).toEqual({ ok: false, issues: [{ code: 'lab_rate_limited', path: [], params: { status: 429, seconds: 7 } }] });
    expect(limited.ok ? '' : describeIssue(limited.issues[0] ?? { code: '', path: [] }, 'en')).toContain('about 7 s');
    expect(codes(await client.clear([ID]))).toEqual(['lab_refused']);
    expect(codes(await client.submissionBytes(ID))).toEqual(['lab_refused']);
  });

  it('refuses malformed replies to teacher calls instead of using them', async () => {
    const { fetch } = fakeFetch({
      'GET /api/v1/teacher/submissions': json({ submissions: [{ ...LISTING, id: '../../etc/passwd' }] }),
      'POST /api/v1/teacher/receipts': () => new Response('ok'),
      'POST /api/v1/teacher/clear': json({ ok: true, removed: -1, notImported: [] }),
      'GET /api/v1/teacher/token': json({ token: 'short' }),
      [`GET /api/v1/teacher/submissions/${ID}`]: () => new Response(new Uint8Array(0)),
    });
    const client = createTeacherLabClient({ fetch, origin: ORIGIN, token: TOKEN });
    const list = await client.submissions();
    expect(codes(list)[0]).toBe('lab_reply_invalid');
    expect(list.ok ? [] : list.issues[1]?.path).toEqual(['submissions', 0, 'id']);
    expect(codes(await client.receipts([ID]))[0]).toBe('lab_reply_invalid');
    expect(codes(await client.clear([ID]))[0]).toBe('lab_reply_invalid');
    expect(codes(await client.token())[0]).toBe('lab_reply_invalid');
    expect(codes(await client.submissionBytes(ID))).toEqual(['lab_reply_invalid']);
  });

  it('asks for the token without one and takes a well-formed reply', async () => {
    const { fetch, seen } = fakeFetch({ 'GET /api/v1/teacher/token': json({ token: TOKEN }) });
    expect(await createTeacherLabClient({ fetch, origin: ORIGIN }).token()).toEqual({ ok: true, value: TOKEN });
    expect(seen[0]?.auth).toBeNull();
    const refused = fakeFetch({ 'GET /api/v1/teacher/token': json({ ok: false, issues: [{ code: 'unauthorized', path: [] }] }, 403) });
    expect(codes(await createTeacherLabClient({ fetch: refused.fetch, origin: ORIGIN }).token())).toEqual(['lab_unauthorized']);
  });
});
