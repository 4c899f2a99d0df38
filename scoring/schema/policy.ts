import { z } from 'zod';
import { ZLocalizedText } from '../locale.ts';
import { ZSemver, ZSlug, reportCrossField, reportDuplicates, type CrossFieldContext } from './common.ts';

const ZRuleTarget = {
  id: ZSlug,
  tier: z.enum(['medium', 'high']),
  instrument: ZSlug,
  scale: ZSlug,
};

/** A half-open range [gte, lt) over a numeric measure: a boundary score belongs to exactly one tier. */
export const ZRangeRule = z.strictObject({
  ...ZRuleTarget,
  measure: z.enum(['raw', 't', 'percentile']),
  gte: z.number().optional(),
  lt: z.number().optional(),
});
export const ZBandRule = z.strictObject({
  ...ZRuleTarget,
  measure: z.literal('band'),
  bands: z.array(ZSlug).min(1),
});
export const ZTierRule = z.discriminatedUnion('measure', [ZRangeRule, ZBandRule]);
export type TierRule = z.infer<typeof ZTierRule>;

export const ZValiditySettings = z.strictObject({
  /** Mean seconds per item below this marks the answers as too fast to be read. */
  minSecondsPerItem: z.number().min(0),
  /** Share of items answered faster than minSecondsPerItem that makes a result questionable. */
  fastItemShare: z.number().min(0).max(1),
  /** A battery answered with one non-minimal option throughout, at least this many items long. */
  longStringMinItems: z.number().int().min(2),
});
export type ValiditySettings = z.infer<typeof ZValiditySettings>;

const ZTierPolicyShape = z.strictObject({
  kind: z.literal('policy'),
  id: ZSlug,
  version: ZSemver,
  name: ZLocalizedText,
  description: ZLocalizedText.optional(),
  rules: z.array(ZTierRule),
  validity: ZValiditySettings,
});

export const ZTierPolicy = ZTierPolicyShape.superRefine((policy, ctx) => checkPolicy(policy, ctx));
export type TierPolicy = z.infer<typeof ZTierPolicy>;

function checkPolicy(policy: z.infer<typeof ZTierPolicyShape>, ctx: CrossFieldContext): void {
  reportDuplicates(ctx, policy.rules.map((rule) => rule.id), (i) => ['rules', i, 'id'], 'rule');
  policy.rules.forEach((rule, index) => {
    if (rule.measure === 'band') return;
    if (rule.gte === undefined && rule.lt === undefined) reportCrossField(ctx, ['rules', index], 'rule_without_bounds');
    else if (rule.gte !== undefined && rule.lt !== undefined && rule.lt <= rule.gte) {
      reportCrossField(ctx, ['rules', index], 'rule_empty_range', { gte: rule.gte, lt: rule.lt });
    }
  });
  // Two tiers claiming the same score on the same measure is a policy mistake, not a tie to break.
  policy.rules.forEach((rule, index) => {
    if (rule.measure === 'band') return;
    policy.rules.slice(0, index).forEach((earlier, earlierIndex) => {
      if (earlier.measure !== rule.measure || earlier.tier === rule.tier) return;
      if (earlier.instrument !== rule.instrument || earlier.scale !== rule.scale) return;
      const low = Math.max(earlier.gte ?? -Infinity, rule.gte ?? -Infinity);
      const high = Math.min(earlier.lt ?? Infinity, rule.lt ?? Infinity);
      if (low < high) reportCrossField(ctx, ['rules', index], 'rules_overlap', { other: earlier.id, otherIndex: earlierIndex });
    });
  });
}
