import { concatBytes, utf8 } from './bytes.ts';
import type { EnvelopeFormat, EnvelopeHeader } from './envelopeHeader.ts';

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
export const MAX_HEADER = 65_536;
export const TAG_LENGTH = 16;

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
