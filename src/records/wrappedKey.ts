import { z } from 'zod';
import { canonicalJson, fail, issue, succeed, type Outcome } from '../../scoring/index.ts';
import { aesGcmDecrypt, aesGcmEncrypt, importEcPrivateKey, type EcPrivateKey } from '../crypto/index.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { bytesEqual, randomBytes, utf8 } from './bytes.ts';
import { ZKdf } from './envelopeHeader.ts';
import { aesKeyFrom, iterationsFor, passphraseSecret, type KdfCost } from './kdf.ts';
import { ZKeyName } from './publicKey.ts';
import { ZBase64Bytes, ZKeyId, ZTimestamp } from './schemaParts.ts';

/**
 * A private key encrypted under a passphrase: the workspace's stored key (`psyscreen-private-key`,
 * kept in the browser's storage) and the backup file (`psyscreen-key-backup`, with its own
 * passphrase) share this shape. `wrapped` is AES-256-GCM over the PKCS#8 private key; every other
 * field, in canonical JSON, is the additional authenticated data, so no field can be changed unnoticed.
 */
const wrappedFields = {
  version: z.literal(1),
  name: ZKeyName,
  keyId: ZKeyId,
  algorithm: z.literal('ECDH-P256'),
  publicKey: ZBase64Bytes({ length: 65 }),
  created: ZTimestamp,
  kdf: ZKdf,
  check: ZBase64Bytes({ length: 16 }),
  iv: ZBase64Bytes({ length: 12 }),
  wrapped: ZBase64Bytes({ min: 17 }),
};

export const ZStoredPrivateKey = z.strictObject({ format: z.literal('psyscreen-private-key'), ...wrappedFields });
export type StoredPrivateKey = z.infer<typeof ZStoredPrivateKey>;

export const ZKeyBackupFile = z.strictObject({ format: z.literal('psyscreen-key-backup'), ...wrappedFields, exported: ZTimestamp });
export type KeyBackupFile = z.infer<typeof ZKeyBackupFile>;

export type WrappedKey = StoredPrivateKey | KeyBackupFile;
type Unwrapped<T extends WrappedKey> = Omit<T, 'kdf' | 'check' | 'iv' | 'wrapped'>;

const WRAP_INFO = utf8('psyscreen private key wrap');
const additionalData = (file: Omit<WrappedKey, 'wrapped'>): Uint8Array<ArrayBuffer> => utf8(canonicalJson({ ...file, wrapped: undefined }));

export async function wrapPrivateKey<T extends WrappedKey>(meta: Unwrapped<T>, pkcs8: Uint8Array<ArrayBuffer>, passphrase: string, cost?: KdfCost): Promise<T> {
  const kdf = { name: 'PBKDF2-SHA-256' as const, iterations: iterationsFor(cost), salt: toBase64(randomBytes(16)) };
  const secret = await passphraseSecret(passphrase, kdf);
  const iv = randomBytes(12);
  const unsealed = { ...meta, kdf, check: toBase64(secret.check), iv: toBase64(iv) };
  const key = await aesKeyFrom(secret.base, new Uint8Array(0), WRAP_INFO, 'encrypt');
  const wrapped = await aesGcmEncrypt(key, iv, pkcs8, additionalData(unsealed));
  return { ...unsealed, wrapped: toBase64(wrapped) } as unknown as T;
}

/** The PKCS#8 bytes, or: `passphrase_wrong`, or `key_file_damaged` (right passphrase, altered file). */
export async function unwrapPrivateKey(file: WrappedKey, passphrase: string): Promise<Outcome<Uint8Array<ArrayBuffer>>> {
  const secret = await passphraseSecret(passphrase, file.kdf);
  if (!bytesEqual(secret.check, fromBase64(file.check))) return fail([issue('passphrase_wrong', ['passphrase'])]);
  const key = await aesKeyFrom(secret.base, new Uint8Array(0), WRAP_INFO, 'decrypt');
  const pkcs8 = await aesGcmDecrypt(key, fromBase64(file.iv), fromBase64(file.wrapped), additionalData(file));
  return pkcs8 ? succeed(pkcs8) : fail([issue('key_file_damaged', [])]);
}

/**
 * The private key as this session uses it, never exportable again: for key agreement (opening what
 * was sealed to the school) and for ECDSA signatures (the school's anonymous aggregates). One P-256
 * key serves both, so a school has one fingerprint to publish; signed messages carry their own
 * prefix (signedFile.ts), so no signature can be mistaken for anything else. The PKCS#8 bytes are wiped.
 */
export async function importPrivateKey(pkcs8: Uint8Array<ArrayBuffer>): Promise<Outcome<EcPrivateKey>> {
  try {
    const key = await importEcPrivateKey(pkcs8);
    return key ? succeed(key) : fail([issue('key_file_damaged', [])]);
  } finally {
    pkcs8.fill(0);
  }
}
