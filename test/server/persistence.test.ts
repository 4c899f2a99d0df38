import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZMonitor, ZSubmissionList } from '../../src/lab/protocol.ts';
import { nodeDiskIo, type DiskIo } from '../../src/server/durable.ts';
import { api, bearer, draftOf, jsonBody, lookupOf, machineOf, raw, sealSubmission, snapshot, startTestServer, uuidOf, type Running } from './support.ts';

const submit = (server: Running, seed: number, bytes: Uint8Array) =>
  raw(server, 'PUT', api(`/submissions/${uuidOf(seed)}?entry=${lookupOf(seed)}&machine=${machineOf(seed)}`), { body: bytes });
const teacherGet = async (server: Running, path: string): Promise<unknown> => (await raw(server, 'GET', api(path), { headers: bearer(server) })).json<unknown>();

describe('the data folder', () => {
  it('rebuilds everything after a restart: submissions, finished entries, drafts, receipts, alerts and their acks, machines', async () => {
    const first = await startTestServer();
    const sealed = await sealSubmission();
    await raw(first, 'PUT', api(`/drafts/${lookupOf(1)}`), jsonBody(draftOf(1)));
    await submit(first, 2, sealed);
    await submit(first, 3, await sealSubmission());
    await raw(first, 'PUT', api(`/alerts/${uuidOf(4)}?machine=${machineOf(4)}`), { body: await sealSubmission() });
    await raw(first, 'POST', api('/teacher/receipts'), { headers: bearer(first), body: JSON.stringify({ ids: [uuidOf(2)] }) });
    await raw(first, 'POST', api(`/teacher/alerts/${uuidOf(4)}/ack`), { headers: bearer(first), body: JSON.stringify({ by: '李老师' }) });
    const before = { list: await teacherGet(first, '/teacher/submissions'), monitor: ZMonitor.parse(await teacherGet(first, '/teacher/monitor')) };
    await first.close();
    // A write cut short by a crash leaves a temporary file; a record damaged on disk is skipped, not fatal.
    writeFileSync(join(first.data, 'submissions', `.${uuidOf(9)}.psysealed.abc.tmp`), 'partial');
    writeFileSync(join(first.data, 'drafts', `${lookupOf(8)}.json`), '{"draft":');
    const second = await startTestServer({ dist: first.dist, dataDir: first.data });
    try {
      expect(await teacherGet(second, '/teacher/submissions')).toEqual(before.list);
      expect(ZSubmissionList.parse(before.list).submissions).toHaveLength(2);
      expect({ ...ZMonitor.parse(await teacherGet(second, '/teacher/monitor')), disk: null }).toEqual({ ...before.monitor, disk: null });
      expect((await raw(second, 'GET', api(`/receipts?machine=${machineOf(2)}`))).json()).toEqual({ imported: [uuidOf(2)] });
      expect((await raw(second, 'GET', api(`/students/${lookupOf(2)}`))).json()).toMatchObject({ finished: true });
      expect((await raw(second, 'GET', api(`/drafts/${lookupOf(1)}`))).json()).toEqual(draftOf(1));
      expect((await submit(second, 2, sealed)).json()).toMatchObject({ ok: true, duplicate: true });
      expect((await raw(second, 'PUT', api(`/submissions/${uuidOf(5)}?entry=${lookupOf(3)}&machine=${machineOf(3)}`), { body: sealed })).status).toBe(409);
      expect(readdirSync(join(first.data, 'submissions')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(second.events).toContainEqual({ code: 'file_unreadable', params: { file: join(first.data, 'drafts', `${lookupOf(8)}.json`) } });
    } finally {
      await second.close();
    }
  });

  it('an upload whose record was never written (crash before the acknowledgement) is not listed, and the retry stores it', async () => {
    const first = await startTestServer();
    const sealed = await sealSubmission();
    writeFileSync(join(first.data, 'submissions', `${uuidOf(1)}.psysealed`), sealed);
    await first.close();
    const second = await startTestServer({ dist: first.dist, dataDir: first.data });
    try {
      expect(ZSubmissionList.parse(await teacherGet(second, '/teacher/submissions')).submissions).toEqual([]);
      expect(second.events.map((event) => event.code)).toContain('upload_incomplete');
      expect((await submit(second, 1, sealed)).json()).toMatchObject({ ok: true, duplicate: false });
      expect(ZSubmissionList.parse(await teacherGet(second, '/teacher/submissions')).submissions).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('a full disk', () => {
  it('below the free-space threshold: 507 disk_full, one line for the terminal, nothing written, then recovers', async () => {
    let free = 10 * 1024 * 1024;
    const disk: DiskIo = { writeDurable: nodeDiskIo.writeDurable, freeBytes: () => Promise.resolve(free) };
    const server = await startTestServer({ disk, minFreeBytes: 64 * 1024 * 1024 });
    try {
      const before = snapshot(server.data);
      for (const reply of [await submit(server, 1, await sealSubmission()), await raw(server, 'PUT', api(`/drafts/${lookupOf(2)}`), jsonBody(draftOf(2))), await submit(server, 3, await sealSubmission())]) {
        expect(reply.status).toBe(507);
        expect(reply.json()).toEqual({ ok: false, issues: [{ code: 'disk_full', path: [] }] });
      }
      expect(snapshot(server.data)).toEqual(before);
      expect(server.events.filter((event) => event.code === 'disk_full')).toHaveLength(1);
      expect(ZMonitor.parse(await teacherGet(server, '/teacher/monitor')).disk).toEqual({ full: true, freeBytes: free });
      free = 1024 * 1024 * 1024;
      expect((await submit(server, 1, await sealSubmission())).status).toBe(200);
      expect(server.events.map((event) => event.code)).toContain('disk_ok');
    } finally {
      await server.close();
    }
  });

  it('when the write itself hits ENOSPC or EDQUOT: 507, and no acknowledgement is left behind', async () => {
    let failWith: string | undefined = 'ENOSPC';
    const disk: DiskIo = {
      writeDurable: (path, bytes) => (failWith ? Promise.resolve({ ok: false, reason: 'disk_full', errno: failWith }) : nodeDiskIo.writeDurable(path, bytes)),
      freeBytes: () => Promise.resolve(null),
    };
    const server = await startTestServer({ disk });
    try {
      expect((await submit(server, 1, await sealSubmission())).status).toBe(507);
      failWith = 'EDQUOT';
      expect((await raw(server, 'PUT', api(`/alerts/${uuidOf(2)}?machine=${machineOf(2)}`), { body: await sealSubmission() })).status).toBe(507);
      expect(existsSync(join(server.data, 'submissions', `${uuidOf(1)}.json`))).toBe(false);
      failWith = undefined;
      expect((await submit(server, 1, await sealSubmission())).json()).toMatchObject({ ok: true, duplicate: false });
    } finally {
      await server.close();
    }
  });

  it('the durable write leaves the whole file and no temporary one', async () => {
    const server = await startTestServer();
    await server.close();
    const path = join(server.data, 'probe.bin');
    expect(await nodeDiskIo.writeDurable(path, new Uint8Array([1, 2, 3]))).toEqual({ ok: true });
    expect(readdirSync(server.data).filter((name) => name.includes('probe'))).toEqual(['probe.bin']);
    expect(await nodeDiskIo.writeDurable(join(server.data, 'missing-folder', 'x'), new Uint8Array([1]))).toEqual({ ok: false, reason: 'io_error', errno: 'ENOENT' });
  });
});
