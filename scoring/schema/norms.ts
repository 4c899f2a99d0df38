import { z } from 'zod';
import { ZLocalizedText } from '../locale.ts';
import { ZGrade, ZIsoDate, ZSemver, ZSlug, ZSource, reportCrossField, type CrossFieldContext } from './common.ts';

export const ZNormGroupKey = z.strictObject({
  grades: z.array(ZGrade).min(1),
  sex: z.enum(['male', 'female', 'any']),
});
export type NormGroupKey = z.infer<typeof ZNormGroupKey>;

export const ZPercentilePoint = z.strictObject({ raw: z.number(), percentile: z.number().min(0).max(100) });

export const ZNormGroup = z.strictObject({
  group: ZNormGroupKey,
  n: z.number().int().min(1),
  mean: z.number(),
  sd: z.number().positive(),
  /** Raw score → percentile, from the cohort; without it percentiles come from the normal curve. */
  percentiles: z.array(ZPercentilePoint).min(1).optional(),
  /** Who the figures describe, as the source says, and how its ages (if it grouped by age) were mapped to grades. */
  describes: ZLocalizedText.optional(),
});
export type NormGroup = z.infer<typeof ZNormGroup>;

export const ZDerivation = z.strictObject({
  n: z.number().int().min(1),
  date: ZIsoDate,
  from: z.string().trim().min(1),
  minGroupSize: z.number().int().min(1),
});

const ZNormTableShape = z.strictObject({
  kind: z.literal('norms'),
  id: ZSlug,
  version: ZSemver,
  name: ZLocalizedText,
  instrument: ZSlug,
  instrumentVersions: z.array(ZSemver).min(1),
  source: ZSource.optional(),
  derived: ZDerivation.optional(),
  scales: z.record(ZSlug, z.array(ZNormGroup).min(1)),
});

export const ZNormTable = ZNormTableShape.superRefine((table, ctx) => checkNormTable(table, ctx));
export type NormTable = z.infer<typeof ZNormTable>;

function checkNormTable(table: z.infer<typeof ZNormTableShape>, ctx: CrossFieldContext): void {
  if ((table.source === undefined) === (table.derived === undefined)) reportCrossField(ctx, [], 'norms_need_one_origin');
  for (const [scaleId, groups] of Object.entries(table.scales)) {
    const owner = new Map<string, number>();
    groups.forEach((group, index) => {
      const sexes = group.group.sex === 'any' ? ['any'] : [group.group.sex];
      for (const grade of group.group.grades) {
        for (const sex of sexes) {
          const key = `${grade}/${sex}`;
          const first = owner.get(key);
          if (first === undefined) owner.set(key, index);
          else reportCrossField(ctx, ['scales', scaleId, index, 'group'], 'norm_groups_overlap', { grade, sex, first });
        }
      }
      (group.percentiles ?? []).forEach((point, i, points) => {
        const previous = points[i - 1];
        if (previous && (point.raw <= previous.raw || point.percentile < previous.percentile)) {
          reportCrossField(ctx, ['scales', scaleId, index, 'percentiles', i], 'percentiles_not_increasing');
        }
      });
    });
  }
}
