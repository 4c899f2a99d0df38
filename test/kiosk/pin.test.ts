import { describe, expect, it } from 'vitest';
import { hashPin, hashPinPbkdf2 } from '../../src/kiosk/buildKioskPlan.ts';
import { ZPinHash } from '../../src/kiosk/kioskPlan.ts';
import { pinMatches } from '../../src/kiosk/pin.ts';
import { checkPlanRequest } from '../../src/teacher/workspace/screeningPlan.ts';

const salt = () => new Uint8Array(16).fill(7);

describe('the kiosk PIN', () => {
  it('new plans hash it with scrypt at 32 MiB, and the hash checks the PIN', async () => {
    const stored = await hashPin('864213', salt());
    expect(stored).toMatchObject({ kdf: 'scrypt', logN: 15, r: 8 });
    expect(ZPinHash.safeParse(stored).success).toBe(true);
    expect(await pinMatches(stored, '864213')).toBe(true);
    expect(await pinMatches(stored, '864214')).toBe(false);
  });

  it('plans built before keep their PBKDF2 hash, which still checks', async () => {
    const stored = await hashPinPbkdf2('2468', salt(), 100_000);
    expect(ZPinHash.safeParse(stored).success).toBe(true);
    expect(await pinMatches(stored, '2468')).toBe(true);
    expect(await pinMatches(stored, '2469')).toBe(false);
  });

  it('a reader refuses a scrypt cost that would exhaust an old PC', () => {
    expect(ZPinHash.safeParse({ kdf: 'scrypt', salt: 'AAAA', logN: 22, r: 8, hash: 'AAAA' }).success).toBe(false);
  });

  it('new plans need 6 to 12 digits', () => {
    const request = { id: 'qs-2027', version: '1.0.0', name: { 'zh-CN': '筛查', en: 'Screening' }, schoolYear: '2026-2027', opens: '2027-03-01', closes: '2027-03-31', layout: 'question', signInByDetails: false, grades: [8] } as const;
    const pinIssues = (pin: string) => checkPlanRequest({ ...request, pin }).map((found) => found.code);
    expect(pinIssues('8642')).toEqual(['plan_pin_invalid']);
    expect(pinIssues('86421')).toEqual(['plan_pin_invalid']);
    expect(pinIssues('864213')).toEqual([]);
    expect(pinIssues('123456789012')).toEqual([]);
    expect(pinIssues('1234567890123')).toEqual(['plan_pin_invalid']);
  });
});
