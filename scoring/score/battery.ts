import { shortRefOf } from '../library/ref.ts';
import { fail, issue, succeed, type Issue, type Outcome } from '../outcome.ts';
import type { Instrument } from '../schema/instrument.ts';
import type { NormTable } from '../schema/norms.ts';
import type { TierPolicy } from '../schema/policy.ts';
import { compileInstrument, type CompiledInstrument } from './compileInstrument.ts';
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

/** Answers must name items of this battery and use their option values; anything else is a bad input. */
function checkAnswers(battery: readonly CompiledInstrument[], input: ResponseInput): Issue[] {
  const issues: Issue[] = [];
  for (const [itemId, value] of Object.entries(input.answers)) {
    if (value === null || value === undefined) continue;
    const item = battery.find((compiled) => compiled.itemsById.has(itemId))?.itemsById.get(itemId);
    if (!item) issues.push(issue('answer_unknown_item', ['answers', itemId], { item: itemId }));
    else if (!item.allowed.has(value)) {
      issues.push(issue('answer_not_an_option', ['answers', itemId], { item: itemId, value, allowed: [...item.allowed].join(', ') }));
    }
  }
  return issues;
}

function scoreInstrument(compiled: CompiledInstrument, norms: NormLookup, input: ResponseInput): InstrumentResult {
  const scales = compiled.scales.map((scale): ScaleResult => {
    const raw = scoreScale(scale, input.answers);
    if (raw.raw === null) return { id: scale.id, ...raw };
    const band = bandOf(scale.bands, raw.raw)?.id;
    const norm = norms.convert(compiled.definition, scale.id, input.respondent, raw.raw);
    const withBand = band === undefined ? { id: scale.id, ...raw } : { id: scale.id, ...raw, band };
    if (typeof norm !== 'string') return { ...withBand, norm };
    return norms.refs.length > 0 ? { ...withBand, normMissing: norm } : withBand;
  });
  return { instrument: compiled.ref, scales, critical: criticalHits(compiled, input.answers) };
}

/**
 * Compiles a battery once (instrument lookup tables, norm index, bound tier rules) and returns an
 * engine that scores any number of responses with it. Pure: same config and input, same result.
 */
export function compileBattery(config: BatteryConfig): ScoringEngine {
  const instruments = config.instruments.map(compileInstrument);
  const norms = compileNorms(config.norms);
  const rules = bindPolicy(config.policy, instruments);
  const used = {
    policy: shortRefOf(config.policy),
    norms: norms.refs,
    ...(config.plan === undefined ? {} : { plan: config.plan }),
    ...(config.gradeBand === undefined ? {} : { gradeBand: config.gradeBand }),
  };
  return {
    instruments,
    score(input) {
      const problems = checkAnswers(instruments, input);
      if (problems.length > 0) return fail(problems);
      const results = instruments.map((compiled) => scoreInstrument(compiled, norms, input));
      const { tier, reasons } = assignTier(rules, results);
      const flags = {
        urgent: results.some((result) => result.critical.length > 0),
        acute: results.some((result) => result.critical.some((hit) => hit.flag === 'acute')),
      };
      const validity = assessValidity(instruments, input, results, config.policy.validity);
      return succeed({ respondent: input.respondent, instruments: results, tier, flags, reasons, validity, used });
    },
  };
}
