import type { BandCount, PooledBin } from './schema.ts';

/** Raw score → number of students. Keys are String(score), so mean scales keep their exact value. */
export type Histogram = Readonly<Record<string, number>>;

export const scoreKey = (raw: number): string => String(raw);

/** "12", "1.5", "-2": what String(number) writes for a finite number, and nothing else ("012", "1.50", " 3"). */
export function isCanonicalScoreKey(key: string): boolean {
  const value = Number(key);
  return key.trim() !== '' && Number.isFinite(value) && String(value) === key;
}

/** [score, count] pairs in ascending score order. */
export const histogramEntries = (histogram: Histogram): [number, number][] =>
  Object.entries(histogram).map(([key, count]): [number, number] => [Number(key), count]).sort((a, b) => a[0] - b[0]);

export const histogramTotal = (histogram: Histogram): number => Object.values(histogram).reduce((sum, count) => sum + count, 0);
export const pooledTotal = (pooled: readonly PooledBin[]): number => pooled.reduce((sum, bin) => sum + bin.count, 0);

/** A histogram object written in ascending score order, so equal histograms serialize equally. */
export function histogramFrom(entries: Iterable<readonly [number, number]>): Record<string, number> {
  const counts = new Map<number, number>();
  for (const [score, count] of entries) if (count > 0) counts.set(score, (counts.get(score) ?? 0) + count);
  return Object.fromEntries([...counts].sort((a, b) => a[0] - b[0]).map(([score, count]) => [scoreKey(score), count]));
}

/** Exact addition, bin by bin. */
export const addHistograms = (a: Histogram, b: Histogram): Record<string, number> => histogramFrom([...histogramEntries(a), ...histogramEntries(b)]);

/** Pools with the same bounds add up; others stay side by side (their bounds do not line up). */
export function addPooled(a: readonly PooledBin[], b: readonly PooledBin[]): PooledBin[] {
  const byRange = new Map<string, PooledBin>();
  for (const bin of [...a, ...b]) {
    const key = `${bin.from}/${bin.to}`;
    const seen = byRange.get(key);
    byRange.set(key, seen ? { ...seen, count: seen.count + bin.count } : { ...bin });
  }
  return [...byRange.values()].sort((x, y) => x.from - y.from || x.to - y.to);
}

interface Range {
  readonly min: number;
  readonly max: number;
  readonly bands: readonly BandCount[];
}

/** The band holding a score: bands are half-open [gte, lt). */
export const bandHolding = (scale: Range, score: number): BandCount | undefined =>
  scale.bands.find((band) => score >= band.gte && (band.lt === undefined || score < band.lt));
/** The lowest score a band can hold on this scale. */
export const bandFloor = (scale: Range, band: BandCount): number => Math.max(band.gte, scale.min);
/** An upper bound of the band's scores on this scale: its `lt` (exclusive) or the scale's maximum. */
export const bandCeiling = (scale: Range, band: BandCount): number => Math.min(band.lt ?? scale.max, scale.max);
