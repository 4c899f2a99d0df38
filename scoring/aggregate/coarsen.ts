import { bandCeiling, bandFloor, bandHolding, histogramEntries, histogramFrom } from './histogram.ts';
import type { PooledBin, ScaleSummary } from './schema.ts';

type Part = { kind: 'point'; value: number; count: number } | { kind: 'run'; count: number };

interface Segment {
  readonly floor: number;
  readonly ceiling: number;
  readonly entries: readonly [number, number][];
}

/**
 * The histogram a published file may carry: a score held by at least k students stays exact; rarer
 * scores are pooled, within their severity band, into runs of at least k students bounded by the
 * neighbouring exact scores or the band's edges. A run that stays under k joins the exact score above
 * it (below it at the top of the band) and the run beyond, so it can never be read off as one student's
 * score. A band with no score held by k students becomes one pool, which tells no more than the band's
 * count does. Scales without bands are treated as one band covering the whole scale.
 */
export function coarsenHistogram(scale: ScaleSummary, k: number): { histogram: Record<string, number>; pooled: PooledBin[] } {
  const entries = histogramEntries(scale.histogram);
  const segments: Segment[] = scale.bands.length > 0
    ? scale.bands.map((band) => ({ floor: bandFloor(scale, band), ceiling: bandCeiling(scale, band), entries: entries.filter(([score]) => bandHolding(scale, score) === band) }))
    : [{ floor: scale.min, ceiling: scale.max, entries }];
  const points: [number, number][] = [];
  const pooled: PooledBin[] = [];
  for (const segment of segments) {
    const parts = joinSmallRuns(partsOf(segment.entries, k), k);
    parts.forEach((part, index) => {
      if (part.kind === 'point') points.push([part.value, part.count]);
      else pooled.push({ from: valueOf(parts[index - 1]) ?? segment.floor, to: valueOf(parts[index + 1]) ?? segment.ceiling, count: part.count });
    });
  }
  return { histogram: histogramFrom(points), pooled };
}

const valueOf = (part: Part | undefined): number | undefined => (part?.kind === 'point' ? part.value : undefined);

/** Exact scores (≥ k students) alternating with runs of rarer scores. */
function partsOf(entries: readonly [number, number][], k: number): Part[] {
  const parts: Part[] = [];
  for (const [value, count] of entries) {
    const last = parts.at(-1);
    if (count >= k) parts.push({ kind: 'point', value, count });
    else if (last?.kind === 'run') last.count += count;
    else parts.push({ kind: 'run', count });
  }
  return parts;
}

function joinSmallRuns(parts: Part[], k: number): Part[] {
  for (;;) {
    const index = parts.findIndex((part) => part.kind === 'run' && part.count < k);
    if (index < 0) return parts;
    const pointIndex = parts[index + 1]?.kind === 'point' ? index + 1 : parts[index - 1]?.kind === 'point' ? index - 1 : -1;
    if (pointIndex < 0) return parts; // the band's only part: a whole-band pool
    let start = Math.min(index, pointIndex);
    let end = Math.max(index, pointIndex);
    if (pointIndex > index && parts[end + 1]?.kind === 'run') end += 1;
    if (pointIndex < index && parts[start - 1]?.kind === 'run') start -= 1;
    const count = parts.slice(start, end + 1).reduce((sum, part) => sum + part.count, 0);
    parts.splice(start, end - start + 1, { kind: 'run', count });
  }
}
