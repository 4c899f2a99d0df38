import { shortRefOf } from '../library/ref.ts';
import { fail, issue, succeed, type Issue, type Outcome } from '../outcome.ts';
import type { Instrument } from '../schema/instrument.ts';
import type { NormTable } from '../schema/norms.ts';
import type { TierPolicy } from '../schema/policy.ts';
import { compileInstrument, type AnswerVector, type CompiledInstrument, type CompiledItem } from './compileInstrument.ts';
import { criticalHits } from './critical.ts';
import { compileNorms, type NormLookup } from './norms.ts';
import { bandOf, scoreScale } from './scales.ts';
import { assignTier, bindPolicy } from './tiers.ts';
import type { BatteryResult, InstrumentResult, ResponseInput, ScaleResult } from './types.ts';
import { assessValidity } from './validity.ts';

export interface BatteryConfig {
  readonly instruments: readonly Instrument[];
  readonly norms: readonly NormTable[];
  readonly policy: TierPolicy;
  /** Recorded in every result when the battery comes from a plan. */
  readonly plan?: string;
  readonly gradeBand?: string;
}

export interface ScoringEngine {
  readonly instruments: readonly CompiledInstrument[];
  score(input: ResponseInput): Outcome<BatteryResult>;
}

/** Answers must name items of this battery and use their option values; valid answers are read once into vectors. */
function checkAnswers(battery: readonly CompiledInstrument[], itemsById: ReadonlyMap<string, CompiledItem>, input: ResponseInput): { issues?: Issue[]; vectors: AnswerVector[] } {
  const answers = input.answers;
  const vectors: AnswerVector[] = [];
  let present = 0;
  let wrong = false;
  for (const compiled of battery) {
    const vector: AnswerVector = new Array<number | undefined>(compiled.items.length);
    for (const item of compiled.items) {
      const value = answers[item.id];
      if (value === undefined) { if (item.id in answers) present += 1; continue; }
      present += 1;
      if (value === null) continue;
      if (!item.allowed.has(value)) wrong = true;
      vector[item.slot] = value;
    }
    vectors.push(vector);
  }
  if (!wrong && present === Object.keys(answers).length) return { vectors };
  const issues: Issue[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    if (value === null || value === undefined) continue;
    const item = itemsById.get(itemId);
    if (!item) issues.push(issue('answer_unknown_item', ['answers', itemId], { item: itemId }));
    else if (!item.allowed.has(value)) issues.push(issue('answer_not_an_option', ['answers', itemId], { item: itemId, value, allowed: [...item.allowed].join(', ') }));
  }
  return issues.length > 0 ? { issues, vectors } : { vectors };
}

function scoreInstrument(compiled: CompiledInstrument, norms: NormLookup, input: ResponseInput, vector: AnswerVector): InstrumentResult {
  const hasNorms = norms.refs.length > 0;
  const scales = compiled.scales.map((scale): ScaleResult => {
    const raw = scoreScale(scale, vector);
    if (raw.raw === null || (!hasNorms && scale.bands.length === 0)) return { id: scale.id, raw: raw.raw, answered: raw.answered, missing: raw.missing, prorated: raw.prorated };
    const band = bandOf(scale.bands, raw.raw)?.id;
    const result: { -readonly [K in keyof ScaleResult]: ScaleResult[K] } = { id: scale.id, raw: raw.raw, answered: raw.answered, missing: raw.missing, prorated: raw.prorated };
    if (band !== undefined) result.band = band;
    if (!hasNorms) return result;
    const norm = norms.convert(compiled.definition, scale.id, input.respondent, raw.raw);
    if (typeof norm !== 'string') result.norm = norm;
    else result.normMissing = norm;
    return result;
  });
  return { instrument: compiled.ref, scales, critical: criticalHits(compiled, vector) };
}

/**
 * Compiles a battery once (instrument lookup tables, norm index, bound tier rules) and returns an
 * engine that scores any number of responses with it. Pure: same config and input, same result.
 */
export function compileBattery(config: BatteryConfig): ScoringEngine {
  const instruments = config.instruments.map(compileInstrument);
  const norms = compileNorms(config.norms);
  const rules = bindPolicy(config.policy, instruments);
  const allItems = instruments.flatMap((compiled) => compiled.items);
  const itemsById = new Map(allItems.map((item) => [item.id, item] as const));
  const used = {
    policy: shortRefOf(config.policy),
    norms: norms.refs,
    ...(config.plan === undefined ? {} : { plan: config.plan }),
    ...(config.gradeBand === undefined ? {} : { gradeBand: config.gradeBand }),
  };
  return {
    instruments,
    score(input) {
      const { issues, vectors } = checkAnswers(instruments, itemsById, input);
      if (issues) return fail(issues);
      const results = instruments.map((compiled, index) => scoreInstrument(compiled, norms, input, vectors[index] ?? []));
      const { tier, reasons } = assignTier(rules, results);
      const flags = {
        urgent: results.some((result) => result.critical.length > 0),
        acute: results.some((result) => result.critical.some((hit) => hit.flag === 'acute')),
      };
      const validity = assessValidity(instruments, vectors, input, results, config.policy.validity);
      return succeed({ respondent: input.respondent, instruments: results, tier, flags, reasons, validity, used });
    },
  };
}
