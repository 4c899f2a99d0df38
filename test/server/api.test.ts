import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZCleared, ZHello, ZMonitor, ZStored, ZStudentState, ZSubmissionList } from '../../src/lab/protocol.ts';
import { toBase64 } from '../../src/records/base64.ts';
import { keyIdOf, sealJson } from '../../src/records/sealed.ts';
import { DEMO_REF, api, bearer, demoPlan, demoPlanText, draftOf, jsonBody, lookupOf, machineOf, raw, sealSubmission, snapshot, startTestServer, uuidOf, type Running } from './support.ts';

let server: Running;
beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server.close());

const submit = (id: string, entry: string, machine: string, bytes: Uint8Array) =>
  raw(server, 'PUT', api(`/submissions/${id}?entry=${entry}&machine=${machine}`), { headers: { 'content-type': 'application/octet-stream' }, body: bytes });
const issuesOf = (reply: { json(): any }) => reply.json().issues as { code: string; path: unknown[] }[];

describe('kiosk endpoints', () => {
  it('GET /hello names the plan with the digest of the served bytes and the LAN kiosk address', async () => {
    const reply = await raw(server, 'GET', api(`/hello?machine=${machineOf(1)}`));
    expect(reply.status).toBe(200);
    const hello = ZHello.parse(reply.json());
    expect(hello.plan?.ref).toBe(DEMO_REF);
    const plan = await raw(server, 'GET', api('/plan'));
    expect(plan.text).toBe(demoPlanText);
    const { createHash } = await import('node:crypto');
    expect(hello.plan?.digest).toBe(createHash('sha256').update(plan.body).digest('hex'));
    expect(hello.kioskUrls).toEqual([`http://127.0.0.1:${server.port}/kiosk.html`]);
    expect(hello.time).toBe('2026-12-04T02:00:00.000Z');
  });

  it('stores a draft, keeps the newest by savedAt, and hands it back', async () => {
    const lookup = lookupOf(10);
    const first = await raw(server, 'PUT', api(`/drafts/${lookup}`), jsonBody(draftOf(10, '2026-12-04T02:00:00.000Z')));
    expect(first.status).toBe(200);
    expect(ZStored.parse(first.json())).toEqual({ ok: true, id: lookup, duplicate: false });
    const same = await raw(server, 'PUT', api(`/drafts/${lookup}`), jsonBody(draftOf(10, '2026-12-04T02:00:00.000Z')));
    expect(same.json()).toMatchObject({ ok: true, duplicate: true });
    const newer = { ...draftOf(10, '2026-12-04T10:05:00+08:00'), answered: 7 };
    expect((await raw(server, 'PUT', api(`/drafts/${lookup}`), jsonBody(newer))).status).toBe(200);
    const older = await raw(server, 'PUT', api(`/drafts/${lookup}`), jsonBody(draftOf(10, '2026-12-04T02:01:00.000Z')));
    expect(older.status).toBe(409);
    expect(issuesOf(older)[0]?.code).toBe('stale_draft');
    const back = await raw(server, 'GET', api(`/drafts/${lookup}`));
    expect(back.json()).toEqual(newer);
    expect((await raw(server, 'GET', api(`/drafts/${lookupOf(11)}`))).status).toBe(404);
    const state = ZStudentState.parse((await raw(server, 'GET', api(`/students/${lookup}`))).json());
    expect(state).toEqual({ finished: false, lastDraft: { machine: machineOf(10), savedAt: '2026-12-04T10:05:00+08:00' } });
  });

  it('refuses drafts that are malformed, for another plan, or too large, and stores nothing', async () => {
    const before = snapshot(server.data);
    const lookup = lookupOf(12);
    const cases: [unknown, number, string][] = [
      [{ ...draftOf(12), extra: 1 }, 400, 'bad_request'],
      [{ ...draftOf(12), machine: 'pc-1' }, 400, 'bad_request'],
      [{ ...draftOf(12), sealed: { iv: '!!', data: 'x' } }, 400, 'bad_request'],
      [{ ...draftOf(12), plan: 'other-plan@1.0.0' }, 422, 'wrong_plan'],
      [{ ...draftOf(12), sealed: { iv: 'AAAA', data: 'A'.repeat(70_000) } }, 413, 'too_large'],
    ];
    for (const [body, status, code] of cases) {
      const reply = await raw(server, 'PUT', api(`/drafts/${lookup}`), jsonBody(body));
      expect(reply.status).toBe(status);
      expect(issuesOf(reply)[0]?.code).toBe(code);
    }
    const notJson = await raw(server, 'PUT', api(`/drafts/${lookup}`), { body: '{"plan":' });
    expect(notJson.status).toBe(400);
    const badPath = await raw(server, 'PUT', api('/drafts/NOT-A-LOOKUP'), jsonBody(draftOf(12)));
    expect(issuesOf(badPath)).toContainEqual({ code: 'bad_lookup', path: ['params', 'lookup'] });
    expect(snapshot(server.data)).toEqual(before);
  });

  it('stores a real sealed submission once: same bytes are a duplicate, other bytes a conflict, a second one for the entry is refused', async () => {
    const sealed = await sealSubmission();
    const [id, entry, machine] = [uuidOf(20), lookupOf(20), machineOf(20)];
    await raw(server, 'PUT', api(`/drafts/${entry}`), jsonBody(draftOf(20)));
    const first = await submit(id, entry, machine, sealed);
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({ ok: true, id, duplicate: false });
    expect((await submit(id, entry, machine, sealed)).json()).toEqual({ ok: true, id, duplicate: true });
    const other = await submit(id, entry, machine, await sealSubmission());
    expect(other.status).toBe(409);
    expect(issuesOf(other)[0]?.code).toBe('id_conflict');
    const twice = await submit(uuidOf(21), entry, machineOf(21), await sealSubmission());
    expect(twice.status).toBe(409);
    expect(issuesOf(twice)[0]?.code).toBe('already_finished');
    expect((await raw(server, 'GET', api(`/students/${entry}`))).json()).toEqual({ finished: true, lastDraft: null });
    const lateDraft = await raw(server, 'PUT', api(`/drafts/${entry}`), jsonBody(draftOf(20, '2026-12-04T03:00:00.000Z')));
    expect(issuesOf(lateDraft)[0]?.code).toBe('already_finished');
    const listing = ZSubmissionList.parse((await raw(server, 'GET', api('/teacher/submissions'), { headers: bearer(server) })).json());
    expect(listing.submissions.filter((found) => found.id === id)).toEqual([{ id, plan: DEMO_REF, machine, entry, receivedAt: '2026-12-04T02:00:00.000Z', bytes: sealed.length, imported: false }]);
    const bytes = await raw(server, 'GET', api(`/teacher/submissions/${id}`), { headers: bearer(server) });
    expect(Buffer.compare(bytes.body, Buffer.from(sealed))).toBe(0);
    expect(bytes.headers['content-type']).toBe('application/octet-stream');
  });

  it('checks the envelope header without a key: not an envelope, another key, another plan', async () => {
    const before = snapshot(server.data);
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const rawKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const otherKey = { keyId: await keyIdOf(rawKey), publicKey: toBase64(rawKey) };
    const cases: [Uint8Array, number, string][] = [
      [new TextEncoder().encode('{"format":"psyscreen-sealed"}'), 422, 'not_envelope'],
      [new Uint8Array(0), 422, 'not_envelope'],
      [(await sealSubmission()).slice(0, 40), 422, 'not_envelope'],
      [await sealJson({ a: 1 }, otherKey, DEMO_REF, '2026-12-04T02:00:00.000Z'), 422, 'wrong_key'],
      [await sealSubmission({ a: 1 }, 'demo-2026@9.9.9'), 422, 'wrong_plan'],
      [new Uint8Array(600 * 1024), 413, 'too_large'],
    ];
    for (const [index, [bytes, status, code]] of cases.entries()) {
      const reply = await submit(uuidOf(30 + index), lookupOf(30 + index), machineOf(30), bytes);
      expect(reply.status, code).toBe(status);
      expect(issuesOf(reply)[0]?.code).toBe(code);
    }
    const badQuery = await submit(uuidOf(40), 'x', machineOf(40), await sealSubmission());
    expect(issuesOf(badQuery)).toContainEqual({ code: 'bad_lookup', path: ['query', 'entry'] });
    const extraQuery = await raw(server, 'PUT', api(`/submissions/${uuidOf(40)}?entry=${lookupOf(40)}&machine=${machineOf(40)}&x=1`), { body: await sealSubmission() });
    expect(extraQuery.status).toBe(400);
    const twiceKey = await raw(server, 'PUT', api(`/submissions/${uuidOf(40)}?entry=${lookupOf(40)}&entry=${lookupOf(41)}&machine=${machineOf(40)}`), { body: await sealSubmission() });
    expect(twiceKey.status).toBe(400);
    expect(snapshot(server.data)).toEqual(before);
  });

  it('stores a sealed alert idempotently and lets the teacher fetch and acknowledge it', async () => {
    const sealed = await sealJson({ format: 'psyscreen-alert' }, demoPlan.kiosk.recipient, DEMO_REF, '2026-12-04T02:00:00.000Z');
    const id = uuidOf(50);
    const put = (bytes: Uint8Array) => raw(server, 'PUT', api(`/alerts/${id}?machine=${machineOf(50)}`), { body: bytes });
    expect((await put(sealed)).json()).toEqual({ ok: true, id, duplicate: false });
    expect((await put(sealed)).json()).toEqual({ ok: true, id, duplicate: true });
    expect((await put(await sealSubmission())).status).toBe(409);
    const fetched = await raw(server, 'GET', api(`/teacher/alerts/${id}`), { headers: bearer(server) });
    expect(Buffer.compare(fetched.body, Buffer.from(sealed))).toBe(0);
    let monitor = ZMonitor.parse((await raw(server, 'GET', api('/teacher/monitor'), { headers: bearer(server) })).json());
    expect(monitor.alerts).toContainEqual({ id, machine: machineOf(50), receivedAt: '2026-12-04T02:00:00.000Z', acknowledged: false });
    const ack = await raw(server, 'POST', api(`/teacher/alerts/${id}/ack`), { headers: { ...bearer(server), 'content-type': 'application/json' }, body: JSON.stringify({ by: '王老师' }) });
    expect(ack.json()).toEqual({ ok: true });
    monitor = ZMonitor.parse((await raw(server, 'GET', api('/teacher/monitor'), { headers: bearer(server) })).json());
    expect(monitor.alerts.find((found) => found.id === id)?.acknowledged).toBe(true);
    expect((await raw(server, 'POST', api(`/teacher/alerts/${uuidOf(51)}/ack`), { headers: bearer(server), body: '{"by":"x"}' })).status).toBe(404);
    expect((await raw(server, 'POST', api(`/teacher/alerts/${id}/ack`), { headers: bearer(server), body: '{"by":""}' })).status).toBe(400);
    expect((await raw(server, 'PUT', api(`/alerts/${uuidOf(52)}`), { body: sealed })).status).toBe(400);
  });
});

