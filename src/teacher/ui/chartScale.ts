/**
 * The geometry of the profile chart (ProfileChart.tsx), kept pure so it can be tested. T-scores have
 * mean 50 and SD 10; 20–90 spans −3 to +4 SD, which holds almost every screening score while keeping
 * the 60 and 70 lines (1 and 2 SD above the norm mean) well apart.
 */
export const T_MIN = 20;
export const T_MAX = 90;
export const REFERENCE_T = [50, 60, 70] as const;

export interface PlotArea {
  readonly top: number;
  readonly bottom: number;
}

/** Scores beyond the range sit on its edge, so an extreme score stays visible instead of leaving the chart. */
export const clampT = (t: number): number => Math.min(T_MAX, Math.max(T_MIN, t));

/** SVG y grows downwards: T_MAX maps to the top of the plot area, T_MIN to its bottom. */
export function yOfT(t: number, area: PlotArea): number {
  return area.bottom - ((clampT(t) - T_MIN) / (T_MAX - T_MIN)) * (area.bottom - area.top);
}

/** The centre of the index-th of equal columns starting at `left`. */
export const xOfColumn = (index: number, left: number, columnWidth: number): number => left + columnWidth * (index + 0.5);
