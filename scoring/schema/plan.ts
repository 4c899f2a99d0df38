import { z } from 'zod';
import { ZLocalizedText } from '../locale.ts';
import { parseRef, refOf, shortRefOf } from '../library/ref.ts';
import { ZGrade, ZIsoDate, ZSemver, ZSlug, reportCrossField, reportDuplicates, type CrossFieldContext } from './common.ts';
import { ZInstrument } from './instrument.ts';
import { ZNormTable } from './norms.ts';
import { ZTierPolicy } from './policy.ts';

import { ZPinnedRef, ZVersionRef } from './refs.ts';
import { ZVectors } from './vectors.ts';

export { ZPinnedRef, ZVersionRef } from './refs.ts';

import { TRACKS } from './vocabulary.ts';

export const ZGradeBand = z.strictObject({
  id: ZSlug,
  name: ZLocalizedText,
  grades: z.array(ZGrade).min(1),
  /** Secondary vocational students are grades 10–12 on the vocational track. */
  track: z.enum(TRACKS).optional(),
  /** The battery, in the order it is given: `id@version#sha256` of embedded instruments. */
  instruments: z.array(ZPinnedRef).min(1),
  norms: z.array(ZVersionRef),
  policy: ZVersionRef,
});
export type GradeBand = z.infer<typeof ZGradeBand>;

/** The public part of a screening plan: what every lab machine needs to give and score the battery. */
export const ZPlanShape = z.strictObject({
  kind: z.literal('plan'),
  id: ZSlug,
  version: ZSemver,
  name: ZLocalizedText,
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, { error: 'bad_school_year' }),
  window: z.strictObject({ opens: ZIsoDate, closes: ZIsoDate }),
  gradeBands: z.array(ZGradeBand).min(1),
  instruments: z.array(ZInstrument).min(1),
  norms: z.array(ZNormTable),
  policies: z.array(ZTierPolicy).min(1),
  /** Conformance vectors for embedded instruments, run before a kiosk gives the battery; absent in plans before 2026-12. */
  vectors: z.array(ZVectors).optional(),
});

export const ZPlan = ZPlanShape.superRefine((plan, ctx) => checkPlan(plan, ctx));
export type Plan = z.infer<typeof ZPlan>;

function checkPlan(plan: z.infer<typeof ZPlanShape>, ctx: CrossFieldContext): void {
  const { opens, closes } = plan.window;
  if (opens > closes) reportCrossField(ctx, ['window', 'closes'], 'window_inverted', { opens, closes });
  reportDuplicates(ctx, plan.instruments.map(shortRefOf), (i) => ['instruments', i], 'instrument');
  reportDuplicates(ctx, plan.norms.map(shortRefOf), (i) => ['norms', i], 'norm table');
  reportDuplicates(ctx, plan.policies.map(shortRefOf), (i) => ['policies', i], 'policy');
  reportDuplicates(ctx, plan.gradeBands.map((band) => band.id), (i) => ['gradeBands', i, 'id'], 'grade band');
  const vectors = plan.vectors ?? [];
  reportDuplicates(ctx, vectors.map((file) => `${file.id}@${file.version}`), (i) => ['vectors', i], 'vectors');
  vectors.forEach((file, i) => {
    const ref = `${file.id}@${file.version}`;
    if (!plan.instruments.some((def) => def.id === file.id && def.version === file.version)) reportCrossField(ctx, ['vectors', i], 'unresolved_ref', { ref });
  });

  const claimed = new Map<string, string>();
  plan.gradeBands.forEach((band, bandIndex) => {
    const path = ['gradeBands', bandIndex];
    for (const grade of band.grades) {
      const key = `${grade}/${band.track ?? 'general'}`;
      const other = claimed.get(key);
      if (other !== undefined) reportCrossField(ctx, [...path, 'grades'], 'grade_in_two_bands', { grade, other });
      else claimed.set(key, band.id);
    }

    const battery = band.instruments.map((ref, i) => {
      const parsed = parseRef(ref);
      const found = plan.instruments.find((def) => def.id === parsed?.id && def.version === parsed.version);
      if (!found) reportCrossField(ctx, [...path, 'instruments', i], 'unresolved_ref', { ref });
      else if (refOf(found) !== ref) reportCrossField(ctx, [...path, 'instruments', i], 'ref_hash_mismatch', { ref, actual: refOf(found) });
      return found;
    }).filter((def) => def !== undefined);

    band.norms.forEach((ref, i) => {
      const table = plan.norms.find((candidate) => shortRefOf(candidate) === ref);
      if (!table) reportCrossField(ctx, [...path, 'norms', i], 'unresolved_ref', { ref });
      else if (!battery.some((def) => def.id === table.instrument && table.instrumentVersions.includes(def.version))) {
        reportCrossField(ctx, [...path, 'norms', i], 'norms_for_other_instrument', { ref, instrument: table.instrument });
      }
    });

    const policy = plan.policies.find((candidate) => shortRefOf(candidate) === band.policy);
    if (!policy) {
      reportCrossField(ctx, [...path, 'policy'], 'unresolved_ref', { ref: band.policy });
      return;
    }
    for (const rule of policy.rules) {
      const def = battery.find((candidate) => candidate.id === rule.instrument);
      if (!def) continue; // a policy may cover instruments this band does not give
      const scale = def.scales.find((candidate) => candidate.id === rule.scale);
      if (!scale) reportCrossField(ctx, [...path, 'policy'], 'policy_unknown_scale', { rule: rule.id, instrument: def.id, scale: rule.scale });
      else if (rule.measure === 'band') {
        for (const bandId of rule.bands) {
          if (!scale.bands?.some((b) => b.id === bandId)) {
            reportCrossField(ctx, [...path, 'policy'], 'policy_unknown_band', { rule: rule.id, band: bandId, scale: scale.id });
          }
        }
      }
    }
  });
}
