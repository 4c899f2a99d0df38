/** What every scoring variant must agree on for one response. */
export interface Summary {
  /** Scale scores by `instrument.scale` (e.g. `phq9.total`); null when the scale cannot be scored. */
  readonly totals: Readonly<Record<string, number | null>>;
  /** 'low' | 'medium' | 'high'; kept a string so a variant that returns anything else shows up as a disagreement. */
  readonly tier: string;
  readonly urgent: boolean;
  readonly acute: boolean;
}

/** Scale scores compared across variants: the scales the default policy's rules read for this battery. */
export const COMPARED_TOTALS = ['phq9.total', 'gad7.total'] as const;

/** SurveyJS leaves an uncomputable value undefined (or NaN); every variant reports it as null. */
export const asScore = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export const asTierText = (value: unknown): string => (typeof value === 'string' ? value : `not a tier: ${String(value)}`);

/** Differences between two summaries of the same response, as `field: a ≠ b` lines; empty when they agree. */
export function differences(a: Summary, b: Summary): string[] {
  const found: string[] = [];
  for (const key of COMPARED_TOTALS) {
    if (a.totals[key] !== b.totals[key]) found.push(`${key}: ${String(a.totals[key])} ≠ ${String(b.totals[key])}`);
  }
  if (a.tier !== b.tier) found.push(`tier: ${a.tier} ≠ ${b.tier}`);
  if (a.urgent !== b.urgent) found.push(`urgent: ${String(a.urgent)} ≠ ${String(b.urgent)}`);
  if (a.acute !== b.acute) found.push(`acute: ${String(a.acute)} ≠ ${String(b.acute)}`);
  return found;
}
