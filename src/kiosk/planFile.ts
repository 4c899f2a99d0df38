import { checkPlanVectors, fail, parseJsonText, parseWith, succeed, type Outcome, type Vectors } from '../../scoring/index.ts';
import { ZKioskPlan, type KioskPlan } from './kioskPlan.ts';
import { checkPlanWindow } from './planWindow.ts';

/**
 * Runs the conformance vectors of every instrument the plan gives (its own, else the shipped ones for
 * the same version): a machine whose scoring differs from the published rules must not screen anyone.
 */
export function checkKioskPlanVectors(file: KioskPlan, shipped: readonly Vectors[]): Outcome<KioskPlan> {
  const { issues } = checkPlanVectors(file.plan, shipped);
  return issues.length > 0 ? fail(issues.map((found) => ({ ...found, path: ['plan', ...found.path] }))) : succeed(file);
}

/**
 * Reads a kiosk plan file: JSON, schema (with every instrument re-validated and its hash checked
 * against the plan's pin), the conformance vectors, and the screening window against today's date.
 */
export function readKioskPlan(text: string, today: string, shippedVectors: readonly Vectors[] = []): Outcome<KioskPlan> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseWith(ZKioskPlan, json.value);
  if (!parsed.ok) return parsed;
  const conforming = checkKioskPlanVectors(parsed.value, shippedVectors);
  return conforming.ok ? checkPlanWindow(conforming.value, today) : conforming;
}
