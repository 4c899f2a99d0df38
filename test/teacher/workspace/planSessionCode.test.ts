import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZKioskPlan } from '../../../src/kiosk/kioskPlan.ts';
import { signInByDetails, type KioskDeps } from '../../../src/kiosk/session.ts';
import { SESSION_CODE_LENGTH } from '../../../src/kiosk/signInCode.ts';
import { publicKeyFileOf } from '../../../src/records/index.ts';
import { openKioskDb } from '../../../src/store/kioskDb.ts';
import { buildScreeningPlan, type PlanDependencies, type ScreeningPlanRequest } from '../../../src/teacher/workspace/screeningPlan.ts';
import { testKey } from '../../records/support.ts';
import { shippedCatalog } from '../../support/library.ts';
import { screenedCohort } from './normsSupport.ts';

const cohort = screenedCohort({ 8: 2 }, 7);
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

const request = (over: Partial<ScreeningPlanRequest> = {}): ScreeningPlanRequest => ({
  id: 'qs-2027-spring', version: '1.0.0', name: { 'zh-CN': '青松中学 2027 春季筛查', en: 'Qingsong 2027 spring screening' }, schoolYear: '2026-2027',
  opens: '2027-03-01', closes: '2027-03-31', pin: '864213', layout: 'question', signInByDetails: true, grades: [8], ...over,
});

async function deps(): Promise<PlanDependencies> {
  const file = publicKeyFileOf((await testKey('青松中学')).stored);
  return {
    catalog: shippedCatalog(), recipient: { keyId: file.keyId, name: file.name, publicKey: file.publicKey }, randomBytes: random, existingCodes: new Map(),
    kdfIterations: 1_000, detailsCost: { logN: 10, r: 8 },
  };
}

describe('a plan with details sign-in gets a lab-session code', () => {
  it('returns a fresh 6-character code for the board, keys the details entries with it, and leaves it out of the file', async () => {
    const built = await buildScreeningPlan(cohort.records, request(), await deps());
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    const { kioskPlan, sessionCode } = built.value;
    expect(sessionCode).toMatch(new RegExp(`^[A-Z0-9]{${SESSION_CODE_LENGTH}}$`));
    expect(ZKioskPlan.safeParse(kioskPlan).success).toBe(true);
    expect(kioskPlan.kiosk.detailsKeys).toMatchObject({ kdf: 'scrypt', sessionCode: true });
    expect(JSON.stringify(kioskPlan)).not.toContain(sessionCode);

    const student = cohort.records[0]?.identity;
    if (!student?.birthDate) throw new Error('cohort student without a birth date');
    const kioskDeps: KioskDeps = { db: openKioskDb(`session-code-${Math.random()}`), machineId: 'lab-01', kdfIterations: 1_000, now: () => new Date('2027-03-02T02:00:00Z'), newId: () => 'x', seal: () => Promise.resolve(new Uint8Array(1)) };
    const details = { className: student.className, studentNumber: student.studentNumber, birthDate: student.birthDate };
    expect((await signInByDetails(kioskDeps, kioskPlan, details, sessionCode)).ok).toBe(true);
  });

  it('gives no code to a plan that signs in by code only', async () => {
    const built = await buildScreeningPlan(cohort.records, request({ signInByDetails: false }), await deps());
    expect(built.ok && built.value.sessionCode).toBe(undefined);
    expect(built.ok && built.value.kioskPlan.kiosk.detailsKeys).toBe(undefined);
  });
});
