import { fail, issue, succeed, type Outcome } from '../../scoring/index.ts';
import { aesGcmDecrypt, aesGcmEncrypt, ecdh, importEcPublicKey, importHkdfKey } from '../crypto/index.ts';
import { concatBytes, decodeUtf8, randomBytes, utf8 } from './bytes.ts';
import { aesKeyFrom } from './kdf.ts';
import type { UnlockedKey } from './schoolKey.ts';

/**
 * Encryption at rest for the teacher workspace's own storage (IndexedDB on the teacher's PC).
 * The key is HKDF over ECDH(school private key, school public key): only an unlocked school key
 * yields it, it needs no storage of its own, and a passphrase change (which re-wraps the private
 * key) leaves it, and so every stored row, unchanged.
 *
 * A stored row is IV (12 bytes) ‖ AES-256-GCM ciphertext; the additional data binds the row to its
 * table and id, so rows cannot be swapped between students unnoticed.
 */
export interface StorageKey {
  seal(where: RowAddress, value: unknown): Promise<Uint8Array<ArrayBuffer>>;
  open(where: RowAddress, bytes: Uint8Array): Promise<Outcome<unknown>>;
}

export interface RowAddress {
  readonly table: string;
  readonly id: string;
}

const INFO = utf8('psyscreen workspace storage v1');
const addressOf = (where: RowAddress): Uint8Array<ArrayBuffer> => utf8(`${where.table}\u0000${where.id}`);

export async function deriveStorageKey(key: Pick<UnlockedKey, 'privateKey' | 'publicKey'>): Promise<StorageKey> {
  const own = await importEcPublicKey(key.publicKey);
  const shared = own && (await ecdh(key.privateKey, own));
  // An unlocked key's public half was checked against its fingerprint: only a programmer error gets here.
  if (!shared) throw new Error('the school key does not agree with itself');
  const base = await importHkdfKey(shared);
  shared.fill(0);
  const encryptKey = await aesKeyFrom(base, new Uint8Array(0), INFO, 'encrypt');
  const decryptKey = await aesKeyFrom(base, new Uint8Array(0), INFO, 'decrypt');
  return {
    async seal(where, value) {
      const iv = randomBytes(12);
      const plaintext = utf8(JSON.stringify(value));
      const ciphertext = await aesGcmEncrypt(encryptKey, iv, plaintext, addressOf(where));
      return concatBytes([iv, ciphertext]);
    },
    async open(where, bytes) {
      if (bytes.length < 12 + 16) return fail([issue('file_damaged', [where.table, where.id])]);
      const plaintext = await aesGcmDecrypt(decryptKey, bytes.subarray(0, 12), bytes.subarray(12), addressOf(where));
      if (!plaintext) return fail([issue('tampered', [where.table, where.id])]);
      const text = decodeUtf8(plaintext);
      if (text === undefined) return fail([issue('file_damaged', [where.table, where.id])]);
      try {
        return succeed(JSON.parse(text) as unknown);
      } catch {
        return fail([issue('tampered', [where.table, where.id])]);
      }
    },
  };
}
