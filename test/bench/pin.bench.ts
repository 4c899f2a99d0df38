/**
 * Offline search of the kiosk PIN (issue 12.9): someone with a plan file tries every PIN against its
 * hash, in native code (Node's OpenSSL), on one core. Before: 4 digits, PBKDF2-SHA-256 at 210,000
 * rounds. After: 6 digits at least, scrypt 2^15, r 8 (32 MiB). Also what one PIN check costs the
 * kiosk in pure JS (a plain-http lab PC). The correctness check: the native search reproduces the
 * hash a plan stores, both ways.
 */
import { pbkdf2Sync, scryptSync } from 'node:crypto';
import { useCryptoBackend } from '../../src/crypto/index.ts';
import { PIN_ITERATIONS, PIN_SCRYPT, hashPin, hashPinPbkdf2 } from '../../src/kiosk/buildKioskPlan.ts';
import { pinMatches } from '../../src/kiosk/pin.ts';
import { MIN_PIN_DIGITS } from '../../src/teacher/workspace/screeningPlan.ts';
import { BenchFailure } from './support/failure.ts';
import { formatRate, formatRatio, measureThroughput } from './support/timing.ts';

const encoder = new TextEncoder();
const oldTry = (pin: string, salt: Uint8Array): string => pbkdf2Sync(encoder.encode(pin), salt, PIN_ITERATIONS, 32, 'sha256').toString('base64');
const newTry = (pin: string, salt: Uint8Array): string =>
  scryptSync(encoder.encode(pin), salt, 32, { N: 2 ** PIN_SCRYPT.logN, r: PIN_SCRYPT.r, p: 1, maxmem: 128 * 1024 * 1024 }).toString('base64');

const duration = (seconds: number): string => (seconds < 120 ? `${seconds.toFixed(0)} s` : seconds < 7_200 ? `${(seconds / 60).toFixed(0)} min` : seconds < 172_800 ? `${(seconds / 3600).toFixed(1)} h` : `${(seconds / 86_400).toFixed(1)} days`);

export async function run(): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  if ((await hashPin('864213', salt)).hash !== newTry('864213', salt)) throw new BenchFailure('the native search does not reproduce a new plan\'s PIN hash');
  if ((await hashPinPbkdf2('2468', salt)).hash !== oldTry('2468', salt)) throw new BenchFailure('the native search does not reproduce an old plan\'s PIN hash');

  let n = 0;
  const plan = { warmupRounds: 1, rounds: 5 };
  const before = await measureThroughput('before', 4, plan, () => { for (let i = 0; i < 4; i++) oldTry(String(n++ % 10_000).padStart(4, '0'), salt); });
  const after = await measureThroughput('after', 2, plan, () => { for (let i = 0; i < 2; i++) newTry(String(n++ % 1_000_000).padStart(6, '0'), salt); });

  const stored = await hashPin('864213', salt);
  const legacy = await hashPinPbkdf2('2468', salt);
  useCryptoBackend('noble');
  const kioskBefore = await measureThroughput('kiosk before', 1, plan, () => pinMatches(legacy, '2469'));
  const kioskAfter = await measureThroughput('kiosk after', 1, plan, () => pinMatches(stored, '864214'));
  useCryptoBackend(undefined);

  const spaceBefore = 10 ** 4;
  const spaceAfter = 10 ** MIN_PIN_DIGITS;
  console.log(`native, one core: before ${formatRate(before.perSecond)}  after ${formatRate(after.perSecond)}  (each try ${formatRatio(before.perSecond / after.perSecond)} the cost, and 32 MiB)`);
  console.log(`every PIN: before ${duration(spaceBefore / before.perSecond)} (4 digits)  after ${duration(spaceAfter / after.perSecond)} (${MIN_PIN_DIGITS} digits, the least a new plan takes)  → ${formatRatio((spaceAfter / after.perSecond) / (spaceBefore / before.perSecond))} the work`);
  console.log(`one PIN check on the kiosk in pure JS: before ${kioskBefore.medianMs.toFixed(0)} ms  after ${kioskAfter.medianMs.toFixed(0)} ms`);
}
