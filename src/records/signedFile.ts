import { z } from 'zod';
import { fail, issue, parseJsonText, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { ecdsaSign, ecdsaVerify, importEcPublicKey } from '../crypto/index.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { utf8 } from './bytes.ts';
import { checkFormat } from './formatCheck.ts';
import { keyIdOf } from './keyId.ts';
import { ZKeyName } from './publicKey.ts';
import type { UnlockedKey } from './schoolKey.ts';
import { ZBase64Bytes, ZKeyId } from './schemaParts.ts';

/**
 * `psyscreen-signed` v1: a text (e.g. a school's anonymous `.psyagg`) with the school's ECDSA P-256 /
 * SHA-256 signature, the signing key's fingerprint and its public key. Anyone can check that the text
 * is unaltered since the key holder signed it; comparing the fingerprint with the one the school gave
 * (on its `.psykey`, by phone, on paper) tells whose key it is. The signature covers a fixed prefix
 * plus the text, so it can never pass for a signature of anything else.
 */
export const ZSignedFile = z.strictObject({
  format: z.literal('psyscreen-signed'),
  version: z.literal(1),
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

const PREFIX = 'psyscreen-signed/1\n';

export async function signText(text: string, key: Pick<UnlockedKey, 'keyId' | 'name' | 'publicKey' | 'privateKey'>): Promise<string> {
  const signature = await ecdsaSign(key.privateKey, utf8(PREFIX + text));
  const file: SignedFile = {
    format: 'psyscreen-signed', version: 1, algorithm: 'ECDSA-P256-SHA256', keyId: key.keyId, keyName: key.name,
    publicKey: toBase64(key.publicKey), text, signature: toBase64(signature),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

export const isSignedFile = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'psyscreen-signed';

/** The text and who signed it, or `signature_invalid` when any byte of text or signature changed. */
export async function openSignedJson(json: unknown): Promise<Outcome<{ text: string; keyId: string; keyName: string }>> {
  const format = checkFormat(json, ['psyscreen-signed']);
  if (!format.ok) return format;
  const file = parseWith(ZSignedFile, json);
  if (!file.ok) return file;
  const raw = fromBase64(file.value.publicKey);
  if ((await keyIdOf(raw)) !== file.value.keyId) return fail([issue('signature_invalid', ['keyId'])]);
  const key = await importEcPublicKey(raw);
  if (!key) return fail([issue('signature_invalid', ['publicKey'])]);
  const valid = await ecdsaVerify(key, fromBase64(file.value.signature), utf8(PREFIX + file.value.text));
  return valid ? succeed({ text: file.value.text, keyId: file.value.keyId, keyName: file.value.keyName }) : fail([issue('signature_invalid', ['signature'])]);
}

export async function openSignedText(text: string): Promise<Outcome<{ text: string; keyId: string; keyName: string }>> {
  const json = parseJsonText(text);
  return json.ok ? openSignedJson(json.value) : fail([issue('not_psyscreen_file', [], { expected: '.psyagg' })]);
}
