import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { publishAggregate } from '../../scoring/index.ts';
import { admitFiles } from '../../src/bureau/admit.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import { unwrapSigned } from '../../src/bureau/unwrapSigned.ts';
import { ZKnownKey } from '../../src/bureau/keyRegistry.ts';
import { BUREAU_TEXT } from '../../src/bureau/ui/bureauText.ts';
import { ecdsaSign } from '../../src/crypto/index.ts';
import { toBase64 } from '../../src/records/base64.ts';
import { utf8 } from '../../src/records/bytes.ts';
import { formatKeyId } from '../../src/records/keyId.ts';
import { signText } from '../../src/records/index.ts';
import { openBureauDb } from '../../src/store/bureauDb.ts';
import { testKey } from '../records/support.ts';
import { exactSchool, unwrap } from '../scoring/aggregate/cohort.ts';

describe('signed school files at the bureau', () => {
  it('admits an intact signed file with its signer, refuses an altered one before the merge, and passes unsigned files through', async () => {
    const key = await testKey('签名测试学校');
    const aggregate = unwrap(publishAggregate(exactSchool({ code: '3301060009', seed: 9, sizes: { '7/male': 30, '7/female': 28 } })));
    const signed = await signText(JSON.stringify(aggregate), key.unlocked);
    const altered = signed.replace('3301060009', '3301060008');
    const plain = unwrap(publishAggregate(exactSchool({ code: '3301060010', seed: 10, sizes: { '8/male': 30 } })));
    const { ready, refused } = await unwrapSigned([
      { id: 'a', name: 'signed.psyagg', text: signed }, { id: 'b', name: 'altered.psyagg', text: altered }, { id: 'c', name: 'plain.psyagg', text: JSON.stringify(plain) },
    ]);
    expect(refused.map((report) => [report.file, report.accepted ? '' : report.issues[0]?.code])).toEqual([['altered.psyagg', 'bureau_signature_invalid']]);
    const { reports } = admitFiles(EMPTY_SET, ready);
    expect(reports.map((report) => [report.file, report.accepted && report.signedBy?.keyId])).toEqual([['signed.psyagg', key.unlocked.keyId], ['plain.psyagg', undefined]]);
  });
});

describe('only what the signature covers is shown as verified', () => {
  it('refuses a file whose key name was edited, and takes a version 1 file without its (unsigned) name', async () => {
    const key = await testKey('甲校 2026');
    const aggregate = unwrap(publishAggregate(exactSchool({ code: '3301060011', seed: 11, sizes: { '7/male': 30, '7/female': 28 } })));
    const text = JSON.stringify(aggregate);
    const renamed = (await signText(text, key.unlocked)).replace('甲校 2026', '教育局');
    const signature = await ecdsaSign(key.unlocked.privateKey, utf8(`psyscreen-signed/1\n${text}`));
    const old = JSON.stringify({ format: 'psyscreen-signed', version: 1, algorithm: 'ECDSA-P256-SHA256', keyId: key.unlocked.keyId, keyName: '教育局', publicKey: toBase64(key.unlocked.publicKey), text, signature: toBase64(signature) });
    const { ready, refused } = await unwrapSigned([{ id: 'r', name: 'renamed.psyagg', text: renamed }, { id: 'o', name: 'old.psyagg', text: old }]);
    expect(refused.map((report) => report.file)).toEqual(['renamed.psyagg']);
    expect(ready.map((file) => file.signedBy)).toEqual([{ keyId: key.unlocked.keyId }]);
    const { reports, learned } = admitFiles(EMPTY_SET, ready, { keys: new Map(), now: '2026-11-25T08:00:00.000Z' });
    expect(reports).toMatchObject([{ accepted: true, signedBy: { keyId: key.unlocked.keyId }, key: 'new' }]);
    expect(learned[0]).not.toHaveProperty('keyName');
    const report = reports[0];
    const shown = report?.accepted && report.signedBy ? BUREAU_TEXT['zh-CN'].signedBy(report.signedBy.keyName, formatKeyId(report.signedBy.keyId)) : '';
    expect(shown).not.toContain('教育局');
    expect(shown).toContain('密钥名称不在签名范围内');
  });

  it('drops the key names stored before they were signed (bureau database version 3)', async () => {
    const name = `bureau-upgrade-${Math.random()}`;
    const before = new Dexie(name);
    before.version(2).stores({ files: 'id, slot, order', keys: 'sender' });
    await before.table('keys').put({ sender: 'school:1', level: 'school', code: '1', name: '甲校', keyId: 'aaaaaaaaaaaaaaaa', keyName: '任意改的名字', since: '2026-11-25T08:00:00.000Z' });
    before.close();
    const db = openBureauDb(name);
    const keys = await db.keys.toArray();
    expect(keys).toEqual([{ sender: 'school:1', level: 'school', code: '1', name: '甲校', keyId: 'aaaaaaaaaaaaaaaa', since: '2026-11-25T08:00:00.000Z' }]);
    expect(ZKnownKey.safeParse(keys[0]).success).toBe(true);
    db.close();
  });
});
