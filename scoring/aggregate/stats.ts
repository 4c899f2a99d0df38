import { addHistograms, addPooled, histogramEntries, histogramTotal, pooledTotal, type Histogram } from './histogram.ts';
import type { PooledBin } from './schema.ts';

/** An exact value has low === high; a value from pooled bins is only known to lie between them. */
export interface Bounds {
  readonly low: number;
  readonly high: number;
}

export interface Distribution {
  readonly histogram: Histogram;
  readonly pooled?: readonly PooledBin[];
}

export interface ScoreStats {
  readonly n: number;
  /** True when every score is known exactly (no pooled bins): then mean, SD and percentiles are exact. */
  readonly exact: boolean;
  /** Undefined when n = 0. */
  readonly mean: Bounds | undefined;
  /** Sample standard deviation (n − 1); only for exact distributions with n ≥ 2. */
  readonly sd: number | undefined;
  /** Nearest-rank percentiles (see `percentileOfHistogram`), by percent. */
  readonly percentiles: Readonly<Record<number, Bounds>>;
}

export const STANDARD_PERCENTILES: readonly number[] = [5, 10, 25, 50, 75, 90, 95];

/** Scores in ascending order as [value, count], with each pool placed at one of its ends. */
function placed(distribution: Distribution, end: 'from' | 'to'): [number, number][] {
  const pooled = (distribution.pooled ?? []).map((bin): [number, number] => [bin[end], bin.count]);
  return [...histogramEntries(distribution.histogram), ...pooled].sort((a, b) => a[0] - b[0]);
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) by the nearest-rank rule: the smallest score such that at least
 * p % of scores are at or below it (rank ⌈p·n/100⌉, at least 1). It is always a score someone had,
 * and it is the same whether computed from raw scores or from their histogram. Pooled scores give
 * bounds: all at the bottom of their pools, or all at the top.
 */
export function percentileOfHistogram(distribution: Distribution, p: number): Bounds | undefined {
  const n = histogramTotal(distribution.histogram) + pooledTotal(distribution.pooled ?? []);
  if (n === 0 || !(p >= 0 && p <= 100)) return undefined;
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return { low: valueAtRank(placed(distribution, 'from'), rank), high: valueAtRank(placed(distribution, 'to'), rank) };
}

function valueAtRank(entries: readonly [number, number][], rank: number): number {
  let seen = 0;
  for (const [value, count] of entries) {
    seen += count;
    if (seen >= rank) return value;
  }
  return entries.at(-1)?.[0] ?? Number.NaN;
}

const meanOf = (entries: readonly [number, number][], n: number): number => entries.reduce((sum, [value, count]) => sum + value * count, 0) / n;

/** n, mean, SD and percentiles from a histogram, exactly as from the raw scores it counts. */
export function statsFromHistogram(distribution: Distribution, percentiles: readonly number[] = STANDARD_PERCENTILES): ScoreStats {
  const n = histogramTotal(distribution.histogram) + pooledTotal(distribution.pooled ?? []);
  const exact = (distribution.pooled ?? []).length === 0;
  const low = placed(distribution, 'from');
  const mean = n === 0 ? undefined : { low: meanOf(low, n), high: meanOf(placed(distribution, 'to'), n) };
  let sd: number | undefined;
  if (exact && n >= 2 && mean) {
    const squares = low.reduce((sum, [value, count]) => sum + count * (value - mean.low) ** 2, 0);
    sd = Math.sqrt(squares / (n - 1));
  }
  const table: Record<number, Bounds> = {};
  for (const p of percentiles) {
    const bounds = percentileOfHistogram(distribution, p);
    if (bounds) table[p] = bounds;
  }
  return { n, exact, mean, sd, percentiles: table };
}

interface CellLike {
  readonly grade: number;
  readonly sex: string;
  readonly instruments: readonly { readonly instrument: string; readonly scales: readonly { readonly scale: string; readonly histogram: Histogram; readonly pooled: readonly PooledBin[] }[] }[];
}

/**
 * The distribution of one scale over the cells of a group (every cell when grade and sex are absent):
 * histograms added bin by bin, pooled bins kept. `instrument` is `id@version` or the full pinned ref.
 */
export function scaleDistribution(
  cells: readonly CellLike[],
  where: { readonly instrument: string; readonly scale: string; readonly grade?: number; readonly sex?: string },
): { histogram: Record<string, number>; pooled: PooledBin[] } {
  let histogram: Record<string, number> = {};
  let pooled: PooledBin[] = [];
  for (const cell of cells) {
    if ((where.grade !== undefined && cell.grade !== where.grade) || (where.sex !== undefined && cell.sex !== where.sex)) continue;
    const summary = cell.instruments.find((candidate) => candidate.instrument === where.instrument || candidate.instrument.startsWith(`${where.instrument}#`));
    const scale = summary?.scales.find((candidate) => candidate.scale === where.scale);
    if (!scale) continue;
    histogram = addHistograms(histogram, scale.histogram);
    pooled = addPooled(pooled, scale.pooled);
  }
  return { histogram, pooled };
}
