import { fail, issue, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { fromBase64 } from './base64.ts';
import { decodeUtf8, utf8 } from './bytes.ts';
import { ZEnvelopeHeader, ZLegacySealedHeader, type EnvelopeFormat, type EnvelopeHeader } from './envelopeHeader.ts';
import { MAGIC, MAX_HEADER, TAG_LENGTH, hkdfInfoFor, hkdfSaltFor } from './envelopeLayout.ts';
import { checkFormat } from './formatCheck.ts';

// Reading a PSYE envelope (layout in envelopeLayout.ts): every header is checked against its schema.

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
