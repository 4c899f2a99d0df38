import { fail, issue, succeed, type Outcome } from '../../scoring/index.ts';
import type { KioskPlan } from './kioskPlan.ts';

/** A plan is usable only inside its screening window; checked on every start, not only on load. */
export function checkPlanWindow(file: KioskPlan, today: string): Outcome<KioskPlan> {
  const { opens, closes } = file.plan.window;
  if (today < opens) return fail([issue('window_not_open', ['plan', 'window', 'opens'], { opens, closes })]);
  if (today > closes) return fail([issue('window_closed', ['plan', 'window', 'closes'], { opens, closes })]);
  return succeed(file);
}
