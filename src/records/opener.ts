import { fail, issue, succeed, type Outcome } from '../../scoring/index.ts';
import { aesGcmDecrypt, ecdh, importEcPublicKey, importHkdfKey, type AesKey, type EcPrivateKey, type HkdfKey } from '../crypto/index.ts';
import { fromBase64 } from './base64.ts';
import { bytesEqual, concatBytes, decodeUtf8, utf8 } from './bytes.ts';
import type { EnvelopeFormat } from './envelopeHeader.ts';
import { sharesSessionKey } from './envelopeLayout.ts';
import { decodeEnvelope, type DecodedEnvelope, type EnvelopeInfo } from './envelopeReader.ts';
import type { Kdf } from './envelopeHeader.ts';
import { aesKeyFrom, passphraseSecret, type PassphraseSecret } from './kdf.ts';
import { formatKeyId } from './keyId.ts';
import { ENVELOPE_FORMATS } from './envelopeHeader.ts';

/** What opens files sealed to a school key: its id and the unlocked private key (UnlockedKey fits). */
export interface KeyForOpening {
  readonly keyId: string;
  readonly privateKey: EcPrivateKey;
}

export interface Opened {
  readonly header: EnvelopeInfo;
  readonly plaintext: Uint8Array<ArrayBuffer>;
}

/**
 * Opens envelopes with a private key or a passphrase. It remembers the key agreement per ephemeral
 * key and the PBKDF2 run per salt, so the many files of one export cost one ECDH (or one PBKDF2)
 * in total, while each file still opens on its own.
 */
export interface Opener {
  open(bytes: Uint8Array<ArrayBuffer>, expected?: readonly EnvelopeFormat[]): Promise<Outcome<Opened>>;
  openJson(bytes: Uint8Array<ArrayBuffer>, expected?: readonly EnvelopeFormat[]): Promise<Outcome<{ header: EnvelopeInfo; value: unknown }>>;
}

export type OpeningSecret = { readonly key: KeyForOpening } | { readonly passphrase: string };

const tampered = (): Outcome<never> => fail([issue('tampered', [])]);

