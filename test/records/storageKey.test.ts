import { describe, expect, it } from 'vitest';
import { deriveStorageKey } from '../../src/records/index.ts';
import { aesKeyFrom } from '../../src/records/kdf.ts';
import { aesGcmDecrypt, aesGcmEncrypt, ecdh, importEcPublicKey, importHkdfKey, type AesKey } from '../../src/crypto/index.ts';
import { flipBit, smallRecord, testKey } from './support.ts';

const here = { table: 'records', id: 'stu-0001' };

const ADDRESS = new TextEncoder().encode('records\u0000stu-0001');

/** The storage AES key written out from the documented derivation: HKDF(ECDH(own private, own public)). */
async function documentedKey(unlocked: Awaited<ReturnType<typeof testKey>>['unlocked'], usage: 'encrypt' | 'decrypt'): Promise<AesKey> {
  const own = await importEcPublicKey(unlocked.publicKey);
  const shared = own && (await ecdh(unlocked.privateKey, own));
  if (!shared) throw new Error('no key agreement');
  const base = await importHkdfKey(shared);
  return aesKeyFrom(base, new Uint8Array(0), new TextEncoder().encode('psyscreen workspace storage v1'), usage);
}

describe('workspace storage at rest', () => {
  it('opens what it sealed, under the documented key and the row\'s address', async () => {
    const { unlocked } = await testKey('存储测试学校');
    const storage = await deriveStorageKey(unlocked);
    const record = smallRecord(7);
    const sealed = await storage.seal(here, record);
    expect(await storage.open(here, sealed)).toEqual({ ok: true, value: record });
    const plain = await aesGcmDecrypt(await documentedKey(unlocked, 'decrypt'), sealed.slice(0, 12), sealed.slice(12), ADDRESS);
    expect(JSON.parse(new TextDecoder().decode(plain))).toEqual(record);
  });

  it('opens a row written independently from the documented layout: IV ‖ AES-GCM(JSON)', async () => {
    const { unlocked } = await testKey('存储测试学校');
    const storage = await deriveStorageKey(unlocked);
    const record = smallRecord(8);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const legacy = await aesGcmEncrypt(await documentedKey(unlocked, 'encrypt'), iv, new TextEncoder().encode(JSON.stringify(record)), ADDRESS);
    const row = new Uint8Array(12 + legacy.length);
    row.set(iv);
    row.set(legacy, 12);
    expect(await storage.open(here, row)).toEqual({ ok: true, value: record });
  });

  it('refuses a row moved to another student or altered, and a row too short to be one', async () => {
    const { unlocked } = await testKey('存储测试学校');
    const storage = await deriveStorageKey(unlocked);
    const sealed = await storage.seal(here, smallRecord(9));
    expect(await storage.open({ table: 'records', id: 'stu-0002' }, sealed)).toMatchObject({ ok: false, issues: [{ code: 'tampered' }] });
    expect(await storage.open(here, flipBit(sealed, 40))).toMatchObject({ ok: false, issues: [{ code: 'tampered' }] });
    expect(await storage.open(here, sealed.slice(0, 20))).toMatchObject({ ok: false, issues: [{ code: 'file_damaged' }] });
  });
});
