import {
  DEFAULT_BANDS, buildAggregate, buildPlan, compilePlan, type Aggregate, type AggregateParticipant, type Answers,
  type BatteryResult, type BuildAggregateInput, type Instrument, type Plan, type Sex,
} from '../../../scoring/index.ts';
import { demoPlan } from '../../support/fixtures.ts';
import { shippedCatalog } from '../../support/library.ts';

/**
 * Synthetic schools answered through the real scoring engine: the shipped library's default battery
 * (K10 + ASQ for grades 4–6; PHQ-9 + GAD-7 + ASQ above), or the demo plan (whose "mood" scale is a
 * mean, so its scores are not whole numbers). Answers are drawn from a seeded generator skewed towards
 * low options, as real screening data is.
 */

let shipped: Plan | undefined;
export function shippedPlan(): Plan {
  if (shipped) return shipped;
  const built = buildPlan(shippedCatalog(), {
    id: 'county-2026', version: '1.0.0', name: { 'zh-CN': '2026 学年筛查', en: 'Screening 2026' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2027-06-30' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new Error(`library lacks ${built.missing}`);
  shipped = built.plan;
  return shipped;
}

/** A small deterministic generator (mulberry32), so every run sees the same students. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTS = [0.5, 0.28, 0.14, 0.06, 0.02];

function answersFor(instruments: readonly Instrument[], random: () => number, distress: number): Answers {
  const answers: Record<string, number | null> = {};
  for (const def of instruments) {
    for (const item of def.items) {
      const options = (def.optionSets[item.options] ?? []).filter((option) => option.refusal !== true);
      if (item.showIf !== undefined) continue;
      const values = options.map((option) => option.value).sort((a, b) => a - b);
      const low = item.reverse === true ? [...values].reverse() : values;
      const critical = (def.critical ?? []).some((rule) => JSON.stringify(rule.when).includes(`"${item.id}"`));
      if (values.length === 2 || critical) {
        answers[item.id] = random() < 0.02 * distress ? (low[1] ?? 0) : (low[0] ?? 0);
        continue;
      }
      let pick = random() * distress;
      let index = 0;
      while (index < low.length - 1 && pick > (WEIGHTS[index] ?? 0)) {
        pick -= WEIGHTS[index] ?? 0;
        index += 1;
      }
      // one answer in two hundred is left blank: prorated or unscorable scales occur too
      answers[item.id] = random() < 0.005 ? null : (low[index] ?? 0);
    }
  }
  return answers;
}

export interface SchoolSpec {
  readonly code: string;
  readonly seed: number;
  /** Students on the roster per "grade/sex", e.g. { "8/female": 30 }. */
  readonly sizes: Readonly<Record<string, number>>;
  readonly plan?: Plan;
  readonly k?: number;
  readonly county?: string;
  readonly vocational?: boolean;
  /** Above 1, students answer more distressed. */
  readonly distress?: number;
}

/** The participants of a school, each completed one scored by the plan's engine. */
export function participantsOf(spec: SchoolSpec): AggregateParticipant[] {
  const plan = spec.plan ?? shippedPlan();
  const scorer = compilePlan(plan);
  const random = seeded(spec.seed);
  const participants: AggregateParticipant[] = [];
  let serial = 0;
  for (const [key, size] of Object.entries(spec.sizes)) {
    const [gradeText, sexText] = key.split('/');
    const grade = Number(gradeText);
    const sex = sexText as Sex;
    for (let i = 0; i < size; i++) {
      serial += 1;
      const roll = random();
      if (roll < 0.04) participants.push({ grade, sex, status: 'declined' });
      else if (roll < 0.08) participants.push({ grade, sex, status: 'absent' });
      else {
        const respondent = { id: `${spec.code}-S${String(serial).padStart(4, '0')}`, grade, sex, ...(spec.vocational ? { track: 'vocational' as const } : {}) };
        const band = scorer.bandFor(respondent);
        if (!band) throw new Error(`no band for grade ${grade}`);
        const instruments = band.instruments.map((ref) => plan.instruments.find((def) => ref.startsWith(`${def.id}@${def.version}#`))).filter((def) => def !== undefined);
        const tooFast = random() < 0.05;
        const answers = answersFor(instruments, random, spec.distress ?? 1);
        const scored = scorer.score({ respondent, answers, ...(tooFast ? { seconds: fastEverywhere(answers) } : {}) });
        if (!scored.ok) throw new Error(JSON.stringify(scored.issues));
        participants.push({ grade, sex, status: 'completed', result: scored.value });
      }
    }
  }
  return participants;
}

/** Every item answered in a fraction of a second: the validity check calls that invalid. */
const fastEverywhere = (answers: Answers): Record<string, number> => Object.fromEntries(Object.keys(answers).map((id) => [id, 0.3]));

export function schoolInput(spec: SchoolSpec): BuildAggregateInput {
  return {
    school: { code: spec.code, name: `School ${spec.code}`, county: spec.county ?? '330106' },
    plan: spec.plan ?? shippedPlan(),
    ...(spec.k === undefined ? {} : { k: spec.k }),
    created: '2026-11-22T10:00:00+08:00',
    participants: participantsOf(spec),
  };
}

export function exactSchool(spec: SchoolSpec): Aggregate {
  const built = buildAggregate(schoolInput(spec));
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.value;
}

/** Every raw score of one scale over the given participants, as the pooled raw data a histogram must match. */
export function rawScores(participants: readonly AggregateParticipant[], instrument: string, scale: string): number[] {
  return participants.flatMap((participant) => {
    const result: BatteryResult | undefined = participant.result;
    if (!result || result.validity.status === 'invalid') return [];
    const raw = result.instruments.find((scored) => scored.instrument.startsWith(`${instrument}@`))?.scales.find((s) => s.id === scale)?.raw;
    return raw === null || raw === undefined ? [] : [raw];
  });
}

export const demo = (): Plan => demoPlan();

export function unwrap<T>(outcome: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}
