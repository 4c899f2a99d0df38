import type { Locale, RateEstimate } from '../../../scoring/index.ts';
import { ratePartial, shownCount, shownText, type ColumnKind } from '../shown.ts';
import type { BureauText } from './bureauText.ts';

// Formatters are costly to make and a county dashboard formats thousands of numbers: one per locale.
const percents = new Map<Locale, Intl.NumberFormat>();
const counts = new Map<Locale, Intl.NumberFormat>();
const cached = (cache: Map<Locale, Intl.NumberFormat>, locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const found = cache.get(locale) ?? new Intl.NumberFormat(locale, options);
  cache.set(locale, found);
  return found;
};

export const formatPercent = (value: number, locale: Locale): string =>
  cached(percents, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

export const formatCount = (value: number, locale: Locale): string => cached(counts, locale, {}).format(value);

/** A count: the number, "≥ n" for a lower bound, "<k" or "suppressed" when not published (never 0). */
export function CountCell({ value, note, column, k, text, locale }: { value: number | undefined; note: string; column: ColumnKind; k: number; text: BureauText; locale: Locale }) {
  const shown = shownCount(value, note, column);
  const words = shownText(shown, k, text, (n) => formatCount(n, locale));
  return <td className={shown.kind === 'exact' ? 'number' : shown.kind === 'atLeast' ? 'number partial' : 'number suppressed'}>{words}</td>;
}

/** A rate with its 95 % interval below; "<k"/"suppressed" when nothing was published, "—" for a group of nobody; "partial" when it covers part of the group. */
export function RateCell({ estimate, note, column, k, text, locale }: { estimate: RateEstimate | undefined; note: string; column: ColumnKind; k: number; text: BureauText; locale: Locale }) {
  if (!estimate) return <td className="number suppressed">{shownText(shownCount(undefined, note, column), k, text)}</td>;
  // Published, but nobody in the group: no rate to give.
  if (estimate.rate === undefined) return <td className="number">—</td>;
  const partial = ratePartial(note, column);
  return (
    <td className={partial ? 'number rate partial' : 'number rate'}>
      <span className="rate-value">{formatPercent(estimate.rate, locale)}</span>
      {partial && <span className="partial-mark">{text.partialMark}</span>}
      {estimate.interval && <span className="ci">{formatPercent(estimate.interval.low, locale)}–{formatPercent(estimate.interval.high, locale)}</span>}
    </td>
  );
}
