import { fail, issue, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { fromBase64 } from './base64.ts';
import { concatBytes, decodeUtf8, utf8 } from './bytes.ts';
import { ZEnvelopeHeader, ZLegacySealedHeader, type EnvelopeFormat, type EnvelopeHeader } from './envelopeHeader.ts';
import { checkFormat } from './formatCheck.ts';

/**
 * The PSYE envelope, byte by byte:
 *
 *   offset  size   field
 *   0       4      magic "PSYE" (50 53 59 45)
 *   4       4      N = header length, unsigned big-endian, 2 ≤ N ≤ 65,536
 *   8       N      header: UTF-8 JSON (envelopeHeader.ts)
 *   8+N     L+16   AES-256-GCM ciphertext of the L-byte plaintext, then the 16-byte tag
 *
 * Additional authenticated data = bytes 0 … 8+N−1 exactly as stored (magic, length and header).
 * The legacy `psyscreen-sealed` v1 layout has no magic: 4-byte length, header, ciphertext, with the
 * header bytes alone as AAD (see README.md).
 */
export const MAGIC = utf8('PSYE');
const MAX_HEADER = 65_536;
const TAG_LENGTH = 16;

/** The plain header as a reader sees it; legacy v1 files have no file id. */
export type EnvelopeInfo = Omit<EnvelopeHeader, 'id'> & { readonly id?: string };

/** What a reader needs to derive the key and decrypt, whatever the layout. */
export interface DecodedEnvelope {
  readonly header: EnvelopeInfo;
  readonly additionalData: Uint8Array<ArrayBuffer>;
  readonly ciphertext: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly hkdfSalt: Uint8Array<ArrayBuffer>;
  readonly hkdfInfo: Uint8Array<ArrayBuffer>;
}

export const hkdfInfoFor = (format: EnvelopeFormat, version: number): Uint8Array<ArrayBuffer> => utf8(`PSYE/${format}/${version}`);

/**
 * The HKDF salt of a file's AES key. Up to `psyscreen-record` v2 every file had its own key (salt =
 * file id); from v3 the files of one sealing session (one ephemeral ECDH key, or one PBKDF2 run) share
 * one AES-256-GCM key, each with its own random 96-bit IV: as safe for an export of thousands of files,
 * and it removes a key derivation per file (the export's cost above raw AES-GCM). Submissions keep a
 * key per file; each has its own ephemeral key anyway.
 */
export const sharesSessionKey = (format: EnvelopeFormat, version: number): boolean => format === 'psyscreen-record' && version >= 3;
export const hkdfSaltFor = (format: EnvelopeFormat, version: number, id: string): Uint8Array<ArrayBuffer> =>
  sharesSessionKey(format, version) ? new Uint8Array(0) : utf8(id);

export function encodeEnvelope(header: EnvelopeHeader): { prefix: Uint8Array<ArrayBuffer> } {
  const headerBytes = utf8(JSON.stringify(header));
  if (headerBytes.length > MAX_HEADER) throw new Error('envelope header too long');
  const prefix = new Uint8Array(8 + headerBytes.length);
  prefix.set(MAGIC, 0);
  new DataView(prefix.buffer).setUint32(4, headerBytes.length);
  prefix.set(headerBytes, 8);
  return { prefix };
}

export const joinEnvelope = (prefix: Uint8Array, ciphertext: Uint8Array): Uint8Array<ArrayBuffer> => concatBytes([prefix, ciphertext]);

const damaged = (path: (string | number)[] = []): Outcome<never> => fail([issue('file_damaged', path)]);

function readHeaderJson(bytes: Uint8Array): Outcome<unknown> {
  const text = decodeUtf8(bytes);
  if (text === undefined) return damaged(['header']);
  try {
    return succeed(JSON.parse(text) as unknown);
  } catch {
    return damaged(['header']);
  }
}

/** Splits an envelope and checks its header; never throws on bad input. */
export function decodeEnvelope(bytes: Uint8Array<ArrayBuffer>, expected: readonly EnvelopeFormat[]): Outcome<DecodedEnvelope> {
  if (bytes.length < 8) return fail([issue('not_psyscreen_file', [], { expected: expectedLabel(expected) })]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasMagic = MAGIC.every((byte, i) => bytes[i] === byte);
  return hasMagic ? decodePsye(bytes, view, expected) : decodeLegacy(bytes, view, expected);
}

const expectedLabel = (expected: readonly EnvelopeFormat[]): string => expected.map((format) => (format === 'psyscreen-record' ? '.psyrec' : '.psysealed')).join(' / ');

function decodePsye(bytes: Uint8Array<ArrayBuffer>, view: DataView, expected: readonly EnvelopeFormat[]): Outcome<DecodedEnvelope> {
  const length = view.getUint32(4);
  if (length < 2 || length > MAX_HEADER || 8 + length + TAG_LENGTH > bytes.length) return damaged();
  const json = readHeaderJson(bytes.subarray(8, 8 + length));
  if (!json.ok) return json;
  const format = checkFormat(json.value, expected, ['header']);
  if (!format.ok) return format;
  if (format.value.format === 'psyscreen-sealed' && format.value.version === 1) return damaged(['header', 'version']);
  const header = parseWith(ZEnvelopeHeader, json.value);
  if (!header.ok) return fail([issue('file_damaged', ['header']), ...header.issues]);
  return succeed({
    header: header.value,
    additionalData: bytes.slice(0, 8 + length),
    ciphertext: bytes.slice(8 + length),
    iv: fromBase64(header.value.iv),
    hkdfSalt: hkdfSaltFor(header.value.format, header.value.version, header.value.id),
    hkdfInfo: hkdfInfoFor(header.value.format, header.value.version),
  });
}

const LEGACY_SALT = new Uint8Array(32);
const LEGACY_INFO = utf8('psyscreen-sealed-v1');

function decodeLegacy(bytes: Uint8Array<ArrayBuffer>, view: DataView, expected: readonly EnvelopeFormat[]): Outcome<DecodedEnvelope> {
  const length = view.getUint32(0);
  const notOurs = fail<DecodedEnvelope>([issue('not_psyscreen_file', [], { expected: expectedLabel(expected) })]);
  if (bytes[4] !== 0x7b) return notOurs; // "{": every legacy header is a JSON object
  if (length > MAX_HEADER || 4 + length + TAG_LENGTH > bytes.length) return damaged();
  const headerBytes = bytes.slice(4, 4 + length);
  const json = readHeaderJson(headerBytes);
  if (!json.ok) return json;
  const format = checkFormat(json.value, expected, ['header']);
  if (!format.ok) return format;
  if (format.value.version !== 1) return damaged(['header', 'version']);
  const legacy = parseWith(ZLegacySealedHeader, json.value);
  if (!legacy.ok) return fail([issue('file_damaged', ['header']), ...legacy.issues]);
  const { keyId, plan, created, epk, iv } = legacy.value;
  return succeed({
    header: { format: 'psyscreen-sealed', version: 1, created, ...(plan ? { plan } : {}), content: 'json', iv, protection: { mode: 'key', keyId, epk } },
    additionalData: headerBytes,
    ciphertext: bytes.slice(4 + length),
    iv: fromBase64(iv),
    hkdfSalt: LEGACY_SALT,
    hkdfInfo: LEGACY_INFO,
  });
}
