import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpener, exportRecords, importBatch, readRecordExport, sealSubmission, writeBatch } from '../../src/records/index.ts';
import { record, submission, testKey, type TestKey } from './support.ts';

const created = '2027-07-01T02:00:00.000Z';
let school: TestKey;
beforeAll(async () => {
  school = await testKey('第一小学');
});

const withManifest = (zip: Uint8Array, edit: (manifest: Record<string, unknown>) => Record<string, unknown>): Uint8Array<ArrayBuffer> => {
  const files = unzipSync(zip);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
  return new Uint8Array(zipSync({ ...files, 'manifest.json': new TextEncoder().encode(JSON.stringify(edit(manifest))) }));
};

describe('unauthenticated manifests are held to the authenticated content', () => {
  it('a record export whose manifest sizes or recipient were altered is reported; the authentic records still come in', async () => {
    const exported = await exportRecords([record(1), record(2)], { key: school.recipient }, { created });
    if (!exported.ok) throw new Error('export');
    const intact = await readRecordExport(exported.value, createOpener({ key: school.unlocked }));
    expect(intact.ok && intact.value.damaged).toEqual([]);

    const resized = withManifest(exported.value, (manifest) => ({ ...manifest, records: (manifest.records as { id: string; bytes: number }[]).map((entry, index) => (index === 0 ? { ...entry, bytes: entry.bytes + 1 } : entry)) }));
    const sized = await readRecordExport(resized, createOpener({ key: school.unlocked }));
    expect(sized.ok && sized.value.records).toHaveLength(2);
    expect(sized.ok && sized.value.damaged.map((entry) => entry.issues[0]?.code)).toEqual(['export_manifest_size_mismatch']);

    const readdressed = withManifest(exported.value, (manifest) => ({ ...manifest, recipient: { mode: 'key', keyId: '0123456789abcdef', name: '别的学校' } }));
    const addressed = await readRecordExport(readdressed, createOpener({ key: school.unlocked }));
    expect(addressed.ok && addressed.value.damaged.map((entry) => entry.issues[0]?.code)).toEqual(['export_manifest_recipient_mismatch', 'export_manifest_recipient_mismatch']);
  });

  it('a batch\'s plan and machine count only when its submissions confirm them', async () => {
    const sub = submission(1, { plan: 'school-2024@1.0.0' });
    const sealed = [{ id: sub.id, created: sub.finishedAt, sealed: await sealSubmission(sub, school.recipient) }];
    const batchWith = async (machine: string, plan: string, submissions = sealed) => importBatch(new Set(), await writeBatch({ plan, machine, created, submissions }), school.unlocked);
    const standing = (outcome: Awaited<ReturnType<typeof importBatch>>) => (outcome.ok ? outcome.value.batch.standing : 'refused');
    expect(standing(await batchWith(sub.machineId, sub.plan))).toBe('confirmed');
    expect(standing(await batchWith('lab-forged', sub.plan))).toBe('contradicted');
    expect(standing(await batchWith(sub.machineId, 'other-plan@1.0.0'))).toBe('contradicted');
    expect(standing(await batchWith('lab-any', 'any@1.0.0', []))).toBe('unconfirmed');
  });
});
