import { z } from 'zod';
import { fail, issue, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { readJsonFileText } from './jsonFile.ts';
import { ecdsaSign, ecdsaVerify, importEcPublicKey } from '../crypto/index.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { utf8 } from './bytes.ts';
import { checkFormat } from './formatCheck.ts';
import { keyIdOf } from './keyId.ts';
import { ZKeyName } from './publicKey.ts';
import type { UnlockedKey } from './schoolKey.ts';
import { ZBase64Bytes, ZKeyId } from './schemaParts.ts';

/**
 * `psyscreen-signed`: a text (e.g. a school's anonymous `.psyagg`) with the school's ECDSA P-256 /
 * SHA-256 signature, the signing key's fingerprint and its public key. Anyone can check that the text
 * is unaltered since the key holder signed it; comparing the fingerprint with the one the school gave
 * (on its `.psykey`, by phone, on paper) tells whose key it is. The signature covers a fixed prefix
 * plus the text, so it can never pass for a signature of anything else.
 *
 * Version 2 also signs the key's name. In version 1 the name sat outside the signed bytes, so anyone
 * could edit it: such a file still opens, but its name is never passed on (`SignedContent.keyName`).
 */
export const ZSignedFile = z.strictObject({
  format: z.literal('psyscreen-signed'),
  version: z.union([z.literal(1), z.literal(2)]),
  algorithm: z.literal('ECDSA-P256-SHA256'),
  keyId: ZKeyId,
  keyName: ZKeyName,
  publicKey: ZBase64Bytes({ length: 65 }),
  /** The signed text, exactly as signed. */
  text: z.string(),
  /** IEEE P1363 (r ‖ s), 64 bytes, base64. */
  signature: ZBase64Bytes({ length: 64 }),
});
export type SignedFile = z.infer<typeof ZSignedFile>;

/** What a signature vouches for: the text and the key; the key's name only when the signature covers it. */
export interface SignedContent {
  readonly text: string;
  readonly keyId: string;
  readonly keyName?: string;
}

/**
 * The bytes the signature is over. Version 2: prefix, then one JSON line naming the key (JSON has no raw
 * newline, so the first newline ends it), then the text. Shared with the command line (cli/signed.ts).
 */
export function signedMessage(file: Pick<SignedFile, 'version' | 'algorithm' | 'keyId' | 'keyName' | 'publicKey' | 'text'>): string {
  if (file.version === 1) return `psyscreen-signed/1\n${file.text}`;
  const header = JSON.stringify({ algorithm: file.algorithm, keyId: file.keyId, keyName: file.keyName, publicKey: file.publicKey });
  return `psyscreen-signed/2\n${header}\n${file.text}`;
}

/** What a checked file vouches for (version 1 leaves the name out: it was never signed). */
export const contentOf = (file: SignedFile): SignedContent =>
  file.version === 2 ? { text: file.text, keyId: file.keyId, keyName: file.keyName } : { text: file.text, keyId: file.keyId };

export async function signText(text: string, key: Pick<UnlockedKey, 'keyId' | 'name' | 'publicKey' | 'privateKey'>): Promise<string> {
  // The schema trims names when read, so the name is signed as it will be read back.
  const unsigned = { format: 'psyscreen-signed', version: 2, algorithm: 'ECDSA-P256-SHA256', keyId: key.keyId, keyName: key.name.trim(), publicKey: toBase64(key.publicKey), text } as const;
  const signature = await ecdsaSign(key.privateKey, utf8(signedMessage(unsigned)));
  const file: SignedFile = { ...unsigned, signature: toBase64(signature) };
  return `${JSON.stringify(file, null, 1)}\n`;
}

export const isSignedFile = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'psyscreen-signed';

/** The text and who signed it, or `signature_invalid` when any signed byte (text, key, name) changed. */
export async function openSignedJson(json: unknown): Promise<Outcome<SignedContent>> {
  const format = checkFormat(json, ['psyscreen-signed']);
  if (!format.ok) return format;
  const file = parseWith(ZSignedFile, json);
  if (!file.ok) return file;
  const raw = fromBase64(file.value.publicKey);
  if ((await keyIdOf(raw)) !== file.value.keyId) return fail([issue('signature_invalid', ['keyId'])]);
  const key = await importEcPublicKey(raw);
  if (!key) return fail([issue('signature_invalid', ['publicKey'])]);
  const valid = await ecdsaVerify(key, fromBase64(file.value.signature), utf8(signedMessage(file.value)));
  return valid ? succeed(contentOf(file.value)) : fail([issue('signature_invalid', ['signature'])]);
}

export async function openSignedText(text: string): Promise<Outcome<SignedContent>> {
  const json = readJsonFileText(text, '.psyagg');
  return json.ok ? openSignedJson(json.value) : json;
}
