import { parseRef, shortRefOf } from '../library/ref.ts';
import type { Issue } from '../outcome.ts';
import type { Plan } from '../schema/plan.ts';
import type { Vectors } from '../schema/vectors.ts';
import { instrumentLabel, runVectors } from './vectors.ts';

export interface PlanVectorCheck {
  readonly issues: readonly Issue[];
  /** `id@version` of each instrument whose vectors ran. */
  readonly checked: readonly string[];
  /** Instruments of the plan with no vectors anywhere (a school's own instrument may have none). */
  readonly unchecked: readonly string[];
}

/**
 * Runs the conformance vectors of every instrument a plan gives: the plan's own vectors first, else
 * `fallback` (the vectors shipped with the library for the same id@version). Each instrument runs
 * once, under the policy its vectors name when the plan carries it, else under the first band's
 * policy that gives it (then tiers are not compared).
 */
export function checkPlanVectors(plan: Plan, fallback: readonly Vectors[] = []): PlanVectorCheck {
  const issues: Issue[] = [];
  const checked: string[] = [];
  const unchecked: string[] = [];
  const own = plan.vectors ?? [];
  for (const band of plan.gradeBands) {
    for (const pinned of band.instruments) {
      const ref = parseRef(pinned);
      const instrument = plan.instruments.find((def) => def.id === ref?.id && def.version === ref.version);
      if (!instrument) continue; // the plan schema reports unresolved refs
      const key = shortRefOf(instrument);
      if (checked.includes(key) || unchecked.includes(key)) continue;
      const index = own.findIndex((file) => file.id === instrument.id && file.version === instrument.version);
      const vectors = own[index] ?? fallback.find((file) => file.id === instrument.id && file.version === instrument.version);
      if (!vectors) {
        unchecked.push(key);
        continue;
      }
      const policy = plan.policies.find((candidate) => shortRefOf(candidate) === vectors.policy)
        ?? plan.policies.find((candidate) => shortRefOf(candidate) === band.policy);
      if (!policy) continue; // the plan schema reports a band policy that is not in the plan
      checked.push(key);
      const found = runVectors(instrument, vectors, policy, index >= 0 ? ['vectors', index] : ['instruments', instrumentLabel(instrument)]);
      issues.push(...found);
    }
  }
  return { issues, checked, unchecked };
}
