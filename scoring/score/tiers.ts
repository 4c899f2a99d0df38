import type { TierPolicy, TierRule } from '../schema/policy.ts';
import { tierRank, type Tier } from '../schema/vocabulary.ts';
import type { CompiledInstrument } from './compileInstrument.ts';
import type { InstrumentResult, ScaleResult, TierReason } from './types.ts';

/** A rule bound to the position of its instrument and scale in one battery. */
export interface BoundRule {
  readonly rule: TierRule;
  readonly instrumentIndex: number;
  readonly scaleIndex: number;
}

/** Binds the policy's rules to a battery; rules for instruments the battery does not give are dropped. */
export function bindPolicy(policy: TierPolicy, battery: readonly CompiledInstrument[]): BoundRule[] {
  return policy.rules.flatMap((rule) => {
    const instrumentIndex = battery.findIndex((compiled) => compiled.definition.id === rule.instrument);
    const scaleIndex = battery[instrumentIndex]?.scales.findIndex((scale) => scale.id === rule.scale) ?? -1;
    return instrumentIndex >= 0 && scaleIndex >= 0 ? [{ rule, instrumentIndex, scaleIndex }] : [];
  });
}

function measureOf(rule: TierRule, scale: ScaleResult): number | string | undefined {
  switch (rule.measure) {
    case 'raw': return scale.raw ?? undefined;
    case 't': return scale.norm?.t;
    case 'percentile': return scale.norm?.percentile;
    case 'band': return scale.band;
  }
}

function ruleMatches(rule: TierRule, value: number | string): boolean {
  if (rule.measure === 'band') return typeof value === 'string' && rule.bands.includes(value);
  if (typeof value !== 'number') return false;
  return (rule.gte === undefined || value >= rule.gte) && (rule.lt === undefined || value < rule.lt);
}

/**
 * The battery's tier: the highest tier any rule gives (low when none does), raised to high by any
 * critical item. Every rule and critical item that contributed is kept as a reason.
 */
export function assignTier(rules: readonly BoundRule[], results: readonly InstrumentResult[]): { tier: Tier; reasons: TierReason[] } {
  let tier: Tier = 'low';
  const reasons: TierReason[] = [];
  for (const { rule, instrumentIndex, scaleIndex } of rules) {
    const result = results[instrumentIndex];
    const scale = result?.scales[scaleIndex];
    if (!result || !scale) continue;
    const value = measureOf(rule, scale);
    if (value === undefined || !ruleMatches(rule, value)) continue;
    reasons.push({ kind: 'rule', rule: rule.id, tier: rule.tier, instrument: result.instrument, scale: rule.scale, measure: rule.measure, value });
    if (tierRank(rule.tier) > tierRank(tier)) tier = rule.tier;
  }
  for (const result of results) {
    for (const hit of result.critical) {
      reasons.push({ kind: 'critical', id: hit.id, instrument: hit.instrument, flag: hit.flag, because: hit.because });
      tier = 'high';
    }
  }
  return { tier, reasons };
}
