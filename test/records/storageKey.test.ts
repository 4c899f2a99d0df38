import { describe, expect, it } from 'vitest';
import { deriveStorageKey } from '../../src/records/index.ts';
import { aesKeyFrom } from '../../src/records/kdf.ts';
import { importEcdhPublicKey } from '../../src/records/recipient.ts';
import { flipBit, smallRecord, testKey } from './support.ts';

const here = { table: 'records', id: 'stu-0001' };

const ADDRESS = new TextEncoder().encode('records\u0000stu-0001');

/** The storage AES key written out from the documented derivation: HKDF(ECDH(own private, own public)). */
async function documentedKey(unlocked: Awaited<ReturnType<typeof testKey>>['unlocked'], usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: await importEcdhPublicKey(unlocked.publicKey) }, unlocked.privateKey, 256);
  const base = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveBits']);
  return aesKeyFrom(base, new Uint8Array(0), new TextEncoder().encode('psyscreen workspace storage v1'), usage);
}

describe('workspace storage at rest', () => {
  it('opens what it sealed, under the documented key and the row\'s address', async () => {
    const { unlocked } = await testKey('存储测试学校');
    const storage = await deriveStorageKey(unlocked);
    const record = smallRecord(7);
    const sealed = await storage.seal(here, record);
    expect(await storage.open(here, sealed)).toEqual({ ok: true, value: record });
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(0, 12), additionalData: ADDRESS }, await documentedKey(unlocked, 'decrypt'), sealed.slice(12)));
    expect(JSON.parse(new TextDecoder().decode(plain))).toEqual(record);
  });

  it('opens a row written independently from the documented layout: IV ‖ AES-GCM(JSON)', async () => {
    const { unlocked } = await testKey('存储测试学校');
    const storage = await deriveStorageKey(unlocked);
    const record = smallRecord(8);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const legacy = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ADDRESS }, await documentedKey(unlocked, 'encrypt'), new TextEncoder().encode(JSON.stringify(record))));
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
