import { z } from 'zod';
import { ZGrade, ZSex, ZSlug } from '../schema/common.ts';
import { ZPinnedRef, ZVersionRef } from '../schema/plan.ts';
import { checkAggregate } from './checks.ts';

export const AGGREGATE_FORMAT = 'psyscreen-aggregate';
/** 2 adds follow-up counts (`followUp`); files of version 1 still open and merge. */
export const AGGREGATE_VERSION = 2;
export const AGGREGATE_VERSIONS = [1, 2] as const;
/** The smallest suppression threshold a file may use; a school or bureau may only raise it. */
export const MIN_K = 5;
export const LEVELS = ['school', 'county', 'city', 'province'] as const;
export type Level = (typeof LEVELS)[number];
/** `exact`: every count, kept in the school's own workspace. `published`: suppressed, fit to leave the school. */
export const STAGES = ['exact', 'published'] as const;
export type Stage = (typeof STAGES)[number];
export const SUPPRESSION_REASONS = ['primary', 'complementary'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** School, county and bureau codes (e.g. the 10-digit school identifier): no spaces or commas, so CSV stays plain. */
export const ZCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, { error: 'bad_code' });
const ZName = z.string().trim().min(1).max(200);
/** A date, or a date and time with its offset; it comes from the caller (the core reads no clock). */
export const ZTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/, { error: 'bad_timestamp' });
const ZCount = z.number().int().min(0);
const ZPositive = z.number().int().min(1);
const ZSchoolYear = z.string().regex(/^\d{4}-\d{4}$/, { error: 'bad_school_year' });

export const ZSchoolEntry = z.strictObject({
  code: ZCode,
  name: ZName,
  county: ZName,
  /** When this school's file was made. */
  created: ZTimestamp,
});

/** A bureau that merged files and issued the result for the next level. */
export const ZStamp = z.strictObject({
  level: z.enum(['county', 'city', 'province']),
  code: ZCode,
  name: ZName,
  created: ZTimestamp,
});

export const ZTierCounts = z.strictObject({ low: ZCount, medium: ZCount, high: ZCount });

/**
 * Scores too rare to publish one by one, pooled: `count` scores lie somewhere in [from, to]. The bounds
 * are neighbouring published scores, band edges or the scale's limits, never a pooled student's own
 * score, and a pool never crosses a band edge (see README, "Histograms").
 */
export const ZPooledBin = z.strictObject({ from: z.number(), to: z.number(), count: ZPositive });

/** A severity band of the instrument, [gte, lt), with the number of students in it. */
export const ZBandCount = z.strictObject({ band: ZSlug, gte: z.number(), lt: z.number().optional(), count: ZCount });

export const ZScaleSummary = z.strictObject({
  scale: ZSlug,
  /** The lowest and highest score the scale allows (from the instrument). */
  min: z.number(),
  max: z.number(),
  /** Valid results with a score on this scale. */
  scored: ZCount,
  /** Exact raw score (as written by String(number)) → number of students. */
  histogram: z.record(z.string(), ZPositive),
  pooled: z.array(ZPooledBin),
  /** Every band of the scale in the instrument's order (empty when the scale has none). */
  bands: z.array(ZBandCount),
});

export const ZInstrumentSummary = z.strictObject({
  instrument: ZPinnedRef,
  /** Completed batteries that included this instrument. */
  completed: ZCount,
  /** The tier this instrument's own rules and critical items gave (low when none did). */
  tiers: ZTierCounts,
  /** Results with a critical item of this instrument positive. */
  urgent: ZCount,
  scales: z.array(ZScaleSummary),
});

/**
 * What followed the flags, for the high-risk students (tier high) of a group: interviewed, parents
 * informed, referred out, interviewed within 7 days of the screening, case closed. Each student adds
 * one to every measure that holds for them; within7Days counts students also counted as interviewed.
 */
export const FOLLOW_UP_MEASURES = ['interviewed', 'parentsInformed', 'referred', 'within7Days', 'closed'] as const;
export type FollowUpMeasure = (typeof FOLLOW_UP_MEASURES)[number];
export const ZCellFollowUp = z.strictObject(Object.fromEntries(FOLLOW_UP_MEASURES.map((measure) => [measure, ZCount])) as Record<FollowUpMeasure, typeof ZCount>);

