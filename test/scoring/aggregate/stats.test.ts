import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  STANDARD_PERCENTILES, buildAggregate, emptyAggregate, funnelLimits, funnelPosition, mergeAggregates, percentileOfHistogram, publishAggregate,
  rateOf, scaleDistribution, statsFromHistogram, wilsonInterval, type Aggregate, type AggregateParticipant,
} from '../../../scoring/index.ts';
import { demo, participantsOf, rawScores, schoolInput, unwrap, type SchoolSpec } from './cohort.ts';

/** The nearest-rank percentile straight from sorted raw scores: the definition, written independently. */
const nearestRank = (sorted: readonly number[], p: number): number => sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1] ?? Number.NaN;

function schools(specs: readonly SchoolSpec[]): { files: Aggregate[]; participants: AggregateParticipant[] } {
  const files: Aggregate[] = [];
  const participants: AggregateParticipant[] = [];
  for (const spec of specs) {
    const input = { ...schoolInput(spec), participants: participantsOf(spec) };
    files.push(unwrap(buildAggregate(input)));
    participants.push(...input.participants);
  }
  return { files, participants };
}

const merged = (files: readonly Aggregate[]) => files.reduce((all, file) => unwrap(mergeAggregates(all, file)), emptyAggregate({ schoolYear: '2026-2027', stage: 'exact' }));

describe('statistics from merged histograms', () => {
  const shipped = schools([
    { code: '3301060001', seed: 21, sizes: { '7/male': 40, '7/female': 35, '8/female': 30 } },
    { code: '3301060002', seed: 22, sizes: { '7/male': 12, '8/male': 25, '9/female': 28 }, distress: 2 },
    { code: '3301060003', seed: 23, sizes: { '4/male': 20, '5/female': 22, '8/male': 9 } },
  ]);
  const synthetic = schools([
    { code: 'D001', seed: 31, plan: demo(), sizes: { '8/female': 25, '9/male': 18 } },
    { code: 'D002', seed: 32, plan: demo(), sizes: { '8/female': 14, '7/male': 30 } },
  ]);

  it.each([
    ['phq9@1.0.0', 'total', shipped], ['gad7@1.0.0', 'total', shipped], ['k10@1.0.0', 'total', shipped],
    ['demo-mood@1.0.0', 'total', synthetic], ['demo-mood@1.0.0', 'mood', synthetic],
  ] as const)('%s %s: n, mean, SD and percentiles equal those of the pooled raw scores', (instrument, scale, data) => {
    const raw = rawScores(data.participants, instrument.split('@')[0] ?? '', scale);
    const sorted = [...raw].sort((a, b) => a - b);
    expect(raw.length).toBeGreaterThan(20);
    const stats = statsFromHistogram(scaleDistribution(merged(data.files).cells, { instrument, scale }));
    expect(stats.n).toBe(raw.length);
    expect(stats.exact).toBe(true);
    expect(stats.mean?.low).toBeCloseTo(mean(raw), 12);
    expect(stats.mean?.high).toBe(stats.mean?.low);
    expect(stats.sd).toBeCloseTo(sampleStandardDeviation(raw), 12);
    for (const p of [0, 1, ...STANDARD_PERCENTILES, 99, 100]) {
      expect(percentileOfHistogram(scaleDistribution(merged(data.files).cells, { instrument, scale }), p)).toEqual({ low: nearestRank(sorted, p), high: nearestRank(sorted, p) });
    }
  });

  it('keeps non-integer raw scores of mean scales as exact keys', () => {
    const keys = Object.keys(scaleDistribution(merged(synthetic.files).cells, { instrument: 'demo-mood@1.0.0', scale: 'mood' }).histogram);
    expect(keys.some((key) => key.includes('.'))).toBe(true);
    expect(keys.every((key) => String(Number(key)) === key)).toBe(true);
  });

  it('from a published file, gives bounds that hold the exact values', () => {
    const spec: SchoolSpec = { code: '3301060009', seed: 41, sizes: { '7/male': 60, '7/female': 55 } };
    const exact = unwrap(buildAggregate(schoolInput(spec)));
    const published = unwrap(publishAggregate(exact));
    expect(published.suppressed).toEqual([]);
    for (const instrument of ['phq9@1.0.0', 'gad7@1.0.0']) {
      const truth = statsFromHistogram(scaleDistribution(exact.cells, { instrument, scale: 'total' }));
      const bounded = statsFromHistogram(scaleDistribution(published.cells, { instrument, scale: 'total' }));
      expect(bounded.n).toBe(truth.n);
      expect(bounded.exact).toBe(false);
      expect(bounded.sd).toBeUndefined();
      expect(bounded.mean?.low).toBeLessThanOrEqual(truth.mean?.low ?? Number.NaN);
      expect(bounded.mean?.high).toBeGreaterThanOrEqual(truth.mean?.high ?? Number.NaN);
      for (const p of STANDARD_PERCENTILES) {
        expect(bounded.percentiles[p]?.low).toBeLessThanOrEqual(truth.percentiles[p]?.low ?? Number.NaN);
        expect(bounded.percentiles[p]?.high).toBeGreaterThanOrEqual(truth.percentiles[p]?.high ?? Number.NaN);
      }
    }
  });

  it('is empty, not wrong, for no scores', () => {
    expect(statsFromHistogram({ histogram: {} })).toEqual({ n: 0, exact: true, mean: undefined, sd: undefined, percentiles: {} });
    expect(statsFromHistogram({ histogram: { 4: 1 } }).sd).toBeUndefined();
  });
});

