import { fail, issue, parseJsonText, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { ZKioskPlan, type KioskPlan } from './kioskPlan.ts';

/**
 * Reads a kiosk plan file: JSON, schema (with every instrument re-validated and its hash checked
 * against the plan's pin), and the screening window against today's date.
 */
export function readKioskPlan(text: string, today: string): Outcome<KioskPlan> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseWith(ZKioskPlan, json.value);
  if (!parsed.ok) return parsed;
  const { opens, closes } = parsed.value.plan.window;
  if (today < opens) return fail([issue('window_not_open', ['plan', 'window', 'opens'], { opens, closes })]);
  if (today > closes) return fail([issue('window_closed', ['plan', 'window', 'closes'], { opens, closes })]);
  return succeed(parsed.value);
}
