import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../../src/records/base64.ts';
import { ZBatteryResult, importBatch, readBatch, sealSubmission, writeBatch, type BatchImport, type ImportedSubmission } from '../../src/records/index.ts';
import { sealJson } from '../../src/records/sealed.ts';
import { submission, testKey, type TestKey } from './support.ts';

const created = '2026-11-22T09:30:00.000Z';
const codes = (outcome: { ok: boolean; issues?: readonly { code: string }[] }) => (outcome.ok ? [] : (outcome.issues ?? []).map((found) => found.code));
const sha256 = async (bytes: Uint8Array<ArrayBuffer>) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

let school: TestKey;
let other: TestKey;
let sealed: { id: string; created: string; sealed: Uint8Array<ArrayBuffer> }[];
let batch: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  school = await testKey('第一中学');
  other = await testKey('第二中学');
  const submissions = [1, 2, 3, 4].map((index) => submission(index));
  sealed = await Promise.all(submissions.map(async (entry) => ({ id: entry.id, created: entry.finishedAt, sealed: await sealSubmission(entry, school.recipient) })));
  batch = await writeBatch({ plan: 'school-2024@1.0.0', machine: 'lab-0a1b2c3d', created, submissions: sealed });
});

function expectImport(outcome: Awaited<ReturnType<typeof importBatch>>): BatchImport {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

describe('.psybatch v2 (zip) and import into a teacher workspace', () => {
  it('writes a zip with a plain manifest and one sealed file per submission', () => {
    const files = unzipSync(batch);
    expect(Object.keys(files).sort()).toEqual(['manifest.json', ...sealed.map((entry) => `submissions/${entry.id}.psysealed`)].sort());
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
    expect(manifest).toMatchObject({ format: 'psyscreen-batch', version: 3, plan: 'school-2024@1.0.0', machine: 'lab-0a1b2c3d', count: 4, drafts: [] });
    expect(new TextDecoder().decode(batch)).not.toContain('学生1号');
  });

  it('imports the same batch three times: the first time all new, then only duplicates, same state', async () => {
    const workspace = new Map<string, ImportedSubmission>();
    const reports: BatchImport[] = [];
    for (let round = 0; round < 3; round++) {
      const report = expectImport(await importBatch(new Set(workspace.keys()), batch, school.unlocked));
      for (const entry of report.submissions) workspace.set(entry.submission.id, entry);
      reports.push(report);
    }
    expect(reports.map((report) => [report.new.length, report.duplicate.length, report.forOtherKey.length, report.damaged.length])).toEqual([[4, 0, 0, 0], [0, 4, 0, 0], [0, 4, 0, 0]]);
    expect([...workspace.keys()].sort()).toEqual(sealed.map((entry) => entry.id).sort());
    const first = workspace.get(sealed[0]?.id ?? '');
    expect(first?.submission).toEqual(submission(1));
    expect(ZBatteryResult.safeParse(first?.submission.result).success).toBe(true);
  });

  it('counts submissions for another key and keeps them', async () => {
    const foreign = submission(9);
    const mixed = await writeBatch({ plan: 'school-2024@1.0.0', machine: 'lab-x', created, submissions: [...sealed, { id: foreign.id, created, sealed: await sealSubmission(foreign, other.recipient) }] });
    const report = expectImport(await importBatch(new Set(), mixed, school.unlocked));
    expect(report.new).toHaveLength(4);
    expect(report.forOtherKey).toEqual([{ id: foreign.id, keyId: other.unlocked.keyId, sealed: expect.any(Uint8Array) }]);
    const theirs = expectImport(await importBatch(new Set(), mixed, other.unlocked));
    expect([theirs.new, theirs.forOtherKey.length]).toEqual([[foreign.id], 4]);
  });

  it('keeps damaged entries aside with the reason: altered, cut off, missing, unlisted, wrong id', async () => {
    const files = unzipSync(batch);
    const [a, b, c, d] = sealed.map((entry) => `submissions/${entry.id}.psysealed`) as [string, string, string, string];
    const altered = new Uint8Array(files[a] ?? []);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    files[a] = altered;
    files[b] = (files[b] ?? new Uint8Array()).slice(0, 100);
    delete files[c];
    files['submissions/extra.psysealed'] = files[d] ?? new Uint8Array();
    const damagedBatch = zipSync(files, { level: 0 });
    const report = expectImport(await importBatch(new Set(), new Uint8Array(damagedBatch), school.unlocked));
    expect(report.new).toEqual([sealed[3]?.id]);
    expect(report.damaged.map((entry) => [entry.id ?? entry.file, entry.issues[0]?.code, entry.sealed !== undefined])).toEqual([
      [sealed[0]?.id, 'batch_checksum_mismatch', true],
      [sealed[1]?.id, 'batch_checksum_mismatch', true],
      [sealed[2]?.id, 'batch_entry_missing', false],
      ['submissions/extra.psysealed', 'batch_entry_not_in_manifest', true],
    ]);

    // the checksum matches but the content is sealed under another id than the manifest says
    const swapped = unzipSync(batch);
    swapped[a] = swapped[b] ?? new Uint8Array();
    const manifest = JSON.parse(new TextDecoder().decode(swapped['manifest.json'])) as { submissions: { sha256: string }[] };
    const firstEntry = manifest.submissions[0];
    if (firstEntry) firstEntry.sha256 = await sha256(new Uint8Array(swapped[a] ?? []));
    swapped['manifest.json'] = strToU8(JSON.stringify(manifest));
    const swappedReport = expectImport(await importBatch(new Set(), new Uint8Array(zipSync(swapped)), school.unlocked));
    expect(swappedReport.damaged.map((entry) => entry.issues[0]?.code)).toEqual(['batch_id_mismatch']);
    expect(swappedReport.new).toHaveLength(3);
  });

  it('refuses a whole file that is not a batch, cut off, from a newer version or with a bad manifest, importing nothing', async () => {
    expect(codes(await importBatch(new Set(), batch.slice(0, batch.length - 30), school.unlocked))).toEqual(['file_damaged']);
    expect(codes(await importBatch(new Set(), new TextEncoder().encode('hello'), school.unlocked))).toEqual(['not_psyscreen_file']);
    const files = unzipSync(batch);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
    const withManifest = (changed: unknown) => new Uint8Array(zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(changed)) }));
    expect(codes(await importBatch(new Set(), withManifest({ ...manifest, version: 4 }), school.unlocked))).toEqual(['made_by_newer_version']);
    expect(codes(await importBatch(new Set(), withManifest({ ...manifest, count: 5 }), school.unlocked))).toEqual(['batch_count_mismatch']);
    expect(codes(await importBatch(new Set(), withManifest({ ...manifest, format: 'psyscreen-record-export' }), school.unlocked))).toEqual(['wrong_file_kind']);
    const noManifest = { ...files };
    delete noManifest['manifest.json'];
    expect(codes(await importBatch(new Set(), new Uint8Array(zipSync(noManifest)), school.unlocked))).toEqual(['batch_manifest_missing']);
  });

  it('reads the v1 JSON batch the kiosk writes today (with sealJson submissions)', async () => {
    const entries = await Promise.all([5, 6].map(async (index) => {
      const entry = submission(index);
      const bytes = await sealJson(entry, { keyId: school.unlocked.keyId, publicKey: school.stored.publicKey }, entry.plan, entry.finishedAt);
      return { id: entry.id, createdAt: entry.finishedAt, sha256: await sha256(bytes), sealed: toBase64(bytes) };
    }));
    const v1 = new TextEncoder().encode(JSON.stringify({ format: 'psyscreen-batch', version: 1, plan: 'school-2024@1.0.0', machine: 'lab-1', created, submissions: entries }));
    const read = readBatch(v1);
    expect(read.ok && read.value.version).toBe(1);
    const report = expectImport(await importBatch(new Set([entries[1]?.id ?? '']), v1, school.unlocked));
    expect([report.new, report.duplicate]).toEqual([[entries[0]?.id], [entries[1]?.id]]);
  });
});
