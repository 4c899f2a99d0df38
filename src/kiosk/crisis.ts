import { refOf, type BatteryResult, type CriticalHit, type LocalizedText, type Plan } from '../../scoring/index.ts';
import type { LabAlert } from '../lab/protocol.ts';
import type { RosterIdentity } from './kioskPlan.ts';

/** Which critical flag holds the kiosk until a teacher comes (kiosk.holdOn; plans without it: acute). */
export type HoldOn = 'acute' | 'urgent';

/** Why the kiosk is held: the level and the critical items that fired. Lives only in memory. */
export interface Hold {
  readonly level: 'acute' | 'urgent';
  readonly hits: readonly CriticalHit[];
}

/**
 * `acute` always holds (our policy: the student must not leave alone); `urgent` holds where the plan
 * chose it. An urgent-only result under `holdOn: 'acute'` ends normally and reaches the teacher with
 * the submission.
 */
export function holdFor(result: BatteryResult | undefined, holdOn: HoldOn = 'acute'): Hold | undefined {
  if (!result) return undefined;
  const hits = result.instruments.flatMap((instrument) => instrument.critical);
  if (result.flags.acute) return { level: 'acute', hits };
  if (holdOn === 'urgent' && result.flags.urgent) return { level: 'urgent', hits };
  return undefined;
}

/** The instrument's own words for each critical item that fired, for the teacher behind the PIN. */
export function holdReasons(plan: Plan, hold: Hold): { readonly id: string; readonly text: LocalizedText | undefined }[] {
  return hold.hits.map((hit) => {
    const definition = plan.instruments.find((def) => refOf(def) === hit.instrument);
    return { id: hit.id, text: definition?.critical?.find((rule) => rule.id === hit.id)?.reason };
  });
}

export function labAlertOf(input: {
  readonly id: string; readonly plan: string; readonly machine: string; readonly at: string; readonly submission: string;
  readonly student: RosterIdentity; readonly hold: Hold;
}): LabAlert {
  return {
    format: 'psyscreen-alert', version: 1, id: input.id, plan: input.plan, machine: input.machine, at: input.at, submission: input.submission,
    student: { studentId: input.student.studentId, name: input.student.name, className: input.student.className },
    level: input.hold.level,
    reasons: input.hold.hits.map((hit) => hit.id).slice(0, 50),
  };
}
