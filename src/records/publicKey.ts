import { z } from 'zod';
import { parseWith, type Outcome } from '../../scoring/index.ts';
import { readJsonFileText } from './jsonFile.ts';
import { checkFormat } from './formatCheck.ts';
import { importRecipient, type RecipientKey } from './recipient.ts';
import { ZBase64Bytes, ZKeyId, ZTimestamp } from './schemaParts.ts';

export const ZKeyName = z.string().trim().min(1, { error: 'key_name_missing' }).max(100);

/** The `.psykey` file: a school's public key, to put into a plan or give to another school. */
export const ZPublicKeyFile = z.strictObject({
  format: z.literal('psyscreen-public-key'),
  version: z.literal(1),
  name: ZKeyName,
  keyId: ZKeyId,
  algorithm: z.literal('ECDH-P256'),
  /** The uncompressed P-256 point (65 bytes), base64. */
  publicKey: ZBase64Bytes({ length: 65 }),
  created: ZTimestamp,
});
export type PublicKeyFile = z.infer<typeof ZPublicKeyFile>;

export function parsePublicKeyFile(input: unknown): Outcome<PublicKeyFile> {
  const format = checkFormat(input, ['psyscreen-public-key']);
  return format.ok ? parseWith(ZPublicKeyFile, input) : format;
}

export async function readPublicKeyFile(text: string): Promise<Outcome<RecipientKey>> {
  const json = readJsonFileText(text, '.psykey');
  if (!json.ok) return json;
  const file = parsePublicKeyFile(json.value);
  return file.ok ? importRecipient(file.value) : file;
}

export const publicKeyFileOf = (key: { readonly name: string; readonly keyId: string; readonly publicKey: string; readonly created: string }): PublicKeyFile => ({
  format: 'psyscreen-public-key', version: 1, name: key.name, keyId: key.keyId, algorithm: 'ECDH-P256', publicKey: key.publicKey, created: key.created,
});

export const writePublicKeyFile = (file: PublicKeyFile): string => `${JSON.stringify(file, null, 2)}\n`;
