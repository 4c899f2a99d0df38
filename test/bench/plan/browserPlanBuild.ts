/**
 * Runs in Chromium: builds a kiosk plan's roster for `students` students (the plan builder's cost is
 * one PBKDF2 key derivation per sign-in code), next to the floor: the same number of bare 256-bit
 * PBKDF2 runs, and the 512-bit runs plans used before 2026-11-25.
 */
import type { Plan } from '../../../scoring/index.ts';
import { buildKioskPlan, DEFAULT_TEXTS } from '../../../src/kiosk/buildKioskPlan.ts';
import { CODE_KDF_ITERATIONS } from '../../../src/kiosk/codeVault.ts';

export interface PlanBuildInput {
  readonly plan: Plan;
  readonly students: number;
}

export interface PlanBuildTimes {
  readonly buildMs: number;
  readonly floorMs: number;
  readonly legacyFloorMs: number;
  readonly rosterEntries: number;
}

async function barePbkdf2(count: number, bits: 256 | 512): Promise<number> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(`CODE${i}`), 'PBKDF2', false, ['deriveBits']);
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: CODE_KDF_ITERATIONS }, material, bits);
  }
  return performance.now() - started;
}

export async function run({ plan, students }: PlanBuildInput): Promise<PlanBuildTimes> {
  const floorMs = await barePbkdf2(students, 256);
  const started = performance.now();
  const file = await buildKioskPlan({
    plan, pin: '2468', layout: 'question', returnAfterSeconds: 5, randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    recipient: { keyId: 'bench000000000000', name: 'bench', publicKey: 'AAAA' },
    texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(plan.gradeBands.map((band) => [band.id, DEFAULT_TEXTS.thankYou])) },
    roster: Array.from({ length: students }, (_, i) => ({
      code: `C${String(i).padStart(7, '0')}`,
      identity: { studentId: `S${i}`, name: `学生${i}`, className: '八(1)班', grade: 8, sex: i % 2 === 0 ? 'female' as const : 'male' as const },
    })),
  });
  const buildMs = performance.now() - started;
  const legacyFloorMs = await barePbkdf2(students, 512);
  return { buildMs, floorMs, legacyFloorMs, rosterEntries: file.roster.length };
}
