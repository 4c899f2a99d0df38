/** Warm-up and rounds for one measurement; the reported figure is the median round. */
export interface TimingPlan {
  readonly warmupRounds: number;
  readonly rounds: number;
}

export interface Throughput {
  readonly name: string;
  readonly perSecond: number;
  readonly itemsPerRound: number;
  readonly medianMs: number;
  readonly roundsMs: readonly number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/**
 * Runs `work` (which handles `count` items per call) for the warm-up rounds untimed, then times each
 * round. Returns items per second at the median round.
 */
export async function measureThroughput(name: string, count: number, plan: TimingPlan, work: () => unknown): Promise<Throughput> {
  for (let i = 0; i < plan.warmupRounds; i++) await work();
  const roundsMs: number[] = [];
  for (let i = 0; i < plan.rounds; i++) {
    const start = performance.now();
    await work();
    roundsMs.push(performance.now() - start);
  }
  const medianMs = median(roundsMs);
  return { name, perSecond: (count / medianMs) * 1000, itemsPerRound: count, medianMs, roundsMs };
}

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
export const formatRate = (perSecond: number): string => `${grouped.format(perSecond)}/s`;
export const formatRatio = (ratio: number): string => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;

/**
 * For work too slow to repeat: one pass over `items` in `slices` equal parts. The first slice is the
 * warm-up; the rest are the timed rounds. Returns the results of the whole pass and the median rate.
 */
export async function measureInSlices<I, R>(
  name: string,
  items: readonly I[],
  slices: number,
  work: (slice: readonly I[]) => R[] | Promise<R[]>,
): Promise<{ results: R[]; throughput: Throughput }> {
  const size = Math.ceil(items.length / slices);
  const results: R[] = [];
  const roundsMs: number[] = [];
  const perSecond: number[] = [];
  for (let start = 0; start < items.length; start += size) {
    const slice = items.slice(start, start + size);
    const begun = performance.now();
    results.push(...(await work(slice)));
    const ms = performance.now() - begun;
    if (start === 0) continue;
    roundsMs.push(ms);
    perSecond.push((slice.length / ms) * 1000);
  }
  return { results, throughput: { name, perSecond: median(perSecond), itemsPerRound: size, medianMs: median(roundsMs), roundsMs } };
}
