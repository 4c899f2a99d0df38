import { hashPin, hashPinPbkdf2 } from './buildKioskPlan.ts';
import { fromBase64 } from './codeVault.ts';
import type { KioskSettings } from './kioskPlan.ts';

/** The teacher's PIN against the plan's PIN hash, as the teacher panel and the hold screen check it. */
export async function pinMatches(expected: KioskSettings['pin'], typed: string): Promise<boolean> {
  const salt = fromBase64(expected.salt);
  const actual = 'kdf' in expected ? await hashPin(typed, salt, expected) : await hashPinPbkdf2(typed, salt, expected.iterations);
  return actual.hash === expected.hash;
}

/** Wrong PINs on this machine, the teacher panel and the hold screen together: three free tries, then 5 s doubling to a minute. */
export const PIN_THROTTLE = { freeTries: 3, firstWaitMs: 5_000, maxWaitMs: 60_000 } as const;
export const PIN_THROTTLE_KEY = 'psyscreen-kiosk-pin-failures';
