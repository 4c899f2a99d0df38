import { parseRef, shortRefOf } from '../library/ref.ts';
import { fail, issue, type Outcome } from '../outcome.ts';
import type { GradeBand, Plan } from '../schema/plan.ts';
import { compileBattery, type ScoringEngine } from './battery.ts';
import type { BatteryResult, ResponseInput, Track } from './types.ts';

/** Who a grade band is for; `track` may be absent or undefined (general education). */
export interface BandKey {
  readonly grade: number;
  readonly track?: Track | undefined;
}

export interface PlanScorer {
  bandFor(respondent: BandKey): GradeBand | undefined;
  engineFor(band: GradeBand): ScoringEngine;
  score(input: ResponseInput): Outcome<BatteryResult>;
}

/** The grade band a student belongs to; the vocational track only matches bands marked vocational. */
export function findGradeBand(plan: Plan, respondent: BandKey): GradeBand | undefined {
  const track = respondent.track ?? 'general';
  return plan.gradeBands.find((band) => band.grades.includes(respondent.grade) && (band.track ?? 'general') === track);
}

/** Scores responses with the battery, norms and tier policy the plan pins for each grade band. */
export function compilePlan(plan: Plan): PlanScorer {
  const engines = new Map<string, ScoringEngine>();
  const engineFor = (band: GradeBand): ScoringEngine => {
    const cached = engines.get(band.id);
    if (cached) return cached;
    const instruments = band.instruments.map((ref) => {
      const parsed = parseRef(ref);
      const found = plan.instruments.find((def) => def.id === parsed?.id && def.version === parsed.version);
      if (!found) throw new Error(`plan was not validated: ${ref} unresolved`);
      return found;
    });
    const policy = plan.policies.find((candidate) => shortRefOf(candidate) === band.policy);
    if (!policy) throw new Error(`plan was not validated: ${band.policy} unresolved`);
    const norms = band.norms.flatMap((ref) => plan.norms.filter((table) => shortRefOf(table) === ref));
    const engine = compileBattery({ instruments, norms, policy, plan: shortRefOf(plan), gradeBand: band.id });
    engines.set(band.id, engine);
    return engine;
  };
  return {
    bandFor: (respondent) => findGradeBand(plan, respondent),
    engineFor,
    score(input) {
      const band = findGradeBand(plan, input.respondent);
      if (!band) return fail([issue('no_band_for_grade', ['respondent', 'grade'], { grade: input.respondent.grade, track: input.respondent.track ?? 'general' })]);
      return engineFor(band).score(input);
    },
  };
}
