import type { Bounds } from './stats.ts';

export interface RateEstimate {
  readonly count: number;
  readonly n: number;
  /** count / n; undefined when n = 0. */
  readonly rate: number | undefined;
  /** Wilson score interval; undefined when n = 0. */
  readonly interval: Bounds | undefined;
}

const zFor = (confidence: number): number => normalQuantile(1 - (1 - confidence) / 2);

/**
 * The standard normal quantile by Acklam's rational approximation (relative error below 1.2e-9).
 * simple-statistics' `probit` is too coarse for this (1.9572 for 97.5 % instead of 1.95996).
 */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const poly = (coefficients: readonly number[], x: number): number => coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
  const low = 0.02425;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * The Wilson score interval for a proportion (Wilson 1927): unlike the normal approximation it stays
 * inside [0, 1] and behaves at 0 and n, which matters for a school's small high-risk counts.
 */
export function wilsonInterval(count: number, n: number, confidence = 0.95): Bounds | undefined {
  if (n <= 0) return undefined;
  const z = zFor(confidence);
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: count === 0 ? 0 : clamp01(centre - half), high: count === n ? 1 : clamp01(centre + half) };
}

export const rateOf = (count: number, n: number, confidence = 0.95): RateEstimate =>
  ({ count, n, rate: n > 0 ? count / n : undefined, interval: wilsonInterval(count, n, confidence) });

export interface FunnelLimits {
  readonly n: number;
  readonly rate: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

/**
 * Control limits of a funnel plot for a proportion (Spiegelhalter 2005, Stat Med 24:1185): for a unit
 * of size n, the interpolated exact binomial quantiles of the pooled rate at 2.5/97.5 % and
 * 0.1/99.9 %. A school above the 99.8 % limit has a rate unusually high for its size.
 */
export function funnelLimits(pooledRate: number, n: number): FunnelLimits | undefined {
  if (!(n > 0) || !(pooledRate >= 0 && pooledRate <= 1)) return undefined;
  const limit = (p: number) => binomialLimit(n, pooledRate, p);
  return { n, rate: pooledRate, lower95: limit(0.025), upper95: limit(0.975), lower998: limit(0.001), upper998: limit(0.999) };
}

export type FunnelPosition = 'above-99.8' | 'above-95' | 'within' | 'below-95' | 'below-99.8';

export function funnelPosition(count: number, n: number, pooledRate: number): FunnelPosition | undefined {
  const limits = funnelLimits(pooledRate, n);
  if (!limits) return undefined;
  const rate = count / n;
  if (rate > limits.upper998) return 'above-99.8';
  if (rate > limits.upper95) return 'above-95';
  if (rate < limits.lower998) return 'below-99.8';
  if (rate < limits.lower95) return 'below-95';
  return 'within';
}

/** (r_p − α) / n, with r_p the binomial p-quantile and α the interpolation that makes the limit continuous in n. */
function binomialLimit(n: number, rate: number, p: number): number {
  if (rate === 0 || rate === 1) return rate;
  const logRatio = Math.log(rate) - Math.log1p(-rate);
  let logPmf = n * Math.log1p(-rate);
  let below = 0; // P(R ≤ r − 1)
  for (let r = 0; r <= n; r++) {
    const atOrBelow = below + Math.exp(logPmf);
    if (atOrBelow >= p) {
      const alpha = (atOrBelow - p) / (atOrBelow - below);
      return (r - alpha) / n;
    }
    below = atOrBelow;
    logPmf += Math.log(n - r) - Math.log(r + 1) + logRatio;
  }
  return 1;
}