/** One measure as published: `count` of the `of` high-risk students of the producers that published it. */
export const ZFollowUpRate = z.strictObject({ measure: z.enum(FOLLOW_UP_MEASURES), count: ZCount, of: ZCount });

/** A measure a producer left out, and why (primary: fewer than k; complementary: its complement, or a count it is part of, would be). */
export const ZFollowUpWithheld = z.strictObject({ by: ZCode, measure: z.enum([...FOLLOW_UP_MEASURES, 'flagged']), reason: z.enum(SUPPRESSION_REASONS) });

/**
 * The published follow-up, over the whole file: `flagged` high-risk students of the published cells
 * (students of suppressed cells are not counted, so nothing about them can be worked out), and each
 * measure's count among them unless withheld.
 */
export const ZFollowUpSummary = z.strictObject({
  flagged: ZCount,
  rates: z.array(ZFollowUpRate),
  withheld: z.array(ZFollowUpWithheld),
});

export const ZCell = z.strictObject({
  grade: ZGrade,
  sex: ZSex,
  roster: ZCount,
  completed: ZCount,
  declined: ZCount,
  /** Completed results whose validity is invalid (they keep their tier and flags). */
  invalid: ZCount,
  tiers: ZTierCounts,
  urgent: ZCount,
  instruments: z.array(ZInstrumentSummary),
  /** v2, exact files only: the follow-up of this cell's high-risk students. */
  followUp: ZCellFollowUp.optional(),
});

const ZGroupGrade = z.union([ZGrade, z.literal('all')]);
const ZGroupSex = z.enum(['male', 'female', 'all']);

/** A total over grades, sexes or both: participation only. */
export const ZMargin = z.strictObject({
  grade: ZGroupGrade,
  sex: ZGroupSex,
  roster: ZCount,
  completed: ZCount,
  declined: ZCount,
});

/** One thing a producer left out of its file, and why. */
export const ZSuppressed = z.strictObject({
  /** Code of the school or bureau that suppressed it. */
  by: ZCode,
  grade: ZGroupGrade,
  sex: ZGroupSex,
  /** Set when only one instrument's (or one scale's) results of a published cell were left out. */
  instrument: ZPinnedRef.optional(),
  scale: ZSlug.optional(),
  reason: z.enum(SUPPRESSION_REASONS),
});

export const ZAggregateShape = z.strictObject({
  format: z.literal(AGGREGATE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  stage: z.enum(STAGES),
  schoolYear: ZSchoolYear,
  k: z.number().int().min(MIN_K),
  provenance: z.strictObject({ schools: z.array(ZSchoolEntry), stamps: z.array(ZStamp) }),
  plans: z.array(ZVersionRef),
  instruments: z.array(ZPinnedRef),
  cells: z.array(ZCell),
  margins: z.array(ZMargin),
  suppressed: z.array(ZSuppressed),
  /** v2, published files: the follow-up of the flags (absent when the school recorded none, and in every v1 file). */
  followUp: ZFollowUpSummary.optional(),
});

export const ZAggregate = ZAggregateShape.superRefine((aggregate, ctx) => checkAggregate(aggregate, ctx));

export type Aggregate = z.infer<typeof ZAggregate>;
export type AggregateCell = z.infer<typeof ZCell>;
export type AggregateMargin = z.infer<typeof ZMargin>;
export type InstrumentSummary = z.infer<typeof ZInstrumentSummary>;
export type ScaleSummary = z.infer<typeof ZScaleSummary>;
export type PooledBin = z.infer<typeof ZPooledBin>;
export type BandCount = z.infer<typeof ZBandCount>;
export type TierCounts = z.infer<typeof ZTierCounts>;
export type SchoolEntry = z.infer<typeof ZSchoolEntry>;
export type Stamp = z.infer<typeof ZStamp>;
export type SuppressedEntry = z.infer<typeof ZSuppressed>;
export type CellFollowUp = z.infer<typeof ZCellFollowUp>;
export type FollowUpSummary = z.infer<typeof ZFollowUpSummary>;
export type FollowUpRate = z.infer<typeof ZFollowUpRate>;