describe('teacher endpoints', () => {
  it('refuse without the token, or with a wrong one, before reading anything', async () => {
    const paths: [string, string][] = [['GET', '/teacher/submissions'], ['GET', `/teacher/submissions/${uuidOf(1)}`], ['POST', '/teacher/receipts'], ['POST', '/teacher/clear'],
      ['GET', `/teacher/alerts/${uuidOf(1)}`], ['POST', `/teacher/alerts/${uuidOf(1)}/ack`], ['GET', '/teacher/monitor'], ['PUT', '/teacher/plan']];
    for (const [method, path] of paths) {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${server.token}x` }, { authorization: server.token }]) {
        const reply = await raw(server, method, api(path), { headers, body: '{}' });
        expect(reply.status, `${method} ${path}`).toBe(401);
        expect(issuesOf(reply)[0]?.code).toBe('unauthorized');
      }
    }
  });

  it('receipts mark imports for the kiosk; clear deletes only imported ciphertext and the entry stays finished', async () => {
    const [id, entry, machine] = [uuidOf(60), lookupOf(60), machineOf(60)];
    const [other] = [uuidOf(61)];
    await submit(id, entry, machine, await sealSubmission());
    await submit(other, lookupOf(61), machine, await sealSubmission());
    expect((await raw(server, 'GET', api(`/receipts?machine=${machine}`))).json()).toEqual({ imported: [] });
    const post = (path: string, body: unknown) => raw(server, 'POST', api(path), { headers: { ...bearer(server), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/teacher/receipts', { ids: [id, uuidOf(99)] })).json()).toEqual({ ok: true });
    expect((await raw(server, 'GET', api(`/receipts?machine=${machine}`))).json()).toEqual({ imported: [id] });
    expect((await raw(server, 'GET', api('/receipts'))).status).toBe(400);
    const cleared = ZCleared.parse((await post('/teacher/clear', { ids: [id, other] })).json());
    expect(cleared).toEqual({ ok: true, removed: 1, notImported: [other] });
    expect((await raw(server, 'GET', api(`/teacher/submissions/${id}`), { headers: bearer(server) })).status).toBe(404);
    const listing = ZSubmissionList.parse((await raw(server, 'GET', api('/teacher/submissions'), { headers: bearer(server) })).json());
    expect(listing.submissions.map((found) => found.id)).not.toContain(id);
    expect(listing.submissions.find((found) => found.id === other)?.imported).toBe(false);
    expect((await submit(uuidOf(62), entry, machine, await sealSubmission())).status).toBe(409);
    expect((await post('/teacher/receipts', { ids: [] })).status).toBe(400);
    expect((await post('/teacher/clear', { ids: ['x'] })).status).toBe(400);
  });

  it('monitor shows the current plan: who is in progress where, who finished, which machines were seen', async () => {
    await raw(server, 'GET', api(`/hello?machine=${machineOf(70)}`));
    await raw(server, 'PUT', api(`/drafts/${lookupOf(71)}`), jsonBody(draftOf(71)));
    const monitor = ZMonitor.parse((await raw(server, 'GET', api('/teacher/monitor'), { headers: bearer(server) })).json());
    expect(monitor.plan).toBe(DEMO_REF);
    expect(monitor.students).toContainEqual({ entry: lookupOf(71), state: 'in-progress', machine: machineOf(71), answered: 3, at: '2026-12-04T02:00:00.000Z' });
    expect(monitor.students).toContainEqual({ entry: lookupOf(20), state: 'finished', machine: machineOf(20), answered: 3, at: '2026-12-04T02:00:00.000Z' });
    expect(monitor.machines).toContainEqual({ id: machineOf(70), lastSeen: '2026-12-04T02:00:00.000Z', address: '127.0.0.1' });
    expect(monitor.disk.full).toBe(false);
  });

  it('PUT /teacher/plan validates the plan, stores it and serves it; a bad one changes nothing', async () => {
    const before = snapshot(server.data);
    const plan = (body: string | Uint8Array) => raw(server, 'PUT', api('/teacher/plan'), { headers: bearer(server), body });
    const broken = JSON.parse(demoPlanText);
    broken.kiosk.recipient.keyId = 'x';
    for (const body of ['{', JSON.stringify(broken), JSON.stringify({ ...JSON.parse(demoPlanText), plan: { ...JSON.parse(demoPlanText).plan, window: { opens: '2025-09-01', closes: '2026-01-15' } } }), new Uint8Array([0xff, 0xfe])]) {
      const reply = await plan(body);
      expect(reply.status).toBe(400);
      expect(issuesOf(reply)[0]?.code).toBe('bad_request');
    }
    expect(snapshot(server.data)).toEqual(before);
    const changed = JSON.parse(demoPlanText);
    changed.plan.version = '1.0.1';
    const text = JSON.stringify(changed);
    const reply = await plan(text);
    expect(reply.json()).toMatchObject({ ok: true, ref: 'demo-2026@1.0.1' });
    expect(ZHello.parse((await raw(server, 'GET', api('/hello'))).json()).plan?.ref).toBe('demo-2026@1.0.1');
    expect((await raw(server, 'GET', api('/plan'))).text).toBe(text);
    // Uploads are now checked against the new plan.
    expect(issuesOf(await submit(uuidOf(80), lookupOf(80), machineOf(80), await sealSubmission()))[0]?.code).toBe('wrong_plan');
    expect((await submit(uuidOf(80), lookupOf(80), machineOf(80), await sealSubmission({}, 'demo-2026@1.0.1'))).status).toBe(200);
    expect((await plan(demoPlanText)).status).toBe(200);
  });

  it('unknown API paths are 404 and wrong methods 405, as JSON', async () => {
    const missing = await raw(server, 'GET', api('/nothing'));
    expect(missing.status).toBe(404);
    expect(issuesOf(missing)[0]?.code).toBe('not_found');
    const method = await raw(server, 'DELETE', api('/hello'));
    expect(method.status).toBe(405);
    expect(method.headers.allow).toBe('GET');
  });
});
