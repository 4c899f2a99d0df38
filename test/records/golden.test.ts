import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ZSubmission, createOpener, importBatch, open, openRecord, openRecordWithPassphrase, readKeyBackup, readPublicKeyFile, readRecordExport, restoreKeyBackup,
  unlockKey, type UnlockedKey,
} from '../../src/records/index.ts';
import { GOLDEN, GOLDEN_BACKUP_PASSPHRASE, GOLDEN_KEY_PASSPHRASE, GOLDEN_RECORD_PASSPHRASE } from '../fixtures/records/golden.ts';
import { BACKENDS, onBackend } from '../crypto/support.ts';
import { TEST_KDF } from './support.ts';

/**
 * The golden files under test/fixtures/records were written once by make-golden.ts and are committed.
 * They must keep opening in every later version of PsyScreen. Passphrases (test-only):
 *   key store and everything sealed to the golden key: GOLDEN_KEY_PASSPHRASE = '金样密钥的测试口令 2026'
 *   key backup: GOLDEN_BACKUP_PASSPHRASE = '金样备份的测试口令 2026'
 *   record sealed to a passphrase: GOLDEN_RECORD_PASSPHRASE = '金样档案的测试口令 2026'
 */
const bytes = (name: string) => new Uint8Array(readFileSync(join('test/fixtures/records', name)));
const text = (name: string) => readFileSync(join('test/fixtures/records', name), 'utf8');

// Written under WebCrypto; a lab PC on plain http reads them with the noble backend.
describe.each(BACKENDS)('golden files keep opening under %s', (backend) => {
  onBackend(backend);
  let key: UnlockedKey;
  beforeAll(async () => {
    const unlocked = await unlockKey(JSON.parse(text(GOLDEN.privateKey)), GOLDEN_KEY_PASSPHRASE);
    if (!unlocked.ok) throw new Error(JSON.stringify(unlocked.issues));
    key = unlocked.value;
  });

  it('psyscreen-public-key v1, psyscreen-private-key v1, psyscreen-key-backup v1', async () => {
    const publicKey = await readPublicKeyFile(text(GOLDEN.publicKey));
    expect(publicKey).toMatchObject({ ok: true, value: { keyId: key.keyId, name: '金样学校 2026 心理筛查（测试密钥）' } });
    expect(readKeyBackup(text(GOLDEN.backup))).toMatchObject({ ok: true, value: { version: 1, keyId: key.keyId } });
    const restored = await restoreKeyBackup(text(GOLDEN.backup), GOLDEN_BACKUP_PASSPHRASE, '恢复后的新口令 2030', TEST_KDF);
    expect(restored.ok && restored.value.keyId).toBe(key.keyId);
  });

  it('psyscreen-sealed v2 (and v1: sealed.test.ts)', async () => {
    const opened = await createOpener({ key }).openJson(bytes(GOLDEN.sealedV2), ['psyscreen-sealed']);
    if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
    expect(opened.value.header).toMatchObject({ format: 'psyscreen-sealed', version: 2, plan: 'school-2024@1.0.0' });
    expect(ZSubmission.safeParse(opened.value.value)).toMatchObject({ success: true, data: { id: 'sub-2-1', student: { name: '学生1号' } } });
    expect((await open(bytes(GOLDEN.sealedV2), key)).ok).toBe(true);
  });

  it('psyscreen-batch v1 (JSON), v2 (zip) and v3 (zip with draft lookups)', async () => {
    const v3 = await importBatch(new Set(), bytes(GOLDEN.batchV3), key);
    expect(v3.ok && v3.value.drafts).toEqual([{ lookup: 'a'.repeat(64), updated: '2026-11-22T00:00:00.000Z' }]);
    for (const name of [GOLDEN.batchV1, GOLDEN.batchV2, GOLDEN.batchV3]) {
      const report = await importBatch(new Set(), bytes(name), key);
      expect(report.ok && [report.value.new, report.value.damaged.length]).toEqual([['sub-2-1'], 0]);
    }
  });

  it('psyscreen-record v1, to a key and to a passphrase', async () => {
    const toKey = await openRecord(bytes(GOLDEN.recordV1Key), key);
    expect(toKey).toMatchObject({ ok: true, value: { header: { version: 1 }, record: { id: 'rec-1', identity: { name: '学生1号' } } } });
    const toPassphrase = await openRecordWithPassphrase(bytes(GOLDEN.recordV1Passphrase), GOLDEN_RECORD_PASSPHRASE);
    expect(toPassphrase.ok && toKey.ok && toPassphrase.value.record).toEqual(toKey.ok ? toKey.value.record : undefined);
  });

  it('psyscreen-record v2, with planned contact dates and referrals', async () => {
    const opened = await openRecord(bytes(GOLDEN.recordV2Key), key);
    expect(opened).toMatchObject({ ok: true, value: { header: { version: 2 }, record: { id: 'rec-1' } } });
    expect(opened.ok && opened.value.record.followUps.at(-1)).toMatchObject({ kind: 'referral', referralTo: '市精神卫生中心青少年门诊', due: '2027-12-01' });
  });

  it('psyscreen-record v3 files (one key per export) inside a record export', async () => {
    const read = await readRecordExport(bytes(GOLDEN.exportV3), createOpener({ key }));
    expect(read.ok && [read.value.records.map((opened) => [opened.record.id, opened.header.version]).sort(), read.value.damaged]).toEqual([[['rec-1', 3], ['rec-2', 3]], []]);
  });

  it('psyscreen-record-export v1', async () => {
    const read = await readRecordExport(bytes(GOLDEN.exportV1), createOpener({ key }));
    expect(read.ok && [read.value.records.map((opened) => opened.record.id).sort(), read.value.damaged]).toEqual([['rec-1', 'rec-2'], []]);
  });
});
