import { describe, expect, it } from 'vitest';
import type { KioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { checkPlanWindow } from '../../src/kiosk/planWindow.ts';
import { localDay } from '../../src/teacher/workspace/localDay.ts';

// Tests run with TZ=Asia/Shanghai (UTC+8): the kiosk's "today" is the school's calendar day.
const plan = { plan: { window: { opens: '2026-09-01', closes: '2026-09-30' } } } as unknown as KioskPlan;

describe('kiosk screening window by the local day', () => {
  it('accepts students at 07:30 Beijing time on the opening day (still 31 August in UTC)', () => {
    const morning = new Date('2026-09-01T07:30:00+08:00').toISOString();
    expect(morning.slice(0, 10)).toBe('2026-08-31');
    expect(localDay(morning)).toBe('2026-09-01');
    expect(checkPlanWindow(plan, localDay(morning)).ok).toBe(true);
  });

  it('refuses them at 07:30 on the day after closing (still the closing day in UTC)', () => {
    const after = new Date('2026-10-01T07:30:00+08:00').toISOString();
    expect(after.slice(0, 10)).toBe('2026-09-30');
    expect(checkPlanWindow(plan, localDay(after))).toMatchObject({ ok: false, issues: [{ code: 'window_closed' }] });
  });
});