describe('rates', () => {
  it('gives Wilson 95 % intervals (values from Newcombe 1998, table I)', () => {
    const at = (count: number, n: number) => {
      const interval = wilsonInterval(count, n);
      return [Number(interval?.low.toFixed(4)), Number(interval?.high.toFixed(4))];
    };
    expect(at(81, 263)).toEqual([0.2553, 0.3662]);
    expect(at(15, 148)).toEqual([0.0624, 0.1605]);
    expect(at(0, 20)).toEqual([0, 0.1611]);
    expect(at(1, 29)).toEqual([0.0061, 0.1718]);
    expect(wilsonInterval(3, 0)).toBeUndefined();
    expect(rateOf(5, 20)).toMatchObject({ count: 5, n: 20, rate: 0.25 });
  });

  it('draws funnel limits from the exact binomial, narrowing as schools grow', () => {
    const pooled = 0.08;
    const small = funnelLimits(pooled, 40);
    const large = funnelLimits(pooled, 2000);
    expect(small && large).toBeTruthy();
    if (!small || !large) return;
    for (const limits of [small, large]) {
      expect(limits.lower998).toBeLessThanOrEqual(limits.lower95);
      expect(limits.lower95).toBeLessThanOrEqual(pooled);
      expect(limits.upper95).toBeGreaterThanOrEqual(pooled);
      expect(limits.upper998).toBeGreaterThanOrEqual(limits.upper95);
    }
    expect(large.upper998 - large.lower998).toBeLessThan(small.upper998 - small.lower998);
    // for a large n the exact limits approach the normal approximation p ± z·sqrt(p(1−p)/n)
    const se = Math.sqrt((pooled * (1 - pooled)) / 2000);
    expect(large.upper95).toBeCloseTo(pooled + 1.96 * se, 2);
    expect(large.upper998).toBeCloseTo(pooled + 3.09 * se, 2);
  });

  it('interpolates between binomial quantiles as Spiegelhalter (2005) defines', () => {
    // n = 20, p = 0.1: P(R <= 4) = 0.9568, P(R <= 5) = 0.9887, so the 97.5 % quantile is r = 5
    const cdf = (r: number) => {
      let sum = 0;
      let term = 0.9 ** 20;
      for (let x = 0; x <= r; x++) {
        sum += term;
        term *= ((20 - x) / (x + 1)) * (0.1 / 0.9);
      }
      return sum;
    };
    const alpha = (cdf(5) - 0.975) / (cdf(5) - cdf(4));
    expect(funnelLimits(0.1, 20)?.upper95).toBeCloseTo((5 - alpha) / 20, 12);
  });

  it('places a school with an unusual rate outside the funnel', () => {
    expect(funnelPosition(30, 100, 0.1)).toBe('above-99.8');
    expect(funnelPosition(17, 100, 0.1)).toBe('above-95');
    expect(funnelPosition(10, 100, 0.1)).toBe('within');
    expect(funnelPosition(0, 200, 0.1)).toBe('below-99.8');
    expect(funnelPosition(1, 0, 0.1)).toBeUndefined();
  });
});
