/**
 * Every cryptographic primitive PsyScreen uses, behind one door (contract: README.md). WebCrypto where
 * the page has `crypto.subtle`; the audited pure-JS @noble libraries where it has not (plain-http lab
 * origins). Both give the same bytes for the same inputs, so files cross freely between them.
 */
import type { AesUsage } from './backend.ts';
import type { AesKey, BackendName, Bytes, EcPrivateKey, EcPublicKey, HkdfKey } from './handles.ts';
import { activeBackend, backendNamed } from './select.ts';

export type { AesKey, AesUsage, BackendName, EcPrivateKey, EcPublicKey, HkdfKey };
export { activeBackendName as cryptoBackendName, useCryptoBackend } from './select.ts';
export { randomBytes, randomUuid } from './random.ts';
export { scrypt, type ScryptCost } from './scrypt.ts';
export { secureContextFeatures, type FeatureEnvironment, type MissingFeature, type SecureContextReport } from './features.ts';

const EMPTY = new Uint8Array(0);

export const sha256 = (data: Uint8Array): Promise<Bytes> => activeBackend().sha256(data);

/** PBKDF2-HMAC-SHA-256, `length` bytes. */
export const pbkdf2Sha256 = (password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Bytes> =>
  activeBackend().pbkdf2Sha256(password, salt, iterations, length);

/** Keying material for HKDF-SHA-256 (a shared secret, a PBKDF2 output). The caller may wipe `ikm` afterwards. */
export const importHkdfKey = (ikm: Uint8Array): Promise<HkdfKey> => activeBackend().importHkdfKey(ikm);

/** HKDF-SHA-256 (RFC 5869: extract with `salt`, expand with `info`), `length` bytes. */
export const hkdfSha256 = (base: HkdfKey, salt: Uint8Array, info: Uint8Array, length: number): Promise<Bytes> =>
  backendNamed(base.backend).hkdfSha256(base, salt, info, length);

export const importAesKey = (raw: Uint8Array, usages: readonly AesUsage[] = ['encrypt', 'decrypt']): Promise<AesKey> =>
  activeBackend().importAesKey(raw, usages);

/**
 * An AES-256-GCM key from 32 bytes of HKDF. deriveBits + importKey gives the same key as WebCrypto's
 * deriveKey, at half its cost in Node (measured: 24 µs against 48 µs); the 32 bytes are wiped once imported.
 */
export async function hkdfAesKey(base: HkdfKey, salt: Uint8Array, info: Uint8Array, usages: readonly AesUsage[]): Promise<AesKey> {
  const backend = backendNamed(base.backend);
  const bits = await backend.hkdfSha256(base, salt, info, 32);
  try {
    return await backend.importAesKey(bits, usages);
  } finally {
    bits.fill(0);
  }
}

/** AES-256-GCM with a 12-byte IV: the ciphertext with its 16-byte tag appended. */
export const aesGcmEncrypt = (key: AesKey, iv: Uint8Array, plaintext: Uint8Array, additionalData: Uint8Array = EMPTY): Promise<Bytes> =>
  backendNamed(key.backend).aesGcmEncrypt(key, iv, plaintext, additionalData);

/** The plaintext, or undefined when the key is wrong or any byte of ciphertext, tag, IV or additional data changed. */
export const aesGcmDecrypt = (key: AesKey, iv: Uint8Array, ciphertext: Uint8Array, additionalData: Uint8Array = EMPTY): Promise<Bytes | undefined> =>
  backendNamed(key.backend).aesGcmDecrypt(key, iv, ciphertext, additionalData);

/** A P-256 key pair whose private half never leaves the handle (an ephemeral ECDH key). */
export const generateEcKey = (): Promise<{ readonly privateKey: EcPrivateKey; readonly publicKey: Bytes }> => activeBackend().generateEcKey();

/** A new P-256 key as PKCS#8 (to be wrapped at once) and its raw 65-byte public key. */
export const generateExportableEcKey = (): Promise<{ readonly pkcs8: Bytes; readonly publicKey: Bytes }> => activeBackend().generateExportableEcKey();

/** A P-256 PKCS#8 private key, for ECDH and ECDSA; undefined when the bytes are no such key. */
export const importEcPrivateKey = (pkcs8: Uint8Array): Promise<EcPrivateKey | undefined> => activeBackend().importEcPrivateKey(pkcs8);

/** A raw uncompressed P-256 public key (65 bytes, 0x04 ‖ x ‖ y); undefined unless it is a point on the curve. */
export async function importEcPublicKey(raw: Uint8Array): Promise<EcPublicKey | undefined> {
  if (raw.length !== 65 || raw[0] !== 0x04) return undefined;
  return activeBackend().importEcPublicKey(new Uint8Array(raw));
}

/** The ECDH shared secret: the 32-byte x-coordinate (as WebCrypto's deriveBits gives it); undefined if the agreement fails. */
export const ecdh = (privateKey: EcPrivateKey, publicKey: EcPublicKey): Promise<Bytes | undefined> =>
  backendNamed(privateKey.backend).ecdh(privateKey, publicKey);

/** ECDSA P-256 over SHA-256 of `message`: 64 bytes, IEEE P1363 r ‖ s. */
export const ecdsaSign = (privateKey: EcPrivateKey, message: Uint8Array): Promise<Bytes> =>
  backendNamed(privateKey.backend).ecdsaSign(privateKey, message);

/** Whether `signature` (P1363 r ‖ s, either half of s) is this key's signature of `message`. */
export const ecdsaVerify = (publicKey: EcPublicKey, signature: Uint8Array, message: Uint8Array): Promise<boolean> =>
  signature.length === 64 ? activeBackend().ecdsaVerify(publicKey, signature, message) : Promise.resolve(false);
