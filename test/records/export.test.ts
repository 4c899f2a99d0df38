import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOpener, exportRecords, importBatch, mergeIntoWorkspace, readPublicKeyFile, readRecordExport, sealSubmission, writeBatch, writePublicKeyFile,
  type StudentRecord,
} from '../../src/records/index.ts';
import { TEST_KDF, record, submission, testKey, waveFrom, type TestKey } from './support.ts';

const created = '2027-07-01T02:00:00.000Z';
const codes = (outcome: { ok: boolean; issues?: readonly { code: string }[] }) => (outcome.ok ? [] : (outcome.issues ?? []).map((found) => found.code));

let schoolA: TestKey;
let schoolB: TestKey;
beforeAll(async () => {
  schoolA = await testKey('第一小学');
  schoolB = await testKey('第二中学');
});

describe('exportRecords', () => {
  it('zips one .psyrec per student with a manifest; file names reveal nobody; progress reaches the total', async () => {
    const records = Array.from({ length: 40 }, (_, i) => record(i));
    const progress: number[] = [];
    const outcome = await exportRecords(records, { key: schoolA.recipient }, { created, onProgress: ({ done, total }) => { progress.push(done); expect(total).toBe(40); } });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const files = unzipSync(outcome.value);
    const names = Object.keys(files);
    expect(names).toHaveLength(41);
    expect(names.filter((name) => name !== 'manifest.json').every((name) => /^records\/[0-9a-f]{32}\.psyrec$/.test(name))).toBe(true);
    expect(new TextDecoder().decode(outcome.value)).not.toContain('学生1号');
    expect(progress.at(-1)).toBe(40);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const read = await readRecordExport(outcome.value, createOpener({ key: schoolA.unlocked }));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.damaged).toEqual([]);
    expect(read.value.manifest).toMatchObject({ format: 'psyscreen-record-export', version: 1, count: 40, recipient: { mode: 'key', keyId: schoolA.unlocked.keyId } });
    expect(read.value.records.map((opened) => opened.record.id).sort()).toEqual(records.map((one) => one.id).sort());
    // one key agreement for the whole export
    expect(new Set(read.value.records.map((opened) => (opened.header.protection.mode === 'key' ? opened.header.protection.epk : '')))).toHaveProperty('size', 1);
  });

  it('exports to a passphrase (one PBKDF2 run) and refuses a weak one', async () => {
    const outcome = await exportRecords([record(1), record(2)], { passphrase: '给家长的口令 2027 夏', kdf: TEST_KDF }, { created });
    if (!outcome.ok) throw new Error('export failed');
    const read = await readRecordExport(outcome.value, createOpener({ passphrase: '给家长的口令 2027 夏' }));
    expect(read.ok && read.value.records.length).toBe(2);
    expect(codes(await exportRecords([record(1)], { passphrase: 'short', kdf: TEST_KDF }, { created }))).toEqual(['passphrase_too_short']);
  });

  it('yields to the event loop between groups, so a cancel sent as a message (a timer here) is seen', async () => {
    const records = Array.from({ length: 200 }, (_, i) => record(i));
    const controller = new AbortController();
    let progressCalls = 0;
    const outcome = await exportRecords(records, { key: schoolA.recipient }, {
      created,
      signal: controller.signal,
      sliceMs: 0,
      onProgress: () => {
        progressCalls += 1;
        // like a Cancel button: the abort arrives as a later task, not from inside the export
        if (progressCalls === 3) setTimeout(() => controller.abort(), 0);
      },
    });
    expect(codes(outcome)).toEqual(['export_cancelled']);
    // the cancel lands after the third group; the group already in flight may still finish (48 or 64 of 200)
    const params = outcome.ok ? undefined : outcome.issues[0]?.params;
    expect(params?.total).toBe(200);
    expect([48, 64]).toContain(params?.done);
    expect(codes(await exportRecords(records, { key: schoolA.recipient }, { created, signal: AbortSignal.abort() }))).toEqual(['export_cancelled']);
  });

  it('reports missing and unlisted files in an export instead of dropping them', async () => {
    const outcome = await exportRecords([record(1), record(2)], { key: schoolA.recipient }, { created });
    if (!outcome.ok) throw new Error('export failed');
    const files = unzipSync(outcome.value);
    const [first] = Object.keys(files).filter((name) => name.startsWith('records/'));
    const { zipSync } = await import('fflate');
    const moved: Record<string, Uint8Array> = { ...files, 'records/renamed.psyrec': files[first ?? ''] ?? new Uint8Array() };
    delete moved[first ?? ''];
    const read = await readRecordExport(zipSync(moved), createOpener({ key: schoolA.unlocked }));
    if (!read.ok) throw new Error('read failed');
    expect(read.value.records).toHaveLength(1);
    expect(read.value.damaged.map((entry) => entry.issues[0]?.code)).toEqual(['batch_entry_missing', 'batch_entry_not_in_manifest']);
  });
});

