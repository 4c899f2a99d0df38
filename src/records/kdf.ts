import { hkdfAesKey, hkdfSha256, importHkdfKey, pbkdf2Sha256, type AesKey, type AesUsage, type HkdfKey } from '../crypto/index.ts';
import { fromBase64 } from './base64.ts';
import { utf8 } from './bytes.ts';
import type { Kdf } from './envelopeHeader.ts';

/**
 * Passphrase → key material: PBKDF2-SHA-256 over the NFC-normalised passphrase with a random 16-byte
 * salt gives a 256-bit master secret; HKDF-SHA-256 expands it into the AES-GCM key(s) and a separate
 * 16-byte check value. The check tells a wrong passphrase from a damaged file. It is no shortcut for
 * an attacker: it costs the same PBKDF2 run as the key itself (unlike asking PBKDF2 for more than one
 * 32-byte block, where the blocks are computed independently).
 */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** Readers refuse more: a crafted file must not hang the page for minutes. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
/** Readers accept as few as this, so that test fixtures made with `testOnlyIterations` keep opening. */
export const MIN_READABLE_ITERATIONS = 1_000;

/**
 * How hard new passphrase protection is. Real use: `{}` (600,000 iterations) or more.
 * `testOnlyIterations` exists so unit tests run fast; it is refused outside Node (so never in the app)
 * and below 1,000.
 */
export type KdfCost = { readonly iterations?: number } | { readonly testOnlyIterations: number };

const runningInNode = (): boolean =>
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';

/** Programmer errors throw: a weak setting must never silently reach a file. */
export function iterationsFor(cost: KdfCost = {}): number {
  if ('testOnlyIterations' in cost) {
    if (!runningInNode()) throw new Error('testOnlyIterations is for tests in Node only');
    if (!Number.isInteger(cost.testOnlyIterations) || cost.testOnlyIterations < MIN_READABLE_ITERATIONS) throw new RangeError(`testOnlyIterations must be an integer ≥ ${MIN_READABLE_ITERATIONS}`);
    return cost.testOnlyIterations;
  }
  const iterations = cost.iterations ?? MIN_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer from ${MIN_PBKDF2_ITERATIONS} to ${MAX_PBKDF2_ITERATIONS}`);
  }
  return iterations;
}

export const normalizePassphrase = (passphrase: string): string => passphrase.normalize('NFC');

export interface PassphraseSecret {
  /** HKDF base key over the PBKDF2 output; derives the AES keys. */
  readonly base: HkdfKey;
  /** 16 bytes stored in the clear; equal only for the right passphrase. */
  readonly check: Uint8Array<ArrayBuffer>;
}

const CHECK_INFO = utf8('psyscreen passphrase check');

export async function passphraseSecret(passphrase: string, kdf: Kdf): Promise<PassphraseSecret> {
  const master = await pbkdf2Sha256(utf8(normalizePassphrase(passphrase)), fromBase64(kdf.salt), kdf.iterations, 32);
  const base = await importHkdfKey(master);
  master.fill(0);
  const check = await hkdfSha256(base, new Uint8Array(0), CHECK_INFO, 16);
  return { base, check };
}

/** An AES-256-GCM key from an HKDF base key (an ECDH shared secret or a passphrase master secret). */
export const aesKeyFrom = (base: HkdfKey, salt: Uint8Array<ArrayBuffer>, info: Uint8Array<ArrayBuffer>, usage: AesUsage): Promise<AesKey> =>
  hkdfAesKey(base, salt, info, [usage]);
