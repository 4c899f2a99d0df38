import type { Backend } from './backend.ts';
import type { Bytes, EcPrivateKey, EcPublicKey } from './handles.ts';

/** WebCrypto wants views of a plain ArrayBuffer; views handed out by fflate or Node may not be. */
const own = (bytes: Uint8Array): Bytes => (bytes.buffer instanceof ArrayBuffer ? (bytes as Bytes) : new Uint8Array(bytes));

const P256_ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const P256_ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/**
 * The platform's WebCrypto (secure contexts and Node): native speed, and private and AES keys that
 * cannot be exported from the page once imported.
 */
export function webCryptoBackend(subtle: SubtleCrypto): Backend {
  const webKey = <T extends { readonly backend: string }>(handle: T): Extract<T, { backend: 'webcrypto' }> => {
    if (handle.backend !== 'webcrypto') throw new TypeError(`a ${handle.backend} key was handed to the WebCrypto backend`);
    return handle as Extract<T, { backend: 'webcrypto' }>;
  };
  const publicFor = (publicKey: EcPublicKey, use: 'ecdh' | 'ecdsa'): Promise<CryptoKey> => {
    const found = publicKey.imported[use] ?? subtle.importKey('raw', publicKey.raw, use === 'ecdh' ? P256_ECDH : P256_ECDSA, true, use === 'ecdh' ? [] : ['verify']);
    publicKey.imported[use] = found;
    return found;
  };
  const importPrivate = async (pkcs8: Uint8Array): Promise<EcPrivateKey> => ({
    kind: 'ec-private', backend: 'webcrypto',
    agreement: await subtle.importKey('pkcs8', own(pkcs8), P256_ECDH, false, ['deriveBits']),
    signing: await subtle.importKey('pkcs8', own(pkcs8), P256_ECDSA, false, ['sign']),
  });

  return {
    name: 'webcrypto',
    async sha256(data) {
      return new Uint8Array(await subtle.digest('SHA-256', own(data)));
    },
    async pbkdf2Sha256(password, salt, iterations, length) {
      const material = await subtle.importKey('raw', own(password), 'PBKDF2', false, ['deriveBits']);
      return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: own(salt), iterations }, material, length * 8));
    },
    async importHkdfKey(ikm) {
      return { kind: 'hkdf', backend: 'webcrypto', key: await subtle.importKey('raw', own(ikm), 'HKDF', false, ['deriveBits']) };
    },
    async hkdfSha256(base, salt, info, length) {
      return new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: own(salt), info: own(info) }, webKey(base).key, length * 8));
    },
    async importAesKey(raw, usages) {
      return { kind: 'aes', backend: 'webcrypto', key: await subtle.importKey('raw', own(raw), 'AES-GCM', false, [...usages]) };
    },
    async aesGcmEncrypt(key, iv, plaintext, additionalData) {
      return new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: own(iv), additionalData: own(additionalData) }, webKey(key).key, own(plaintext)));
    },
    async aesGcmDecrypt(key, iv, ciphertext, additionalData) {
      try {
        return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: own(iv), additionalData: own(additionalData) }, webKey(key).key, own(ciphertext)));
      } catch {
        return undefined;
      }
    },
    async generateEcKey() {
      const pair = await subtle.generateKey(P256_ECDH, false, ['deriveBits']);
      const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
      // An ephemeral key only agrees; it never signs, so its signing half is the agreement key itself.
      return { privateKey: { kind: 'ec-private', backend: 'webcrypto', agreement: pair.privateKey, signing: pair.privateKey }, publicKey };
    },
    async generateExportableEcKey() {
      const pair = await subtle.generateKey(P256_ECDH, true, ['deriveBits']);
      return {
        pkcs8: new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey)),
        publicKey: new Uint8Array(await subtle.exportKey('raw', pair.publicKey)),
      };
    },
    async importEcPrivateKey(pkcs8) {
      try {
        return await importPrivate(pkcs8);
      } catch {
        return undefined;
      }
    },
    async importEcPublicKey(raw) {
      // The import that checks the point is the one ECDH then uses.
      const ecdh = subtle.importKey('raw', raw, P256_ECDH, true, []);
      try {
        await ecdh;
        return { kind: 'ec-public', raw, imported: { ecdh } };
      } catch {
        return undefined;
      }
    },
    async ecdh(privateKey, publicKey) {
      try {
        return new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: await publicFor(publicKey, 'ecdh') }, webKey(privateKey).agreement, 256));
      } catch {
        return undefined;
      }
    },
    async ecdsaSign(privateKey, message) {
      return new Uint8Array(await subtle.sign(ECDSA_SHA256, webKey(privateKey).signing, own(message)));
    },
    async ecdsaVerify(publicKey, signature, message) {
      try {
        return await subtle.verify(ECDSA_SHA256, await publicFor(publicKey, 'ecdsa'), own(signature), own(message));
      } catch {
        return false;
      }
    },
  };
}