describe('transfer between two workspaces with different keys', () => {
  it('school A exports to school B\'s public key; B imports; the history continues at B', async () => {
    // B hands A its public key file
    const bKeyFile = writePublicKeyFile({ format: 'psyscreen-public-key', version: 1, name: schoolB.unlocked.name, keyId: schoolB.unlocked.keyId, algorithm: 'ECDH-P256', publicKey: schoolB.stored.publicKey, created });
    const bAtA = await readPublicKeyFile(bKeyFile);
    if (!bAtA.ok) throw new Error('B key did not read');

    // A's workspace: graduating students with their history
    const graduates = [record(11, '第一小学'), record(12, '第一小学')].map((one) => ({ ...one, identity: { ...one.identity, nationalId: `G1101012012${one.id.slice(-2)}000000` } }));
    const exported = await exportRecords(graduates, { key: bAtA.value }, { created });
    if (!exported.ok) throw new Error('export failed');
    // A cannot read what it sent to B
    const atA = await readRecordExport(exported.value, createOpener({ key: schoolA.unlocked }));
    expect(atA.ok && atA.value.damaged.map((entry) => entry.issues[0]?.code)).toEqual(['other_key', 'other_key']);

    // B already enrolled student 11 from its own roster with a new student number, and screened them once
    const [g11] = graduates;
    if (!g11) throw new Error('graduate');
    const enrolled: StudentRecord = {
      id: 'rec-b-11',
      identity: { ...g11.identity, studentNumber: 'B2027-0011', school: '第二中学', grade: 7, className: '七年级（2）班' },
      waves: [waveFrom(submission(11, { seed: 99, day: 700, plan: 'school-b-2027@1.0.0' }), '第二中学')],
      followUps: [],
      audit: [{ id: 'au-b-1', at: '2026-09-01T00:00:00.000Z', by: '张老师', action: 'created' }],
    };
    let workspaceB: readonly StudentRecord[] = [enrolled];
    const imported = await readRecordExport(exported.value, createOpener({ key: schoolB.unlocked }));
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(imported.value.damaged).toEqual([]);
    const outcomes: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const opened of imported.value.records) {
        const result = mergeIntoWorkspace(workspaceB, opened.record);
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        expect(result.value.conflicts).toEqual([]);
        workspaceB = result.value.records;
        outcomes.push(result.value.outcome);
      }
    }
    expect(outcomes.slice(0, 2).sort()).toEqual(['added', 'merged']);
    expect(outcomes.slice(2)).toEqual(['unchanged', 'unchanged']);
    expect(workspaceB).toHaveLength(2);
    const continued = workspaceB.find((one) => one.id === 'rec-b-11');
    expect(continued?.identity).toMatchObject({ school: '第二中学', studentNumber: 'B2027-0011', name: g11.identity.name });
    expect(continued?.waves.map((wave) => wave.school)).toEqual(['第一小学', '第一小学', '第二中学']);
    expect(continued?.followUps.map((entry) => entry.id)).toEqual(g11.followUps.map((entry) => entry.id));
    expect(continued?.audit.map((entry) => entry.id)).toEqual([...g11.audit.map((entry) => entry.id), 'au-b-1']);

    // and B's lab machines seal new submissions to B's key, which B's workspace imports
    const next = submission(11, { seed: 100, day: 800, plan: 'school-b-2027@1.0.0' });
    const batch = await writeBatch({ plan: next.plan, machine: 'lab-b', created, submissions: [{ id: next.id, created, sealed: await sealSubmission(next, bAtA.value) }] });
    const report = await importBatch(new Set(continued?.waves.map((wave) => wave.id)), batch, schoolB.unlocked);
    expect(report.ok && report.value.new).toEqual([next.id]);
  });
});
