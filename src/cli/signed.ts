import { createHash, createPublicKey, verify } from 'node:crypto';
import { issue, parseWith, succeed, fail, type Outcome } from '../../scoring/index.ts';
import { ZSignedFile, contentOf, signedMessage, type SignedContent } from '../records/signedFile.ts';

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * The command line's check of a `psyscreen-signed` file (records/signedFile.ts), synchronous with
 * Node's crypto so the commands stay simple: same key id rule, same signed bytes, same ECDSA P-256/SHA-256.
 */
export function openSignedSync(json: unknown): Outcome<SignedContent> {
  const file = parseWith(ZSignedFile, json);
  if (!file.ok) return file;
  const raw = Buffer.from(file.value.publicKey, 'base64');
  if (createHash('sha256').update(raw).digest('hex').slice(0, 16) !== file.value.keyId) return fail([issue('signature_invalid', ['keyId'])]);
  try {
    const key = createPublicKey({ format: 'jwk', key: { kty: 'EC', crv: 'P-256', x: base64url(raw.subarray(1, 33)), y: base64url(raw.subarray(33, 65)) } });
    const valid = verify('sha256', Buffer.from(signedMessage(file.value), 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(file.value.signature, 'base64'));
    return valid ? succeed(contentOf(file.value)) : fail([issue('signature_invalid', ['signature'])]);
  } catch {
    return fail([issue('signature_invalid', ['publicKey'])]);
  }
}
