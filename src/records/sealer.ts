import { fail, succeed, type Outcome } from '../../scoring/index.ts';
import { aesGcmEncrypt, ecdh, generateEcKey, importHkdfKey, type AesKey, type HkdfKey } from '../crypto/index.ts';
import { toBase64 } from './base64.ts';
import { ownBytes, randomBytes, randomId, utf8 } from './bytes.ts';
import type { EnvelopeFormat, EnvelopeHeader, Protection } from './envelopeHeader.ts';
import { encodeEnvelope, hkdfInfoFor, hkdfSaltFor, joinEnvelope, sharesSessionKey } from './envelopeLayout.ts';
import { currentVersion } from './formats.ts';
import { aesKeyFrom, iterationsFor, passphraseSecret, type KdfCost } from './kdf.ts';
import { checkNewPassphrase } from './passphrasePolicy.ts';
import { FILE_ID_PATTERN, TIMESTAMP_PATTERN, isPlanField } from './patterns.ts';
import type { RecipientKey } from './recipient.ts';

/** The plain header fields a caller chooses. `id` must be unique per file (default: 128 random bits). */
export interface SealFields {
  readonly format: EnvelopeFormat;
  /** ISO timestamp from the caller's clock. */
  readonly created: string;
  readonly plan?: string;
  readonly id?: string;
}

/** JSON-able value (sealed as UTF-8 JSON) or raw bytes (sealed as they are). */
export type Plaintext = Uint8Array | object;

/**
 * Seals any number of files with one key agreement (or one PBKDF2 run): the per-file AES-256-GCM
 * key is HKDF(secret, salt = file id, info = "PSYE/<format>/<version>"), the IV is random, and each
 * file carries everything needed to open it on its own.
 */
export interface Sealer {
  readonly protection: Protection;
  seal(plaintext: Plaintext, fields: SealFields): Promise<Uint8Array<ArrayBuffer>>;
}

function plaintextBytes(plaintext: Plaintext): { bytes: Uint8Array<ArrayBuffer>; content: 'json' | 'binary' } {
  if (plaintext instanceof Uint8Array) return { bytes: plaintext.buffer instanceof ArrayBuffer ? (plaintext as Uint8Array<ArrayBuffer>) : ownBytes(plaintext), content: 'binary' };
  const json = JSON.stringify(plaintext) as string | undefined;
  if (json === undefined) throw new TypeError('seal() needs bytes or a JSON-serialisable object');
  return { bytes: utf8(json), content: 'json' };
}

/** Header fields a reader would refuse are the caller's mistake: fail loudly, before anything is written. */
function checkFields(fields: SealFields, checkedTimestamps: Set<string>): void {
  if (fields.id !== undefined && !FILE_ID_PATTERN.test(fields.id)) throw new RangeError(`seal: id ${JSON.stringify(fields.id)} is not a valid file id`);
  if (fields.plan !== undefined && !isPlanField(fields.plan)) throw new RangeError('seal: plan must be 1–200 characters');
  if (checkedTimestamps.has(fields.created)) return;
  if (!TIMESTAMP_PATTERN.test(fields.created)) throw new RangeError(`seal: created ${JSON.stringify(fields.created)} is not an ISO timestamp`);
  checkedTimestamps.add(fields.created);
}

function makeSealer(base: HkdfKey, protection: Protection): Sealer {
  const checkedTimestamps = new Set<string>();
  const infos = new Map<string, Uint8Array<ArrayBuffer>>();
  const sessionKeys = new Map<string, Promise<AesKey>>();
  const keyFor = (format: EnvelopeFormat, version: number, id: string): Promise<AesKey> => {
    const info = infoFor(format, version);
    if (!sharesSessionKey(format, version)) return aesKeyFrom(base, hkdfSaltFor(format, version, id), info, 'encrypt');
    const cacheKey = `${format}/${version}`;
    const found = sessionKeys.get(cacheKey) ?? aesKeyFrom(base, hkdfSaltFor(format, version, id), info, 'encrypt');
    sessionKeys.set(cacheKey, found);
    return found;
  };
  const infoFor = (format: EnvelopeFormat, version: number): Uint8Array<ArrayBuffer> => {
    const found = infos.get(format) ?? hkdfInfoFor(format, version);
    infos.set(format, found);
    return found;
  };
  return {
    protection,
    async seal(plaintext, fields) {
      checkFields(fields, checkedTimestamps);
      const { bytes, content } = plaintextBytes(plaintext);
      const version = currentVersion(fields.format);
      const iv = randomBytes(12);
      const header: EnvelopeHeader = {
        format: fields.format, version, id: fields.id ?? randomId(), created: fields.created,
        ...(fields.plan === undefined ? {} : { plan: fields.plan }), content, iv: toBase64(iv), protection,
      };
      const { prefix } = encodeEnvelope(header);
      const key = await keyFor(fields.format, version, header.id);
      const ciphertext = await aesGcmEncrypt(key, iv, bytes, prefix);
      return joinEnvelope(prefix, ciphertext);
    },
  };
}

/** One ephemeral ECDH key for the whole session (an export); a kiosk makes one per submission. */
export async function createKeySealer(recipient: RecipientKey): Promise<Sealer> {
  const ephemeral = await generateEcKey();
  const shared = await ecdh(ephemeral.privateKey, recipient.key);
  // importRecipient checked the point, so only a programmer error gets here.
  if (!shared) throw new Error('key agreement with a checked public key failed');
  const base = await importHkdfKey(shared);
  shared.fill(0);
  return makeSealer(base, { mode: 'key', keyId: recipient.keyId, epk: toBase64(ephemeral.publicKey) });
}

/** One PBKDF2 run for the whole session. The passphrase must meet the minimum (passphrasePolicy.ts). */
export async function createPassphraseSealer(passphrase: string, cost?: KdfCost): Promise<Outcome<Sealer>> {
  const weak = await checkNewPassphrase(passphrase);
  if (weak.length > 0) return fail(weak);
  const kdf = { name: 'PBKDF2-SHA-256' as const, iterations: iterationsFor(cost), salt: toBase64(randomBytes(16)) };
  const secret = await passphraseSecret(passphrase, kdf);
  return succeed(makeSealer(secret.base, { mode: 'passphrase', kdf, check: toBase64(secret.check) }));
}

/** Seals one file to a public key, with a fresh ephemeral key. */
export async function seal(plaintext: Plaintext, recipient: RecipientKey, fields: SealFields): Promise<Uint8Array<ArrayBuffer>> {
  return (await createKeySealer(recipient)).seal(plaintext, fields);
}

/** Seals one file to a passphrase (for a parent or a hospital referral). */
export async function sealWithPassphrase(plaintext: Plaintext, passphrase: string, fields: SealFields, cost?: KdfCost): Promise<Outcome<Uint8Array<ArrayBuffer>>> {
  const sealer = await createPassphraseSealer(passphrase, cost);
  return sealer.ok ? succeed(await sealer.value.seal(plaintext, fields)) : sealer;
}