export function createOpener(secret: OpeningSecret): Opener {
  const agreements = new Map<string, Promise<HkdfKey | undefined>>();
  const passphrases = new Map<string, Promise<PassphraseSecret>>();

  const agreed = (key: KeyForOpening, epk: string): Promise<HkdfKey | undefined> => {
    let found = agreements.get(epk);
    if (!found) {
      found = (async () => {
        const publicKey = await importEcPublicKey(fromBase64(epk));
        const shared = publicKey && (await ecdh(key.privateKey, publicKey));
        if (!shared) return undefined;
        const base = await importHkdfKey(shared);
        shared.fill(0);
        return base;
      })();
      agreements.set(epk, found);
    }
    return found;
  };

  const derived = (passphrase: string, kdf: Kdf): Promise<PassphraseSecret> => {
    const cacheKey = `${kdf.iterations}:${kdf.salt}`;
    let found = passphrases.get(cacheKey);
    if (!found) {
      found = passphraseSecret(passphrase, kdf);
      passphrases.set(cacheKey, found);
    }
    return found;
  };

  async function baseKeyFor(decoded: DecodedEnvelope): Promise<Outcome<HkdfKey>> {
    const protection = decoded.header.protection;
    if (protection.mode === 'key') {
      if (!('key' in secret)) return fail([issue('needs_key', [], { keyId: formatKeyId(protection.keyId) })]);
      if (protection.keyId !== secret.key.keyId) {
        const params = { keyId: formatKeyId(protection.keyId), ours: formatKeyId(secret.key.keyId) };
        const ours = await sealedToUsDespiteKeyId(decoded, secret.key, protection.keyId, protection.epk);
        return fail([issue(ours ? 'key_id_damaged' : 'other_key', ['header', 'protection', 'keyId'], params)]);
      }
      const base = await agreed(secret.key, protection.epk);
      return base ? succeed(base) : tampered();
    }
    if (!('passphrase' in secret)) return fail([issue('needs_passphrase', [])]);
    const derivedSecret = await derived(secret.passphrase, protection.kdf);
    if (!bytesEqual(derivedSecret.check, fromBase64(protection.check))) return fail([issue('passphrase_wrong', ['passphrase'])]);
    return succeed(derivedSecret.base);
  }

  /**
   * A header's key id is authenticated only as part of the whole header, so a file sealed to us whose
   * key id was flipped would read as "for another key". The header with our own key id put back is the
   * additional data it was sealed with: if it opens so, the key id is what was damaged.
   */
  async function sealedToUsDespiteKeyId(decoded: DecodedEnvelope, key: KeyForOpening, keyId: string, epk: string): Promise<boolean> {
    const text = decodeUtf8(decoded.additionalData.subarray(decoded.header.version === 1 && decoded.header.format === 'psyscreen-sealed' ? 0 : 8));
    const field = `"keyId":"${keyId}"`;
    if (text === undefined || text.indexOf(field) < 0 || text.indexOf(field) !== text.lastIndexOf(field)) return false;
    const prefix = decoded.additionalData.subarray(0, decoded.additionalData.length - utf8(text).length);
    const restored = concatBytes([prefix, utf8(text.replace(field, `"keyId":"${key.keyId}"`))]);
    const base = await agreed(key, epk);
    if (!base) return false;
    return (await aesGcmDecrypt(await aesKeyOf(base, decoded), decoded.iv, decoded.ciphertext, restored)) !== undefined;
  }

  // Files of one v3 export share their AES key: derive it once per base key (sealer.ts).
  const sessionKeys = new WeakMap<HkdfKey, Map<string, Promise<AesKey>>>();
  const aesKeyOf = (base: HkdfKey, decoded: DecodedEnvelope): Promise<AesKey> => {
    const { header, hkdfSalt, hkdfInfo } = decoded;
    if (!sharesSessionKey(header.format, header.version)) return aesKeyFrom(base, hkdfSalt, hkdfInfo, 'decrypt');
    const perBase = sessionKeys.get(base) ?? new Map<string, Promise<AesKey>>();
    sessionKeys.set(base, perBase);
    const cacheKey = `${header.format}/${header.version}`;
    const found = perBase.get(cacheKey) ?? aesKeyFrom(base, hkdfSalt, hkdfInfo, 'decrypt');
    perBase.set(cacheKey, found);
    return found;
  };

  async function open(bytes: Uint8Array<ArrayBuffer>, expected: readonly EnvelopeFormat[] = ENVELOPE_FORMATS): Promise<Outcome<Opened>> {
    const decoded = decodeEnvelope(bytes, expected);
    if (!decoded.ok) return decoded;
    const base = await baseKeyFor(decoded.value);
    if (!base.ok) return base;
    const { header, additionalData, ciphertext, iv } = decoded.value;
    const plaintext = await aesGcmDecrypt(await aesKeyOf(base.value, decoded.value), iv, ciphertext, additionalData);
    return plaintext ? succeed({ header, plaintext }) : tampered();
  }

  return {
    open,
    async openJson(bytes, expected) {
      const opened = await open(bytes, expected);
      if (!opened.ok) return opened;
      const text = opened.value.header.content === 'json' ? decodeUtf8(opened.value.plaintext) : undefined;
      if (text === undefined) return fail([issue('content_invalid', [])]);
      try {
        return succeed({ header: opened.value.header, value: JSON.parse(text) as unknown });
      } catch {
        return fail([issue('content_invalid', [])]);
      }
    },
  };
}

/** Opens one file sealed to the school key. */
export const open = (bytes: Uint8Array<ArrayBuffer>, key: KeyForOpening, expected?: readonly EnvelopeFormat[]): Promise<Outcome<Opened>> =>
  createOpener({ key }).open(bytes, expected);

/** Opens one file sealed to a passphrase. */
export const openWithPassphrase = (bytes: Uint8Array<ArrayBuffer>, passphrase: string, expected?: readonly EnvelopeFormat[]): Promise<Outcome<Opened>> =>
  createOpener({ passphrase }).open(bytes, expected);
