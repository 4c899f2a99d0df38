import { hashPin } from './buildKioskPlan.ts';
import { fromBase64 } from './codeVault.ts';
import type { KioskSettings } from './kioskPlan.ts';

/** The teacher's PIN against the plan's PIN hash, as the teacher panel checks it. */
export async function pinMatches(expected: KioskSettings['pin'], typed: string): Promise<boolean> {
  const actual = await hashPin(typed, fromBase64(expected.salt), expected.iterations);
  return actual.hash === expected.hash;
}
