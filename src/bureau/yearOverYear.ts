import { wilsonInterval, type Bounds, type RateEstimate } from '../../scoring/index.ts';
import type { FunnelMeasure } from './funnel.ts';
import type { UnitRow } from './unitRows.ts';

export interface RateChange {
  /** later − earlier, as a proportion. */
  readonly difference: number;
  /** 95 % interval of the difference (Newcombe's hybrid score interval). */
  readonly interval: Bounds;
  /** "up" / "down" when the interval excludes 0, else "same". */
  readonly direction: 'up' | 'down' | 'same';
}

/**
 * The difference of two independent proportions with Newcombe's (1998, method 10) hybrid score
 * interval, built from each rate's Wilson interval: it stays sensible at 0 and n, unlike the Wald interval.
 */
export function rateChange(earlier: { count: number; n: number }, later: { count: number; n: number }, confidence = 0.95): RateChange | undefined {
  const a = wilsonInterval(earlier.count, earlier.n, confidence);
  const b = wilsonInterval(later.count, later.n, confidence);
  if (!a || !b) return undefined;
  const p1 = later.count / later.n;
  const p2 = earlier.count / earlier.n;
  const difference = p1 - p2;
  const low = difference - Math.sqrt((p1 - b.low) ** 2 + (a.high - p2) ** 2);
  const high = difference + Math.sqrt((b.high - p1) ** 2 + (p2 - a.low) ** 2);
  return { difference, interval: { low, high }, direction: low > 0 ? 'up' : high < 0 ? 'down' : 'same' };
}

export interface YearOverYearRow {
  readonly code: string;
  readonly name: string;
  readonly earlier: RateEstimate | undefined;
  readonly later: RateEstimate | undefined;
  /** Undefined when either year has no published results. */
  readonly change: RateChange | undefined;
  /** Either year's rate covers only part of the unit. */
  readonly partial: boolean;
}

export interface YearOverYear {
  readonly measure: FunnelMeasure;
  readonly earlierYear: string;
  readonly laterYear: string;
  /** Units (by code) present in both years, by code. */
  readonly rows: readonly YearOverYearRow[];
  /** Codes present in one year only. */
  readonly onlyEarlier: readonly string[];
  readonly onlyLater: readonly string[];
}

const partialNote = (note: string) => note.startsWith('partial:') || note.startsWith('results-partial:');

/**
 * Change of a tier rate for the same units (matched by school or bureau code) between two school
 * years. The earlier year is the one that sorts first, whichever set it was loaded as.
 */
export function yearOverYear(a: { year: string; units: readonly UnitRow[] }, b: { year: string; units: readonly UnitRow[] }, measure: FunnelMeasure = 'high'): YearOverYear {
  const [earlier, later] = a.year <= b.year ? [a, b] : [b, a];
  const byCode = (units: readonly UnitRow[]) => new Map(units.filter((unit) => unit.code !== '').map((unit) => [unit.code, unit]));
  const before = byCode(earlier.units);
  const after = byCode(later.units);
  const rows = [...after.values()].flatMap((now): YearOverYearRow[] => {
    const then = before.get(now.code);
    if (!then) return [];
    const e = then[measure];
    const l = now[measure];
    const change = e && l ? rateChange(e, l) : undefined;
    return [{ code: now.code, name: now.name, earlier: e, later: l, change, partial: partialNote(then.note) || partialNote(now.note) }];
  }).sort((x, y) => x.code.localeCompare(y.code));
  return {
    measure, earlierYear: earlier.year, laterYear: later.year, rows,
    onlyEarlier: [...before.keys()].filter((code) => !after.has(code)).sort(),
    onlyLater: [...after.keys()].filter((code) => !before.has(code)).sort(),
  };
}
