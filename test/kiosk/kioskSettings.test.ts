import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZKioskPlan } from '../../src/kiosk/kioskPlan.ts';

const demo = JSON.parse(readFileSync('public/demo/kiosk-plan.json', 'utf8')) as { kiosk: Record<string, unknown> };

describe('kiosk settings for holds and idle time', () => {
  it('keeps older plans (no holdOn, no idleMinutes) valid, and accepts the two hold levels', () => {
    expect(demo.kiosk.holdOn).toBeUndefined();
    expect(ZKioskPlan.safeParse(demo).success).toBe(true);
    for (const holdOn of ['acute', 'urgent']) expect(ZKioskPlan.safeParse({ ...demo, kiosk: { ...demo.kiosk, holdOn, idleMinutes: 3 } }).success).toBe(true);
  });

  it('refuses a hold level or idle time the kiosk does not know', () => {
    expect(ZKioskPlan.safeParse({ ...demo, kiosk: { ...demo.kiosk, holdOn: 'never' } }).success).toBe(false);
    expect(ZKioskPlan.safeParse({ ...demo, kiosk: { ...demo.kiosk, idleMinutes: 0 } }).success).toBe(false);
    expect(ZKioskPlan.safeParse({ ...demo, kiosk: { ...demo.kiosk, idleMinutes: 2.5 } }).success).toBe(false);
  });
});
