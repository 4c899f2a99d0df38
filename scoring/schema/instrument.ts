import { z } from 'zod';
import { ZWordingReview, reviewTextKeys } from './review.ts';
import { ZLocalizedText } from '../locale.ts';
import { conditionItems, scoredValues } from './answerValues.ts';
import { ZCondition } from './condition.ts';
import { ZItemId, ZSemver, ZSlug, ZSource, reportCrossField, reportDuplicates, type CrossFieldContext } from './common.ts';

export const ZOption = z.strictObject({
  value: z.number().int(),
  label: ZLocalizedText,
  /** "Prefer not to answer": never scored; counts as unanswered for critical items. */
  refusal: z.literal(true).optional(),
});
export type Option = z.infer<typeof ZOption>;

export const ZItem = z.strictObject({
  id: ZItemId,
  text: ZLocalizedText,
  options: z.string().min(1),
  reverse: z.boolean().optional(),
  showIf: ZCondition.optional(),
});
export type Item = z.infer<typeof ZItem>;

export const ZMissingRule = z.discriminatedUnion('rule', [
  /** Score from the answered items scaled up to the full length, if at most `maxMissing` are missing. */
  z.strictObject({ rule: z.literal('prorate'), maxMissing: z.number().int().min(0) }),
  /** Any missing item leaves the scale unscored. */
  z.strictObject({ rule: z.literal('invalidate') }),
]);
export type MissingRule = z.infer<typeof ZMissingRule>;

/** A published cut-off band, half-open [gte, lt) so that no score can fall between two bands. */
export const ZBand = z.strictObject({
  id: ZSlug,
  label: ZLocalizedText,
  gte: z.number(),
  lt: z.number().optional(),
});
export type Band = z.infer<typeof ZBand>;

export const ZScale = z.strictObject({
  id: ZSlug,
  name: ZLocalizedText,
  items: z.array(ZItemId).min(1),
  method: z.enum(['sum', 'mean']),
  multiplier: z.number().positive().optional(),
  missing: ZMissingRule,
  bands: z.array(ZBand).min(1).optional(),
});
export type Scale = z.infer<typeof ZScale>;

export const FLAGS = ['urgent', 'acute'] as const;
export const ZCriticalItem = z.strictObject({
  id: ZSlug,
  flag: z.enum(FLAGS),
  when: ZCondition,
  positiveIfUnanswered: z.boolean(),
  reason: ZLocalizedText,
});
export type CriticalItem = z.infer<typeof ZCriticalItem>;

export const ZConsistencyPair = z.strictObject({
  a: ZItemId,
  b: ZItemId,
  relation: z.enum(['same', 'opposite']),
  maxDifference: z.number().min(0),
});
export type ConsistencyPair = z.infer<typeof ZConsistencyPair>;

const ZRange = z.strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) });

const ZInstrumentShape = z.strictObject({
  kind: z.literal('instrument'),
  id: ZSlug,
  version: ZSemver,
  abbreviation: z.string().trim().min(1),
  name: ZLocalizedText,
  wordingVerified: z.boolean(),
  wordingNotes: z.string().trim().min(1).optional(),
  source: ZSource,
  licence: z.strictObject({ terms: z.string().trim().min(1), notice: ZLocalizedText }),
  ages: ZRange,
  grades: z.strictObject({ min: z.number().int().min(1).max(12), max: z.number().int().min(1).max(12) }),
  instructions: ZLocalizedText,
  optionSets: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(ZOption).min(2)),
  items: z.array(ZItem).min(1),
  scales: z.array(ZScale),
  critical: z.array(ZCriticalItem).optional(),
  consistencyPairs: z.array(ZConsistencyPair).optional(),
  /** The school's word-for-word check that set `wordingVerified` (absent in shipped files). */
  review: ZWordingReview.optional(),
});

export const ZInstrument = ZInstrumentShape.superRefine((def, ctx) => checkInstrument(def, ctx));
export type Instrument = z.infer<typeof ZInstrument>;


/** The lowest and highest score a scale can take, from its items' option values. */
export function scaleRange(def: Pick<Instrument, 'items' | 'optionSets'>, scale: Scale): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const itemId of scale.items) {
    const item = def.items.find((candidate) => candidate.id === itemId);
    const values = scoredValues(item ? (def.optionSets[item.options] ?? []) : []);
    if (values.length === 0) continue;
    min += Math.min(...values);
    max += Math.max(...values);
  }
  const divisor = scale.method === 'mean' ? scale.items.length : 1;
  const factor = scale.multiplier ?? 1;
  return { min: (min / divisor) * factor, max: (max / divisor) * factor };
}

