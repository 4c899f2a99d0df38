import { describe, expect, it } from 'vitest';
import {
  MIN_PBKDF2_ITERATIONS, changePassphrase, createKeyBackup, createSchoolKey, formatKeyId, open, readKeyBackup, readPublicKeyFile, restoreKeyBackup, seal,
  unlockKey, writeKeyFile, writePublicKeyFile,
} from '../../src/records/index.ts';
import { TEST_KDF, testKey } from './support.ts';

const created = '2026-09-01T08:00:00.000Z';
const codes = (outcome: { ok: boolean; issues?: readonly { code: string }[] }) => (outcome.ok ? [] : (outcome.issues ?? []).map((found) => found.code));
const fields = { format: 'psyscreen-sealed', created } as const;

describe('school keys', () => {
  it('creates and unlocks a key at the real cost (600,000 PBKDF2 iterations); the private key cannot be exported', async () => {
    const passphrase = '心理老师的日常口令 2026';
    const made = await createSchoolKey({ name: '第一中学 2026 心理筛查', passphrase, created });
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    expect(made.value.stored.kdf.iterations).toBe(MIN_PBKDF2_ITERATIONS);
    expect(made.value.stored.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    const unlocked = await unlockKey(JSON.parse(JSON.stringify(made.value.stored)), passphrase);
    if (!unlocked.ok) throw new Error(JSON.stringify(unlocked.issues));
    expect(unlocked.value).toMatchObject({ keyId: made.value.stored.keyId, name: '第一中学 2026 心理筛查', upgradeRecommended: false });
    const handle = unlocked.value.privateKey;
    if (handle.backend !== 'webcrypto') throw new Error('Node has WebCrypto: the key should be a WebCrypto key');
    expect([handle.agreement.extractable, handle.signing.extractable]).toEqual([false, false]);
    await expect(crypto.subtle.exportKey('pkcs8', handle.agreement)).rejects.toThrow();
    const recipient = await readPublicKeyFile(writePublicKeyFile(made.value.publicKeyFile));
    if (!recipient.ok) throw new Error('public key file did not read');
    const opened = await open(await seal({ hello: 1 }, recipient.value, fields), unlocked.value);
    expect(opened.ok).toBe(true);
  }, 30_000);

  it('says when the passphrase is wrong and when the stored key is damaged', async () => {
    const key = await testKey('第一中学');
    expect(codes(await unlockKey(key.stored, 'not the passphrase'))).toEqual(['passphrase_wrong']);
    expect(codes(await unlockKey({ ...key.stored, name: '别的学校' }, key.passphrase))).toEqual(['key_file_damaged']);
    const wrapped = key.stored.wrapped;
    const flipped = `${wrapped.slice(0, 10)}${wrapped[10] === 'A' ? 'B' : 'A'}${wrapped.slice(11)}`;
    expect(codes(await unlockKey({ ...key.stored, wrapped: flipped }, key.passphrase))).toEqual(['key_file_damaged']);
    expect(codes(await unlockKey({ ...key.stored, keyId: '0000000000000000' }, key.passphrase))).toEqual(['key_file_damaged']);
    expect(codes(await unlockKey({ ...key.stored, version: 2 }, key.passphrase))).toEqual(['made_by_newer_version']);
    expect(codes(await unlockKey({ ...key.stored, format: 'psyscreen-public-key' }, key.passphrase))).toEqual(['wrong_file_kind']);
    expect(codes(await unlockKey('garbage', key.passphrase))).toEqual(['not_psyscreen_file']);
    expect(codes(await unlockKey({ ...key.stored, extra: true }, key.passphrase))).toEqual(['unknown_key']);
    expect(codes(await unlockKey({ ...key.stored, kdf: { ...key.stored.kdf, iterations: 1e9 } }, key.passphrase))).toEqual(['too_big']);
  });

  it('flags a key stored below the current PBKDF2 minimum for re-wrapping', async () => {
    const key = await testKey('第一中学');
    const unlocked = await unlockKey(key.stored, key.passphrase);
    expect(unlocked.ok && unlocked.value.upgradeRecommended).toBe(true);
  });

  it('enforces the passphrase minimum and a key name', async () => {
    expect(codes(await createSchoolKey({ name: '第一中学', passphrase: 'short', created, kdf: TEST_KDF }))).toEqual(['passphrase_too_short']);
    expect(codes(await createSchoolKey({ name: '第一中学', passphrase: '1111111111111', created, kdf: TEST_KDF }))).toEqual(['passphrase_too_simple']);
    expect(codes(await createSchoolKey({ name: '第一中学', passphrase: 'qwertyuiop', created, kdf: TEST_KDF }))).toEqual(['passphrase_common']);
    expect(codes(await createSchoolKey({ name: '  ', passphrase: '森林里的小白兔在跳舞', created, kdf: TEST_KDF }))).toEqual(['key_name_missing']);
    expect((await createSchoolKey({ name: '第一中学', passphrase: '森林里的小白兔在跳舞', created, kdf: TEST_KDF })).ok).toBe(true);
  });

  it('refuses weak PBKDF2 settings as a programmer error, and test-only ones below 1,000', async () => {
    await expect(createSchoolKey({ name: 'x', passphrase: 'long enough passphrase', created, kdf: { iterations: 599_999 } })).rejects.toThrow(RangeError);
    await expect(createSchoolKey({ name: 'x', passphrase: 'long enough passphrase', created, kdf: { testOnlyIterations: 10 } })).rejects.toThrow(RangeError);
  });

  it('changes the passphrase without touching data sealed to the key', async () => {
    const key = await testKey('第一中学');
    const sealed = await seal({ kept: true }, key.recipient, fields);
    const changed = await changePassphrase(key.stored, key.passphrase, '新的口令 新的学期 2027', TEST_KDF);
    if (!changed.ok) throw new Error(JSON.stringify(changed.issues));
    expect(changed.value.kdf.salt).not.toBe(key.stored.kdf.salt);
    expect(changed.value.publicKey).toBe(key.stored.publicKey);
    expect(codes(await unlockKey(changed.value, key.passphrase))).toEqual(['passphrase_wrong']);
    const unlocked = await unlockKey(changed.value, '新的口令 新的学期 2027');
    expect(unlocked.ok && (await open(sealed, unlocked.value)).ok).toBe(true);
    expect(codes(await changePassphrase(key.stored, 'wrong old passphrase', '新的口令 新的学期 2027', TEST_KDF))).toEqual(['passphrase_wrong']);
    expect(codes(await changePassphrase(key.stored, key.passphrase, 'short', TEST_KDF))).toEqual(['passphrase_too_short']);
  });

  it('backs the key up under its own passphrase and restores it into a new workspace', async () => {
    const key = await testKey('第一中学');
    const sealed = await seal({ kept: true }, key.recipient, fields);
    expect(codes(await createKeyBackup(key.stored, key.passphrase, key.passphrase, { exported: created, kdf: TEST_KDF }))).toEqual(['backup_passphrase_same']);
    expect(codes(await createKeyBackup(key.stored, 'wrong passphrase!', '校长保险柜里的备份口令', { exported: created, kdf: TEST_KDF }))).toEqual(['passphrase_wrong']);
    const backup = await createKeyBackup(key.stored, key.passphrase, '校长保险柜里的备份口令', { exported: created, kdf: TEST_KDF });
    if (!backup.ok) throw new Error(JSON.stringify(backup.issues));
    const text = writeKeyFile(backup.value);
    expect(readKeyBackup(text)).toMatchObject({ ok: true, value: { format: 'psyscreen-key-backup', keyId: key.unlocked.keyId, exported: created } });
    expect(codes(await restoreKeyBackup(text, key.passphrase, '换了电脑以后的新口令', TEST_KDF))).toEqual(['passphrase_wrong']);
    expect(codes(await restoreKeyBackup(text.replace('"version": 1', '"version": 9'), '校长保险柜里的备份口令', '换了电脑以后的新口令', TEST_KDF))).toEqual(['made_by_newer_version']);
    expect(codes(await restoreKeyBackup(text.slice(0, 200), '校长保险柜里的备份口令', '换了电脑以后的新口令', TEST_KDF))).toEqual(['json_file_damaged']);
    expect(codes(await restoreKeyBackup(writeKeyFile(key.stored), '校长保险柜里的备份口令', '换了电脑以后的新口令', TEST_KDF))).toEqual(['wrong_file_kind']);
    const restored = await restoreKeyBackup(text, '校长保险柜里的备份口令', '换了电脑以后的新口令', TEST_KDF);
    if (!restored.ok) throw new Error(JSON.stringify(restored.issues));
    const unlocked = await unlockKey(restored.value, '换了电脑以后的新口令');
    expect(unlocked.ok && (await open(sealed, unlocked.value)).ok).toBe(true);
  });

  it('reads .psykey files and rejects damaged or foreign ones', async () => {
    const key = await testKey('第一中学');
    const file = writePublicKeyFile({ format: 'psyscreen-public-key', version: 1, name: key.unlocked.name, keyId: key.unlocked.keyId, algorithm: 'ECDH-P256', publicKey: key.stored.publicKey, created });
    const read = await readPublicKeyFile(file);
    expect(read).toMatchObject({ ok: true, value: { keyId: key.unlocked.keyId, name: '第一中学' } });
    expect(formatKeyId(key.unlocked.keyId)).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    const other = await testKey('第二中学');
    expect(codes(await readPublicKeyFile(file.replace(key.stored.publicKey, other.stored.publicKey)))).toEqual(['key_id_mismatch']);
    // a point that is not on the curve, with a key id that matches it
    const bogus = new Uint8Array(65).fill(7);
    bogus[0] = 4;
    const bogusId = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bogus)).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const bogusFile = file.replace(key.stored.publicKey, btoa(String.fromCharCode(...bogus))).replace(key.unlocked.keyId, bogusId);
    expect(codes(await readPublicKeyFile(bogusFile))).toEqual(['public_key_invalid']);
    expect(codes(await readPublicKeyFile(file.replace('"version": 1', '"version": 2')))).toEqual(['made_by_newer_version']);
    expect(codes(await readPublicKeyFile('{"format":"psyscreen-key-backup","version":1}'))).toEqual(['wrong_file_kind']);
    expect(codes(await readPublicKeyFile('not json'))).toEqual(['not_psyscreen_file']);
    expect(codes(await readPublicKeyFile(file.replace('ECDH-P256', 'RSA')))).toEqual(['not_allowed']);
  });
});
