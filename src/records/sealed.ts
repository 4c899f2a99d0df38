import { fromBase64, toBase64 } from './base64.ts';

/**
 * Seals a submission to the school's public key so that the lab machine that wrote it cannot read it
 * back: a fresh ephemeral ECDH P-256 key agrees a secret with the recipient key, HKDF-SHA-256 turns it
 * into an AES-256-GCM key, and the plain header (format, version, key id, plan, time, ephemeral key,
 * IV) is authenticated as additional data, so a flipped bit anywhere fails to open.
 *
 * Layout: 4-byte big-endian header length, header (UTF-8 JSON), ciphertext with GCM tag.
 */
export const SEALED_FORMAT = 'psyscreen-sealed';
export const SEALED_VERSION = 1;
const HKDF_INFO = new TextEncoder().encode('psyscreen-sealed-v1');

export interface SealedHeader {
  readonly format: typeof SEALED_FORMAT;
  readonly version: number;
  readonly keyId: string;
  readonly plan: string;
  readonly created: string;
  readonly epk: string;
  readonly iv: string;
}

async function aesKeyFrom(privateKey: CryptoKey, publicKey: CryptoKey, usage: KeyUsage): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: HKDF_INFO }, hkdf, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

export const importRecipientKey = (rawBase64: string): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', fromBase64(rawBase64), { name: 'ECDH', namedCurve: 'P-256' }, false, []);

export async function sealJson(value: unknown, recipient: { keyId: string; publicKey: string }, plan: string, created: string): Promise<Uint8Array> {
  const recipientKey = await importRecipientKey(recipient.publicKey);
  const ephemeral = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const epk = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: SealedHeader = { format: SEALED_FORMAT, version: SEALED_VERSION, keyId: recipient.keyId, plan, created, epk: toBase64(epk), iv: toBase64(iv) };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const key = await aesKeyFrom(ephemeral.privateKey, recipientKey, 'encrypt');
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerBytes }, key, new TextEncoder().encode(JSON.stringify(value))));
  const out = new Uint8Array(4 + headerBytes.length + ciphertext.length);
  new DataView(out.buffer).setUint32(0, headerBytes.length);
  out.set(headerBytes, 4);
  out.set(ciphertext, 4 + headerBytes.length);
  return out;
}

export type OpenResult = { ok: true; header: SealedHeader; value: unknown } | { ok: false; reason: 'malformed' | 'future_version' | 'other_key' | 'tampered' };

/** Opens a sealed blob with the recipient's private ECDH key; never throws on bad input. */
export async function openSealed(bytes: Uint8Array, privateKey: CryptoKey, keyId: string): Promise<OpenResult> {
  if (bytes.length < 4) return { ok: false, reason: 'malformed' };
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (length > bytes.length - 4) return { ok: false, reason: 'malformed' };
  const headerBytes = bytes.slice(4, 4 + length);
  let header: SealedHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes)) as SealedHeader;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (header.format !== SEALED_FORMAT || typeof header.epk !== 'string' || typeof header.iv !== 'string') return { ok: false, reason: 'malformed' };
  if (header.version > SEALED_VERSION) return { ok: false, reason: 'future_version' };
  if (header.keyId !== keyId) return { ok: false, reason: 'other_key' };
  try {
    const epk = await importRecipientKey(header.epk);
    const key = await aesKeyFrom(privateKey, epk, 'decrypt');
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: headerBytes }, key, bytes.slice(4 + length));
    return { ok: true, header, value: JSON.parse(new TextDecoder().decode(plain)) as unknown };
  } catch {
    return { ok: false, reason: 'tampered' };
  }
}

/** Key id: the first 16 hex digits of sha-256 over the raw public key. */
export async function keyIdOf(rawPublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rawPublicKey));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
