import { createHash } from 'node:crypto';
import { fail, issue, parseJsonText, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { ZKioskPlan } from '../kiosk/kioskPlan.ts';
import { checkKioskPlanVectors } from '../kiosk/planFile.ts';
import { checkPlanWindow } from '../kiosk/planWindow.ts';

/** The plan the server hands to kiosks, as bytes (served as they are) and what uploads are checked against. */
export interface ServedPlan {
  readonly ref: string;
  readonly digest: string;
  readonly bytes: Buffer;
  /** The school key submissions and alerts must be sealed to. */
  readonly keyId: string;
  readonly source: 'file' | 'teacher' | 'demo';
}

/**
 * Checks a kiosk plan file as the kiosk would (readKioskPlan: JSON, schema, pinned instruments, the plan's vectors),
 * except that a plan whose window opens later may be loaded ahead of the day; a closed one is refused.
 */
export function readServedPlan(bytes: Buffer, today: string, source: ServedPlan['source']): Outcome<ServedPlan> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail([issue('json_syntax', [], { detail: 'not UTF-8' })]);
  }
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseWith(ZKioskPlan, json.value);
  if (!parsed.ok) return parsed;
  // The kiosks would refuse a plan whose conformance vectors fail; the server refuses it first.
  const conforming = checkKioskPlanVectors(parsed.value, []);
  if (!conforming.ok) return conforming;
  const window = checkPlanWindow(parsed.value, today);
  if (!window.ok && window.issues.some((found) => found.code === 'window_closed')) return window;
  const { plan, kiosk } = parsed.value;
  return succeed({ ref: `${plan.id}@${plan.version}`, digest: createHash('sha256').update(bytes).digest('hex'), bytes, keyId: kiosk.recipient.keyId, source });
}

/** The local calendar day (a school's "today"), YYYY-MM-DD. */
export function localDay(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
