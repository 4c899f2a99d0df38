import {
  compileBattery, refOf, shortRefOf, tierRank,
  type Catalog, type Instrument, type NormTable, type Respondent, type ScoringEngine, type Tier, type TierPolicy,
} from '../../../scoring/index.ts';
import type { StudentRecord } from '../../records/index.ts';
import { waveOfPlan } from './summary.ts';

/**
 * What an edited tier policy would do to a screening that has already run: each completed wave's raw
 * answers are scored again with the exact instrument versions it pinned, the norm tables it used and
 * the edited policy. Critical items still force high (they belong to the instruments, not the policy).
 */

export interface RulePreview {
  readonly id: string;
  readonly tier: 'medium' | 'high';
  /** Students the rule matches. */
  readonly matched: number;
  /** Students whose tier comes from this rule alone: without it they would be lower. */
  readonly decisive: number;
}

export type TierCounts = Readonly<Record<Tier, number>>;

export interface PolicyPreview {
  /** Completed waves scored again. */
  readonly scored: number;
  /** Waves that could not be scored again (instrument version missing from the library, or answers refused). */
  readonly skipped: readonly { readonly wave: string; readonly reason: 'instrument_missing' | 'not_scorable'; readonly ref?: string }[];
  readonly rules: readonly RulePreview[];
  /** Students forced to high by a critical item, whatever the rules say. */
  readonly critical: number;
  /** Computed tiers as the screening scored them (before any interview), for the same students. */
  readonly current: TierCounts;
  readonly proposed: TierCounts;
  /** current tier → proposed tier → students. */
  readonly moves: Readonly<Record<Tier, TierCounts>>;
  readonly invalid: { readonly current: number; readonly proposed: number };
  /** Waves scored without some norm table they used (not in the library): their T and percentile rules cannot apply. */
  readonly normsMissing: number;
}

const zeros = (): Record<Tier, number> => ({ low: 0, medium: 0, high: 0 });

export function previewPolicy(records: readonly StudentRecord[], plan: string, catalog: Catalog, policy: TierPolicy): PolicyPreview {
  const byRef = new Map<string, Instrument>(catalog.instruments.map((def) => [refOf(def), def]));
  const normsByRef = new Map<string, NormTable>(catalog.norms.map((table) => [shortRefOf(table), table]));
  const engines = new Map<string, ScoringEngine>();
  const rules = policy.rules.map((rule) => ({ id: rule.id, tier: rule.tier, matched: 0, decisive: 0 }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const current = zeros();
  const proposed = zeros();
  const moves = { low: zeros(), medium: zeros(), high: zeros() };
  const invalid = { current: 0, proposed: 0 };
  const skipped: PolicyPreview['skipped'][number][] = [];
  let scored = 0;
  let critical = 0;
  let normsMissing = 0;

  for (const record of records) {
    const wave = waveOfPlan(record, plan);
    const original = wave?.results[0]?.result;
    if (!wave || wave.status !== 'completed' || !original) continue;
    const battery = wave.instruments.map((ref) => byRef.get(ref));
    const missing = wave.instruments.find((_, index) => battery[index] === undefined);
    if (missing !== undefined) { skipped.push({ wave: wave.id, reason: 'instrument_missing', ref: missing }); continue; }
    const norms = original.used.norms.flatMap((ref) => normsByRef.get(ref) ?? []);
    if (norms.length < original.used.norms.length) normsMissing += 1;
    const key = `${wave.instruments.join()}|${norms.map(shortRefOf).join()}`;
    let engine = engines.get(key);
    if (!engine) {
      engine = compileBattery({ instruments: battery.filter((def) => def !== undefined), norms, policy });
      engines.set(key, engine);
    }
    const { id, grade, sex, track } = original.respondent;
    const respondent: Respondent = track === undefined ? { id, grade, sex } : { id, grade, sex, track };
    const result = engine.score({ respondent, answers: wave.answers, seconds: wave.seconds });
    if (!result.ok) { skipped.push({ wave: wave.id, reason: 'not_scorable' }); continue; }
    const next = result.value;
    scored += 1;
    current[original.tier] += 1;
    proposed[next.tier] += 1;
    moves[original.tier][next.tier] += 1;
    if (original.validity.status === 'invalid') invalid.current += 1;
    if (next.validity.status === 'invalid') invalid.proposed += 1;
    const forced = next.reasons.some((reason) => reason.kind === 'critical');
    if (forced) critical += 1;
    const matched = next.reasons.flatMap((reason) => (reason.kind === 'rule' ? [reason] : []));
    for (const reason of matched) {
      const entry = rules[ruleIndex.get(reason.rule) ?? -1];
      if (!entry) continue;
      entry.matched += 1;
      const others = matched.filter((other) => other.rule !== reason.rule && tierRank(other.tier) >= tierRank(reason.tier));
      if (!forced && reason.tier === next.tier && others.length === 0) entry.decisive += 1;
    }
  }
  return { scored, skipped, rules, critical, current, proposed, moves, invalid, normsMissing };
}
