import { gcm } from '@noble/ciphers/aes.js';
import { p256 } from '@noble/curves/nist.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { Backend } from './backend.ts';
import type { Bytes, EcPrivateKey } from './handles.ts';
import { decodeP256Pkcs8, encodeP256Pkcs8 } from './pkcs8.ts';

const copy = (bytes: Uint8Array): Bytes => new Uint8Array(bytes);

/** WebCrypto's ECDSA: P1363 r ‖ s over SHA-256 of the message, s not normalised to the low half. */
const ECDSA_OPTIONS = { prehash: true, lowS: false, format: 'compact' } as const;

const nobleKey = <T extends { readonly backend: string }>(handle: T): Extract<T, { backend: 'noble' }> => {
  if (handle.backend !== 'noble') throw new TypeError(`a ${handle.backend} key was handed to the noble backend`);
  return handle as Extract<T, { backend: 'noble' }>;
};

const isPoint = (raw: Uint8Array): boolean => raw.length === 65 && raw[0] === 0x04 && p256.utils.isValidPublicKey(raw, false);

function generate(): { scalar: Bytes; publicKey: Bytes } {
  const scalar = copy(p256.utils.randomSecretKey());
  return { scalar, publicKey: copy(p256.getPublicKey(scalar, false)) };
}

/**
 * Audited pure-JS primitives (@noble) for pages without `crypto.subtle`: a lab PC on plain http.
 * Same inputs, same bytes out as the WebCrypto backend; keys live in JS memory, as they must there.
 */
export const nobleBackend: Backend = {
  name: 'noble',
  sha256: (data) => Promise.resolve(copy(sha256(data))),
  // Async so that 600,000 rounds on an old PC leave the page able to paint.
  pbkdf2Sha256: async (password, salt, iterations, length) => copy(await pbkdf2Async(sha256, password, salt, { c: iterations, dkLen: length })),
  importHkdfKey: (ikm) => Promise.resolve({ kind: 'hkdf', backend: 'noble', ikm: copy(ikm) }),
  hkdfSha256: (base, salt, info, length) => Promise.resolve(copy(hkdf(sha256, nobleKey(base).ikm, salt, info, length))),
  importAesKey: (raw) => {
    if (raw.length !== 32) return Promise.reject(new RangeError('AES-256 needs a 32-byte key'));
    return Promise.resolve({ kind: 'aes', backend: 'noble', raw: copy(raw) });
  },
  aesGcmEncrypt: (key, iv, plaintext, additionalData) => Promise.resolve(copy(gcm(nobleKey(key).raw, iv, additionalData).encrypt(plaintext))),
  aesGcmDecrypt: (key, iv, ciphertext, additionalData) => {
    try {
      return Promise.resolve(copy(gcm(nobleKey(key).raw, iv, additionalData).decrypt(ciphertext)));
    } catch {
      return Promise.resolve(undefined);
    }
  },
  generateEcKey: () => {
    const { scalar, publicKey } = generate();
    return Promise.resolve({ privateKey: { kind: 'ec-private', backend: 'noble', scalar }, publicKey });
  },
  generateExportableEcKey: () => {
    const { scalar, publicKey } = generate();
    const pkcs8 = encodeP256Pkcs8(scalar, publicKey);
    scalar.fill(0);
    return Promise.resolve({ pkcs8, publicKey });
  },
  importEcPrivateKey: (pkcs8) => {
    const parts = decodeP256Pkcs8(copy(pkcs8));
    if (!parts || !p256.utils.isValidSecretKey(parts.scalar)) return Promise.resolve(undefined);
    // A public key that does not belong to the scalar means a damaged or forged file.
    if (parts.publicKey && !equal(parts.publicKey, p256.getPublicKey(parts.scalar, false))) return Promise.resolve(undefined);
    const key: EcPrivateKey = { kind: 'ec-private', backend: 'noble', scalar: parts.scalar };
    return Promise.resolve(key);
  },
  importEcPublicKey: (raw) => Promise.resolve(isPoint(raw) ? { kind: 'ec-public', raw, imported: {} } : undefined),
  ecdh: (privateKey, publicKey) => {
    try {
      // WebCrypto's ECDH deriveBits is the x-coordinate of the shared point.
      return Promise.resolve(copy(p256.getSharedSecret(nobleKey(privateKey).scalar, publicKey.raw, true).slice(1)));
    } catch {
      return Promise.resolve(undefined);
    }
  },
  ecdsaSign: (privateKey, message) => Promise.resolve(copy(p256.sign(message, nobleKey(privateKey).scalar, ECDSA_OPTIONS))),
  ecdsaVerify: (publicKey, signature, message) => {
    try {
      return Promise.resolve(p256.verify(signature, message, publicKey.raw, ECDSA_OPTIONS));
    } catch {
      return Promise.resolve(false);
    }
  },
};

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
