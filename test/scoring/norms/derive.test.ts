import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { compileBattery, deriveNorms, parseNormTable, type CohortMember } from '../../../scoring/index.ts';
import { demoInstrument, demoPolicy } from '../../support/fixtures.ts';

/** A deterministic cohort: grade 7 girls score 0..9 cycling, grade 7 boys 2..5, grade 8 only three students. */
function cohort(): CohortMember[] {
  const members: CohortMember[] = [];
  for (let i = 0; i < 60; i++) members.push({ grade: 7, sex: 'female', scales: { total: i % 10, mood: null } });
  for (let i = 0; i < 40; i++) members.push({ grade: 7, sex: 'male', scales: { total: 2 + (i % 4), mood: 1 } });
  for (let i = 0; i < 3; i++) members.push({ grade: 8, sex: 'male', scales: { total: 5, mood: 1 } });
  return members;
}

const request = {
  instrument: demoInstrument(), bySex: true, minGroupSize: 30, id: 'demo-local', version: '1.0.0',
  name: { 'zh-CN': '本地常模', en: 'Local norms' }, date: '2026-11-22', from: 'grade 7 wave 2026',
};

describe('local norms', () => {
  it('derives n, mean, SD and mid-rank percentiles per grade × sex, as a valid norm table', () => {
    const outcome = deriveNorms({ ...request, cohort: cohort() });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { table } = outcome.value;
    expect(parseNormTable(table).ok).toBe(true);
    const girls = table.scales.total?.find((g) => g.group.sex === 'female');
    const girlScores = Array.from({ length: 60 }, (_, i) => i % 10);
    expect(girls).toMatchObject({ group: { grades: [7], sex: 'female' }, n: 60, mean: 4.5 });
    expect(girls?.sd).toBeCloseTo(sampleStandardDeviation(girlScores), 3);
    // each score 0..9 held by 6 of 60: raw 0 → (0 + 3)/60 = 5 %, raw 9 → (54 + 3)/60 = 95 %
    expect(girls?.percentiles?.[0]).toEqual({ raw: 0, percentile: 5 });
    expect(girls?.percentiles?.at(-1)).toEqual({ raw: 9, percentile: 95 });
    expect(table.derived).toEqual({ n: 103, date: '2026-11-22', from: 'grade 7 wave 2026', minGroupSize: 30 });
  });

  it('refuses groups below the minimum by name and skips unscorable scores', () => {
    const outcome = deriveNorms({ ...request, cohort: cohort() });
    if (!outcome.ok) throw new Error('expected norms');
    const refused = outcome.value.refused.map((found) => found.params?.group);
    expect(refused).toContain('total: grade 8, male');
    expect(refused).toContain('total: grade 7, female'.replace('total', 'mood'));
    expect(outcome.value.refused.find((f) => f.params?.group === 'total: grade 8, male')?.params).toMatchObject({ n: 3, minimum: 30 });
    // mood for boys: every score is 1, no spread → refused rather than a zero SD
    expect(outcome.value.refused.find((f) => f.params?.group === 'mood: grade 7, male')?.code).toBe('norm_group_no_spread');
  });

  it('refuses outright when no group is large enough', () => {
    const outcome = deriveNorms({ ...request, cohort: cohort(), minGroupSize: 500 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]).toMatchObject({ code: 'no_norm_group_large_enough', params: { minimum: 500 } });
  });

  it('pools grades into bands, and the derived table scores new students', () => {
    const outcome = deriveNorms({ ...request, cohort: cohort(), gradeGroups: [[7, 8, 9]], bySex: false, minGroupSize: 50 });
    if (!outcome.ok) throw new Error('expected norms');
    const group = outcome.value.table.scales.total?.[0];
    const pooled = cohort().map((m) => m.scales.total ?? 0);
    expect(group).toMatchObject({ group: { grades: [7, 8, 9], sex: 'any' }, n: 103 });
    expect(group?.mean).toBeCloseTo(mean(pooled), 3);
    const engine = compileBattery({ instruments: [demoInstrument()], norms: [outcome.value.table], policy: demoPolicy() });
    const scored = engine.score({ respondent: { id: 'x', grade: 9, sex: 'male' }, answers: { demomood_1: 1, demomood_2: 2, demomood_3: 1, demomood_4: 2, demomood_5: 0 } });
    if (!scored.ok) throw new Error('expected a score');
    const norm = scored.value.instruments[0]?.scales[0]?.norm;
    const sorted = [...pooled].sort((a, b) => a - b);
    expect(norm?.percentileMethod).toBe('table');
    expect(norm?.table).toBe('demo-local@1.0.0');
    // raw 4 sits near the pooled median
    expect(Math.abs((norm?.percentile ?? 0) - 50)).toBeLessThan(15);
    expect(quantileSorted(sorted, 0.5)).toBe(4);
  });
});
