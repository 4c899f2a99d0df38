import { scryptAsync } from '@noble/hashes/scrypt.js';
import type { Bytes } from './handles.ts';

/** What a memory-hard derivation costs: N = 2^logN blocks of 128·r bytes (2^14 · 8 → 16 MiB), p = 1. */
export interface ScryptCost {
  readonly logN: number;
  readonly r: number;
}

/**
 * scrypt (RFC 7914) with p = 1. WebCrypto has no scrypt, so both backends run @noble's, which gives
 * the same bytes as RFC 7914 and Node's crypto.scrypt; async, yielding to the page every 10 ms.
 */
export async function scrypt(password: Uint8Array, salt: Uint8Array, cost: ScryptCost, length: number): Promise<Bytes> {
  if (!Number.isInteger(cost.logN) || cost.logN < 1 || cost.logN > 20) throw new RangeError('scrypt logN must be an integer from 1 to 20');
  if (!Number.isInteger(cost.r) || cost.r < 1 || cost.r > 32) throw new RangeError('scrypt r must be an integer from 1 to 32');
  return new Uint8Array(await scryptAsync(password, salt, { N: 2 ** cost.logN, r: cost.r, p: 1, dkLen: length, asyncTick: 10 }));
}
