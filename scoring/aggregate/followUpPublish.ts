import { FOLLOW_UP_MEASURES, type AggregateCell, type FollowUpMeasure, type FollowUpSummary, type SuppressionReason } from './schema.ts';

const small = (count: number, k: number): boolean => count > 0 && count < k;

/**
 * The follow-up summary that may leave the school, from the cells that are published (students of a
 * suppressed cell are left out, or the flagged total would give their tier away by subtraction).
 * With fewer than k flagged students nothing is published. A measure is withheld when its count is
 * below k (primary), or when a count that can be worked out from it is: the students it leaves out
 * (flagged − count), or, for "within 7 days", those interviewed later (complementary).
 */
export function publishFollowUp(exact: readonly AggregateCell[], published: readonly AggregateCell[], k: number, by: string): FollowUpSummary | undefined {
  // A school that recorded follow-up says so even when every cell is suppressed (flagged 0).
  if (!exact.some((cell) => cell.followUp !== undefined)) return undefined;
  const flagged = published.reduce((sum, cell) => sum + cell.tiers.high, 0);
  if (small(flagged, k)) return { flagged: 0, rates: [], withheld: [{ by, measure: 'flagged', reason: 'primary' }] };
  const total = (measure: FollowUpMeasure) => published.reduce((sum, cell) => sum + (cell.followUp?.[measure] ?? 0), 0);
  const reasonOf = (measure: FollowUpMeasure): SuppressionReason | undefined => {
    const count = total(measure);
    if (small(count, k)) return 'primary';
    if (small(flagged - count, k)) return 'complementary';
    if (measure === 'within7Days' && small(total('interviewed') - count, k)) return 'complementary';
    return undefined;
  };
  const reasons = new Map(FOLLOW_UP_MEASURES.map((measure) => [measure, reasonOf(measure)] as const));
  return {
    flagged,
    rates: FOLLOW_UP_MEASURES.filter((measure) => reasons.get(measure) === undefined).map((measure) => ({ measure, count: total(measure), of: flagged })),
    withheld: FOLLOW_UP_MEASURES.flatMap((measure) => {
      const reason = reasons.get(measure);
      return reason ? [{ by, measure, reason }] : [];
    }),
  };
}

/** Two summaries added: each measure over the producers that published it (count and `of` alike). */
export function addFollowUp(a: FollowUpSummary | undefined, b: FollowUpSummary | undefined): FollowUpSummary | undefined {
  if (!a || !b) return a ?? b;
  const rates = FOLLOW_UP_MEASURES.flatMap((measure) => {
    const x = a.rates.find((rate) => rate.measure === measure);
    const y = b.rates.find((rate) => rate.measure === measure);
    if (!x && !y) return [];
    return [{ measure, count: (x?.count ?? 0) + (y?.count ?? 0), of: (x?.of ?? 0) + (y?.of ?? 0) }];
  });
  return { flagged: a.flagged + b.flagged, rates, withheld: [...a.withheld, ...b.withheld] };
}
