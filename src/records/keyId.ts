import { sha256 } from '../crypto/index.ts';
import { toHex } from './bytes.ts';

/**
 * Key id: the first 16 hex digits (64 bits) of sha-256 over the 65-byte raw public key. It names the
 * recipient in every plain header; a collision could only misfile a file, never open it (AES-GCM
 * still needs the right key).
 */
export async function keyIdOf(rawPublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex((await sha256(rawPublicKey)).slice(0, 8));
}

/** "f9ca 656a 7c1d 5020": easier to read aloud and compare on a phone call. */
export const formatKeyId = (keyId: string): string => keyId.replace(/(.{4})(?=.)/g, '$1 ');
