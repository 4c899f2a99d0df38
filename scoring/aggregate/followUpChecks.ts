import type { z } from 'zod';
import { reportCrossField, type CrossFieldContext } from '../schema/common.ts';
import { FOLLOW_UP_MEASURES, type ZAggregateShape } from './schema.ts';

type Shape = z.infer<typeof ZAggregateShape>;

const small = (count: number, k: number): boolean => count > 0 && count < k;

/**
 * The rules of the follow-up counts (format 2): exact files keep them per cell, at most the cell's
 * high-risk students, within 7 days at most those interviewed; published files keep one summary,
 * whose flagged students, counts and complements (flagged of the producers minus count) are each 0
 * or at least k, and never more high-risk students than the published cells hold.
 */
export function checkFollowUp(aggregate: Shape, ctx: CrossFieldContext): void {
  const inCells = aggregate.cells.some((cell) => cell.followUp !== undefined);
  if (aggregate.version < 2 && (inCells || aggregate.followUp !== undefined)) reportCrossField(ctx, ['version'], 'follow_up_needs_v2', { version: aggregate.version });
  if (aggregate.stage === 'exact') {
    if (aggregate.followUp !== undefined) reportCrossField(ctx, ['followUp'], 'follow_up_summary_in_exact');
    aggregate.cells.forEach((cell, index) => {
      const counts = cell.followUp;
      if (!counts) return;
      for (const measure of FOLLOW_UP_MEASURES) {
        if (counts[measure] > cell.tiers.high) reportCrossField(ctx, ['cells', index, 'followUp', measure], 'follow_up_exceeds_flagged', { measure, count: counts[measure], flagged: cell.tiers.high });
      }
      if (counts.within7Days > counts.interviewed) reportCrossField(ctx, ['cells', index, 'followUp', 'within7Days'], 'follow_up_within_exceeds_interviewed', { within: counts.within7Days, interviewed: counts.interviewed });
    });
    return;
  }
  aggregate.cells.forEach((cell, index) => {
    if (cell.followUp !== undefined) reportCrossField(ctx, ['cells', index, 'followUp'], 'follow_up_cell_published');
  });
  const summary = aggregate.followUp;
  if (!summary) return;
  const high = aggregate.cells.reduce((sum, cell) => sum + cell.tiers.high, 0);
  if (summary.flagged > high) reportCrossField(ctx, ['followUp', 'flagged'], 'follow_up_exceeds_flagged', { measure: 'flagged', count: summary.flagged, flagged: high });
  if (small(summary.flagged, aggregate.k)) reportCrossField(ctx, ['followUp', 'flagged'], 'follow_up_below_k', { count: summary.flagged, k: aggregate.k });
  const producers = new Set([...aggregate.provenance.schools.map((school) => school.code), ...aggregate.provenance.stamps.map((stamp) => stamp.code)]);
  const seen = new Set<string>();
  summary.rates.forEach((rate, index) => {
    const path = ['followUp', 'rates', index];
    if (seen.has(rate.measure)) reportCrossField(ctx, [...path, 'measure'], 'duplicate_id', { what: 'measure', id: rate.measure, first: 0 });
    seen.add(rate.measure);
    if (rate.count > rate.of || rate.of > summary.flagged) reportCrossField(ctx, path, 'follow_up_exceeds_flagged', { measure: rate.measure, count: rate.count, flagged: Math.min(rate.of, summary.flagged) });
    if (small(rate.count, aggregate.k)) reportCrossField(ctx, [...path, 'count'], 'follow_up_below_k', { count: rate.count, k: aggregate.k });
    if (small(rate.of - rate.count, aggregate.k)) reportCrossField(ctx, [...path, 'count'], 'follow_up_complement_below_k', { measure: rate.measure, count: rate.of - rate.count, k: aggregate.k });
  });
  summary.withheld.forEach((entry, index) => {
    if (!producers.has(entry.by)) reportCrossField(ctx, ['followUp', 'withheld', index, 'by'], 'suppressed_by_unknown', { by: entry.by });
  });
}
