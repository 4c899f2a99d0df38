import { parseJsonText, parseWith, type Outcome } from '../../scoring/index.ts';
import { ZKioskPlan, type KioskPlan } from './kioskPlan.ts';
import { checkPlanWindow } from './planWindow.ts';

/**
 * Reads a kiosk plan file: JSON, schema (with every instrument re-validated and its hash checked
 * against the plan's pin), and the screening window against today's date.
 */
export function readKioskPlan(text: string, today: string): Outcome<KioskPlan> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseWith(ZKioskPlan, json.value);
  return parsed.ok ? checkPlanWindow(parsed.value, today) : parsed;
}
