import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, buildPlan, type Plan } from '../../scoring/index.ts';
import { DEFAULT_TEXTS, buildKioskPlan, hashPin, hashPinPbkdf2 } from '../../src/kiosk/buildKioskPlan.ts';
import type { KioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { saveDraft, signIn, signInByDetails, type KioskDeps } from '../../src/kiosk/session.ts';
import {
  createKeyBackup, createOpener, deriveStorageKey, exportRecords, openRecord, openRecordWithPassphrase, openSignedText, readRecordExport, restoreKeyBackup,
  sealRecord, sealRecordWithPassphrase, sealSubmission, signText, unlockKey, writeKeyFile, type UnlockedKey,
} from '../../src/records/index.ts';
import { openSealed, sealJson } from '../../src/records/sealed.ts';
import { toBase64 } from '../../src/records/base64.ts';
import { openKioskDb } from '../../src/store/kioskDb.ts';
import { record, smallRecord, submission, testKey, TEST_KDF, type TestKey } from '../records/support.ts';
import { shippedCatalog } from '../support/library.ts';
import { PAIRS, withBackend } from './support.ts';

const CREATED = '2026-11-22T02:00:00.000Z';
const RECORD_PASSPHRASE = '跨后端档案口令 2026 测试';
const BACKUP_PASSPHRASE = '跨后端备份口令 2026 测试';
const ITERATIONS = 1_000;

async function unlocked(school: TestKey): Promise<UnlockedKey> {
  const opened = await unlockKey(JSON.parse(JSON.stringify(school.stored)), school.passphrase);
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  return opened.value;
}

function plan(): Plan {
  const built = buildPlan(shippedCatalog(), {
    id: 'cross-plan', version: '1.0.0', name: { 'zh-CN': '跨后端', en: 'Cross' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new Error(built.missing);
  return built.plan;
}

let dbCount = 0;
const kioskDeps = (db = openKioskDb(`cross-${dbCount++}`)): KioskDeps => ({
  db, machineId: 'lab-01', kdfIterations: ITERATIONS, now: () => new Date(CREATED), newId: () => `sub-${dbCount++}`, seal: () => Promise.resolve(new Uint8Array(0)),
});

describe.each(PAIRS)('written under %s, read under %s', (writer, reader) => {
  it('the school key (stored and backed up), sealed submissions, records to a key and to a passphrase, exports, signed files', async () => {
    const written = await withBackend(writer, async () => {
      const school = await testKey(`跨后端中学 ${writer}`);
      const subs = [submission(1), submission(2)];
      const backup = await createKeyBackup(school.stored, school.passphrase, BACKUP_PASSPHRASE, { exported: CREATED, kdf: TEST_KDF });
      const toPassphrase = await sealRecordWithPassphrase(record(3), RECORD_PASSPHRASE, CREATED, TEST_KDF);
      const exported = await exportRecords([smallRecord(4), smallRecord(5)], { key: school.recipient }, { created: CREATED });
      if (!backup.ok || !toPassphrase.ok || !exported.ok) throw new Error('writing failed');
      return {
        school, subs, backup: writeKeyFile(backup.value), toPassphrase: toPassphrase.value, exported: exported.value,
        sealed: await Promise.all(subs.map((sub) => sealSubmission(sub, school.recipient))),
        kioskSealed: await sealJson(subs[0] ?? {}, { keyId: school.recipient.keyId, publicKey: toBase64(school.recipient.raw) }, 'plan@1.0.0', CREATED),
        toKey: await sealRecord(record(3), school.recipient, CREATED),
        signed: await signText('{"completed":412}', school.unlocked),
      };
    });

    await withBackend(reader, async () => {
      const key = await unlocked(written.school);
      const opener = createOpener({ key });
      for (const [i, sealed] of written.sealed.entries()) {
        expect(await opener.openJson(sealed, ['psyscreen-sealed'])).toMatchObject({ ok: true, value: { value: { id: written.subs[i]?.id } } });
      }
      expect(await openSealed(written.kioskSealed, key.privateKey, key.keyId)).toMatchObject({ ok: true, value: { id: written.subs[0]?.id } });
      expect(await openRecord(written.toKey, key)).toMatchObject({ ok: true, value: { record: record(3) } });
      expect(await openRecordWithPassphrase(written.toPassphrase, RECORD_PASSPHRASE)).toMatchObject({ ok: true, value: { record: record(3) } });
      const read = await readRecordExport(written.exported, createOpener({ key }));
      expect(read.ok && [read.value.records.map((opened) => opened.record.id).sort(), read.value.damaged]).toEqual([['rec-4', 'rec-5'], []]);
      expect(await openSignedText(written.signed)).toMatchObject({ ok: true, value: { text: '{"completed":412}', keyId: key.keyId } });
      const restored = await restoreKeyBackup(written.backup, BACKUP_PASSPHRASE, '恢复后的跨后端口令 2026', TEST_KDF);
      if (!restored.ok) throw new Error(JSON.stringify(restored.issues));
      const fromBackup = await unlockKey(restored.value, '恢复后的跨后端口令 2026');
      expect(fromBackup.ok && (await openRecord(written.toKey, fromBackup.value)).ok).toBe(true);
      // and the reader's signature of the same text checks under the writer
      const signedBack = await signText('{"completed":413}', key);
      expect(await withBackend(writer, () => openSignedText(signedBack))).toMatchObject({ ok: true, value: { keyId: key.keyId } });
    });
  });

  it('the workspace\'s rows at rest: a workspace stored under one backend opens under the other', async () => {
    const school = await withBackend(writer, () => testKey(`存储跨后端 ${writer}`));
    const where = { table: 'records', id: 'stu-0001' };
    const row = await withBackend(writer, async () => (await deriveStorageKey(await unlocked(school))).seal(where, smallRecord(7)));
    const storage = await withBackend(reader, async () => deriveStorageKey(await unlocked(school)));
    expect(await withBackend(reader, () => storage.open(where, row))).toEqual({ ok: true, value: smallRecord(7) });
    expect(await withBackend(reader, () => storage.open({ ...where, id: 'stu-0002' }, row))).toMatchObject({ ok: false, issues: [{ code: 'tampered' }] });
  });

  it('the kiosk plan: roster entries, sign-in by code and by details, drafts, and the PIN', async () => {
    const salt = new Uint8Array(16).fill(7);
    const file: KioskPlan = await withBackend(writer, () => buildKioskPlan({
      plan: plan(), pin: '2468', layout: 'question', returnAfterSeconds: 5, randomBytes: (length) => new Uint8Array(length).fill(length), kdfIterations: ITERATIONS,
      recipient: { keyId: 'test-key-0001', name: 'Test school', publicKey: 'AAAA' }, signInByDetails: true, sessionCode: 'ACDE34', detailsCost: { logN: 10, r: 8 },
      texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(plan().gradeBands.map((b) => [b.id, { 'zh-CN': '同意', en: 'Consent' }])) },
      roster: [{ code: 'ACDE3479', birthDate: '2012-05-17', identity: { studentId: 'S001', name: '王小明', className: '八(2)班', grade: 8, sex: 'male' } }],
    }));
    const deps = kioskDeps();
    await withBackend(writer, async () => {
      const first = await signIn(deps, file, 'ACDE3479');
      if (!first.ok) throw new Error('sign-in under the writer');
      await saveDraft(deps, file, first.value, { ...first.value.draft, consent: 'given', answers: { phq9_1: 2 }, seconds: { phq9_1: 4.2 } });
    });
    await withBackend(reader, async () => {
      const again = await signIn(deps, file, 'ACDE3479');
      expect(again.ok && [again.value.identity.name, again.value.resumed, again.value.draft.answers]).toEqual(['王小明', true, { phq9_1: 2 }]);
      const byDetails = await signInByDetails(deps, file, { className: '八(2)班', studentNumber: 'S001', birthDate: '2012-05-17' }, 'ACDE34');
      expect(byDetails.ok && byDetails.value.identity.name).toBe('王小明');
      expect(await hashPinPbkdf2('2468', salt, ITERATIONS)).toEqual(await withBackend(writer, () => hashPinPbkdf2('2468', salt, ITERATIONS)));
      expect(await hashPin('246813', salt, { logN: 10, r: 8 })).toEqual(await withBackend(writer, () => hashPin('246813', salt, { logN: 10, r: 8 })));
    });
  });
});
