import { fail, issue, succeed, type Outcome } from '../../scoring/index.ts';
import { importEcPublicKey, type EcPublicKey } from '../crypto/index.ts';
import { tryFromBase64 } from './base64.ts';
import { formatKeyId, keyIdOf } from './keyId.ts';

/** A public key ready to seal to. */
export interface RecipientKey {
  readonly keyId: string;
  readonly name: string;
  readonly raw: Uint8Array<ArrayBuffer>;
  readonly key: EcPublicKey;
}

/**
 * A recipient from its parts (a `.psykey` file, or the `recipient` of a kiosk plan). The key id must
 * be the public key's own fingerprint and the key a point on P-256.
 */
export async function importRecipient(parts: { readonly keyId: string; readonly name: string; readonly publicKey: string }): Promise<Outcome<RecipientKey>> {
  const raw = tryFromBase64(parts.publicKey);
  if (raw?.length !== 65 || (await keyIdOf(raw)) !== parts.keyId) return fail([issue('key_id_mismatch', ['keyId'], { keyId: formatKeyId(parts.keyId) })]);
  const key = await importEcPublicKey(raw);
  return key ? succeed({ keyId: parts.keyId, name: parts.name, raw, key }) : fail([issue('public_key_invalid', ['publicKey'])]);
}
