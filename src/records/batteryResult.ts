import { z } from 'zod';
import { TIERS, TRACKS, ZSex, type BatteryResult } from '../../scoring/index.ts';
import { ZText } from './schemaParts.ts';

/**
 * A scoring result (scoring's `BatteryResult`) as stored in submissions and records. Scoring has no
 * schema for its output, so this mirrors score/types.ts; `storedResult` below fails to compile if the
 * two drift apart, and a test parses real results with it.
 */
const ZNormScore = z.strictObject({
  table: ZText, group: ZText, n: z.number().int().min(0), t: z.number(), percentile: z.number().min(0).max(100),
  percentileMethod: z.enum(['table', 'normal']),
});

const ZScaleResult = z.strictObject({
  id: ZText,
  raw: z.number().nullable(),
  answered: z.number().int().min(0),
  missing: z.number().int().min(0),
  prorated: z.boolean(),
  band: ZText.optional(),
  norm: ZNormScore.optional(),
  normMissing: z.enum(['no_table', 'no_group']).optional(),
});

const ZFlag = z.enum(['urgent', 'acute']);
const ZBecause = z.enum(['answer', 'unanswered']);

const ZCriticalHit = z.strictObject({ id: ZText, instrument: ZText, flag: ZFlag, because: ZBecause });

const ZInstrumentResult = z.strictObject({
  instrument: ZText,
  scales: z.array(ZScaleResult).readonly(),
  critical: z.array(ZCriticalHit).readonly(),
});

const ZTierReason = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rule'), rule: ZText, tier: z.enum(TIERS), instrument: ZText, scale: ZText, measure: ZText, value: z.union([z.number(), z.string()]) }),
  z.strictObject({ kind: z.literal('critical'), id: ZText, instrument: ZText, flag: ZFlag, because: ZBecause }),
]);

const ZValidityStatus = z.enum(['ok', 'questionable', 'invalid']);
const ZValidityReason = z.strictObject({
  code: z.enum(['too_fast', 'many_fast_items', 'long_string', 'long_string_contradicts_reverse_keys', 'inconsistent_pairs', 'scale_not_scorable']),
  status: z.enum(['questionable', 'invalid']),
  instrument: ZText.optional(),
  detail: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});

export const ZValidity = z.strictObject({ status: ZValidityStatus, reasons: z.array(ZValidityReason).readonly(), retest: z.boolean() });

export const ZRespondent = z.strictObject({ id: ZText, grade: z.number().int().min(1).max(12), sex: ZSex, track: z.enum(TRACKS).optional() });

export const ZBatteryResult = z.strictObject({
  respondent: ZRespondent,
  instruments: z.array(ZInstrumentResult).readonly(),
  tier: z.enum(TIERS),
  flags: z.strictObject({ urgent: z.boolean(), acute: z.boolean() }),
  reasons: z.array(ZTierReason).readonly(),
  validity: ZValidity,
  used: z.strictObject({ policy: ZText, norms: z.array(ZText).readonly(), plan: ZText.optional(), gradeBand: ZText.optional() }),
});
export type StoredBatteryResult = z.infer<typeof ZBatteryResult>;

/** Every scoring result is storable as it is (a compile-time check that the schema covers the type). */
export const storedResult = (result: BatteryResult): StoredBatteryResult => result;
