/**
 * Runs in Chromium: one details sign-in's key derivation as a plain-http lab PC does it (pure JS,
 * the noble backend), before (PBKDF2 210,000) and after (scrypt, DETAILS_SCRYPT). Median ms of `rounds`.
 */
import { useCryptoBackend } from '../../../src/crypto/index.ts';
import { CURRENT_CODE_KEYS, DETAILS_SCRYPT, deriveCodeKeys, deriveDetailsKeys } from '../../../src/kiosk/codeVault.ts';

export interface SignInTimes {
  readonly pbkdf2Ms: number;
  readonly scryptMs: number;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function timed(rounds: number, work: (round: number) => Promise<unknown>): Promise<number> {
  await work(-1);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    await work(round);
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function run(_: unknown, rounds: number): Promise<SignInTimes> {
  useCryptoBackend('noble');
  const salt = new Uint8Array(16).fill(3);
  const secret = (round: number) => `details|八(2)班|S001|2012-05-${String(10 + round).padStart(2, '0')}`;
  const pbkdf2Ms = await timed(rounds, (round) => deriveCodeKeys(secret(round), salt, CURRENT_CODE_KEYS));
  const scryptMs = await timed(rounds, (round) => deriveDetailsKeys(`${secret(round)}|ACDE34`, salt, { kdf: 'scrypt', ...DETAILS_SCRYPT, sessionCode: true }, CURRENT_CODE_KEYS));
  return { pbkdf2Ms, scryptMs };
}
