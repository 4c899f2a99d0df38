import { funnelLimits, funnelPosition, type FunnelLimits, type FunnelPosition } from '../../scoring/index.ts';
import type { UnitRow } from './unitRows.ts';

export const FUNNEL_MEASURES = ['high', 'medium', 'urgent'] as const;
export type FunnelMeasure = (typeof FUNNEL_MEASURES)[number];

export interface FunnelPoint {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** Completed results the rate is over. */
  readonly n: number;
  readonly count: number;
  readonly rate: number;
  readonly position: FunnelPosition;
  /** Some of the unit's cells were suppressed: the rate covers the published part. */
  readonly partial: boolean;
}

export interface Funnel {
  readonly measure: FunnelMeasure;
  /** The pooled rate of every plotted unit: Σ count / Σ n. */
  readonly rate: number;
  readonly n: number;
  readonly count: number;
  readonly points: readonly FunnelPoint[];
  /** Control limits along n, from the smallest to the largest unit. */
  readonly limits: readonly FunnelLimits[];
  /** Units above the 99.8 % limit, highest rate first. */
  readonly above: readonly FunnelPoint[];
  /** Units with no published results (everything suppressed): not plotted. */
  readonly unplotted: readonly UnitRow[];
}

/** Enough points along n for smooth curves: every n up to 60, then steps that grow with n. */
function limitSizes(from: number, to: number): number[] {
  const sizes = new Set<number>();
  for (let n = Math.max(1, from); n <= to; n += Math.max(1, Math.floor(n / 40))) sizes.add(n);
  sizes.add(Math.max(1, to));
  return [...sizes].sort((a, b) => a - b);
}

/**
 * A funnel plot of one tier rate (Spiegelhalter 2005): each unit's rate against its number of completed
 * results, with the pooled rate and its 95 % and 99.8 % limits. Positions come from `funnelPosition`.
 */
export function funnelOf(units: readonly UnitRow[], measure: FunnelMeasure = 'high'): Funnel | undefined {
  const plotted = units.flatMap((unit) => {
    const estimate = unit[measure];
    return estimate && estimate.n > 0 ? [{ unit, count: estimate.count, n: estimate.n }] : [];
  });
  const plottedUnits = new Set(plotted.map((point) => point.unit));
  const unplotted = units.filter((unit) => !plottedUnits.has(unit));
  const n = plotted.reduce((sum, point) => sum + point.n, 0);
  const count = plotted.reduce((sum, point) => sum + point.count, 0);
  if (n === 0) return undefined;
  const rate = count / n;
  const points = plotted.map(({ unit, count: own, n: size }): FunnelPoint => ({
    id: unit.id, code: unit.code, name: unit.name, n: size, count: own, rate: own / size,
    position: funnelPosition(own, size, rate) ?? 'within',
    partial: unit.note.startsWith('results-partial:') || unit.note.startsWith('partial:'),
  }));
  const sizes = points.map((point) => point.n);
  // From half the smallest unit (at least 5) to a little past the largest, so the funnel's shape shows.
  const from = Math.max(5, Math.floor(Math.min(...sizes) / 2));
  const limits = limitSizes(Math.min(from, Math.min(...sizes)), Math.ceil(Math.max(...sizes) * 1.05)).flatMap((size) => funnelLimits(rate, size) ?? []);
  const above = points.filter((point) => point.position === 'above-99.8').sort((a, b) => b.rate - a.rate || b.n - a.n);
  return { measure, rate, n, count, points, limits, above, unplotted };
}