function checkInstrument(def: z.infer<typeof ZInstrumentShape>, ctx: CrossFieldContext): void {
  const prefix = `${def.id.replaceAll('-', '')}_`;
  def.items.forEach((item, index) => {
    if (!item.id.startsWith(prefix)) reportCrossField(ctx, ['items', index, 'id'], 'item_id_prefix', { id: item.id, prefix });
  });
  reportDuplicates(ctx, def.items.map((item) => item.id), (i) => ['items', i, 'id'], 'item');
  reportDuplicates(ctx, def.scales.map((scale) => scale.id), (i) => ['scales', i, 'id'], 'scale');
  reportDuplicates(ctx, (def.critical ?? []).map((rule) => rule.id), (i) => ['critical', i, 'id'], 'critical');
  if (def.ages.min > def.ages.max) reportCrossField(ctx, ['ages'], 'range_inverted', { min: def.ages.min, max: def.ages.max });
  if (def.grades.min > def.grades.max) reportCrossField(ctx, ['grades'], 'range_inverted', { min: def.grades.min, max: def.grades.max });

  for (const [setId, options] of Object.entries(def.optionSets)) {
    reportDuplicates(ctx, options.map((option) => String(option.value)), (i) => ['optionSets', setId, i, 'value'], 'option value');
    if (scoredValues(options).length < 2) reportCrossField(ctx, ['optionSets', setId], 'too_few_scored_options', { set: setId });
  }

  const itemIndex = new Map(def.items.map((item, index) => [item.id, index]));
  def.items.forEach((item, index) => {
    if (!(item.options in def.optionSets)) {
      reportCrossField(ctx, ['items', index, 'options'], 'unknown_option_set', { set: item.options, known: Object.keys(def.optionSets).join(', ') });
    }
    if (item.showIf) {
      for (const ref of conditionItems(item.showIf)) {
        const refIndex = itemIndex.get(ref);
        if (refIndex === undefined) reportCrossField(ctx, ['items', index, 'showIf'], 'unknown_item', { item: ref });
        else if (refIndex >= index) reportCrossField(ctx, ['items', index, 'showIf'], 'show_if_not_earlier', { item: ref });
      }
    }
  });

  def.scales.forEach((scale, scaleIndex) => {
    reportDuplicates(ctx, scale.items, (i) => ['scales', scaleIndex, 'items', i], 'scale item');
    scale.items.forEach((ref, i) => {
      if (!itemIndex.has(ref)) reportCrossField(ctx, ['scales', scaleIndex, 'items', i], 'unknown_item', { item: ref });
    });
    if (scale.missing.rule === 'prorate' && scale.missing.maxMissing >= scale.items.length) {
      reportCrossField(ctx, ['scales', scaleIndex, 'missing', 'maxMissing'], 'max_missing_too_large', { max: scale.items.length - 1 });
    }
    if (scale.bands) checkBands(scale.bands, scaleRange(def, scale), ['scales', scaleIndex, 'bands'], ctx);
  });

  (def.critical ?? []).forEach((rule, index) => {
    for (const ref of conditionItems(rule.when)) {
      if (!itemIndex.has(ref)) reportCrossField(ctx, ['critical', index, 'when'], 'unknown_item', { item: ref });
    }
  });
  if (def.review) {
    const keys = reviewTextKeys(def);
    for (const key of Object.keys(def.review.texts)) {
      if (!keys.includes(key)) reportCrossField(ctx, ['review', 'texts', key], 'review_unknown_text', { key });
    }
    if (def.wordingVerified) {
      for (const key of keys) if (!(key in def.review.texts)) reportCrossField(ctx, ['review', 'texts'], 'review_text_missing', { key });
    }
  }
  (def.consistencyPairs ?? []).forEach((pair, index) => {
    for (const side of ['a', 'b'] as const) {
      if (!itemIndex.has(pair[side])) reportCrossField(ctx, ['consistencyPairs', index, side], 'unknown_item', { item: pair[side] });
    }
  });
}

/** Bands must be in order, must not overlap or leave gaps, and must cover every possible score. */
function checkBands(bands: readonly Band[], range: { min: number; max: number }, path: (string | number)[], ctx: CrossFieldContext): void {
  reportDuplicates(ctx, bands.map((band) => band.id), (i) => [...path, i, 'id'], 'band');
  bands.forEach((band, index) => {
    if (band.lt !== undefined && band.lt <= band.gte) reportCrossField(ctx, [...path, index], 'band_empty', { gte: band.gte, lt: band.lt });
    const next = bands[index + 1];
    if (next === undefined) {
      if (band.lt !== undefined && band.lt <= range.max) reportCrossField(ctx, [...path, index, 'lt'], 'bands_do_not_cover_max', { max: range.max });
      return;
    }
    if (band.lt === undefined) reportCrossField(ctx, [...path, index, 'lt'], 'band_open_before_last', {});
    else if (next.gte < band.lt) reportCrossField(ctx, [...path, index + 1, 'gte'], 'bands_overlap', { previous: band.id, lt: band.lt, gte: next.gte });
    else if (next.gte > band.lt) reportCrossField(ctx, [...path, index + 1, 'gte'], 'bands_gap', { lt: band.lt, gte: next.gte });
  });
  const first = bands[0];
  if (first && first.gte > range.min) reportCrossField(ctx, [...path, 0, 'gte'], 'bands_do_not_cover_min', { min: range.min });
}
