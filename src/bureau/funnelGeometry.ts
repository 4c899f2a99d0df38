import type { Funnel } from './funnel.ts';

/** Up to about `count` round tick values from 0 to at least `max` (steps of 1, 2 or 5 × 10^n). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let value = 0; value < max + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  if ((ticks.at(-1) ?? 0) < max) ticks.push(Number(((ticks.at(-1) ?? 0) + step).toPrecision(12)));
  return ticks;
}

export interface FunnelFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const FUNNEL_FRAME: FunnelFrame = { width: 760, height: 470, left: 64, right: 24, top: 20, bottom: 86 };

export interface FunnelGeometry {
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  readonly x: (n: number) => number;
  readonly y: (rate: number) => number;
  /** SVG path data of each limit curve and of the pooled rate. */
  readonly paths: { readonly upper95: string; readonly lower95: string; readonly upper998: string; readonly lower998: string; readonly pooled: string };
}

/**
 * Axes and curves of a funnel plot: n from 0 to a round number above the largest unit, rates from 0
 * to a round number above the highest point and the 95 % limit of the smaller units (the 99.8 % limit
 * of tiny units can reach far up; it is clipped at the top rather than squashing the plot).
 */
export function funnelGeometry(funnel: Funnel, frame: FunnelFrame = FUNNEL_FRAME): FunnelGeometry {
  const maxN = Math.max(...funnel.points.map((point) => point.n), 1);
  const xTicks = niceTicks(maxN * 1.05, 6);
  const sizes = funnel.points.map((point) => point.n).sort((a, b) => a - b);
  const smallish = sizes[Math.floor(sizes.length / 4)] ?? maxN;
  const upperAtSmallish = funnel.limits.find((limit) => limit.n >= smallish)?.upper95 ?? funnel.rate;
  const maxRate = Math.min(1, Math.max(...funnel.points.map((point) => point.rate), upperAtSmallish, funnel.rate * 2, 0.01) * 1.08);
  const yTicks = niceTicks(maxRate, 5);
  const xMax = xTicks.at(-1) ?? maxN;
  const yMax = yTicks.at(-1) ?? 1;
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const x = (n: number) => frame.left + (n / xMax) * plotWidth;
  const y = (rate: number) => frame.top + (1 - Math.min(rate, yMax * 1.5) / yMax) * plotHeight;
  const path = (pick: (limit: Funnel['limits'][number]) => number) =>
    funnel.limits.map((limit, index) => `${index === 0 ? 'M' : 'L'}${x(limit.n).toFixed(1)},${y(pick(limit)).toFixed(1)}`).join(' ');
  return {
    xTicks, yTicks, x, y,
    paths: {
      upper95: path((limit) => limit.upper95), lower95: path((limit) => limit.lower95),
      upper998: path((limit) => limit.upper998), lower998: path((limit) => limit.lower998),
      pooled: `M${x(0).toFixed(1)},${y(funnel.rate).toFixed(1)} L${x(xMax).toFixed(1)},${y(funnel.rate).toFixed(1)}`,
    },
  };
}
