import type { AesKey, BackendName, Bytes, EcPrivateKey, EcPublicKey, HkdfKey } from './handles.ts';

export type AesUsage = 'encrypt' | 'decrypt';

/** What each backend implements; index.ts dispatches to the active one (or the one a key came from). */
export interface Backend {
  readonly name: BackendName;
  sha256(data: Uint8Array): Promise<Bytes>;
  pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Bytes>;
  importHkdfKey(ikm: Uint8Array): Promise<HkdfKey>;
  hkdfSha256(base: HkdfKey, salt: Uint8Array, info: Uint8Array, length: number): Promise<Bytes>;
  importAesKey(raw: Uint8Array, usages: readonly AesUsage[]): Promise<AesKey>;
  aesGcmEncrypt(key: AesKey, iv: Uint8Array, plaintext: Uint8Array, additionalData: Uint8Array): Promise<Bytes>;
  /** undefined when the key is wrong or any byte was altered. */
  aesGcmDecrypt(key: AesKey, iv: Uint8Array, ciphertext: Uint8Array, additionalData: Uint8Array): Promise<Bytes | undefined>;
  generateEcKey(): Promise<{ readonly privateKey: EcPrivateKey; readonly publicKey: Bytes }>;
  generateExportableEcKey(): Promise<{ readonly pkcs8: Bytes; readonly publicKey: Bytes }>;
  importEcPrivateKey(pkcs8: Uint8Array): Promise<EcPrivateKey | undefined>;
  /** A 65-byte 0x04 point already; undefined unless it lies on P-256. */
  importEcPublicKey(raw: Bytes): Promise<EcPublicKey | undefined>;
  ecdh(privateKey: EcPrivateKey, publicKey: EcPublicKey): Promise<Bytes | undefined>;
  ecdsaSign(privateKey: EcPrivateKey, message: Uint8Array): Promise<Bytes>;
  ecdsaVerify(publicKey: EcPublicKey, signature: Uint8Array, message: Uint8Array): Promise<boolean>;
}
