import { describe, expect, it } from 'vitest';
import { parseNormTable, parseTierPolicy, type Issue } from '../../../scoring/index.ts';
import { demoNorms, demoPolicy, mutate } from '../../support/fixtures.ts';

const codesAndPaths = (issues: readonly Issue[]) => issues.map((found) => ({ code: found.code, path: found.path.join('.') }));

describe('norm table schema', () => {
  it('accepts a valid table', () => expect(parseNormTable(demoNorms()).ok).toBe(true));

  const malformed: [string, (d: Record<string, any>) => void, { code: string; path: string }][] = [
    ['overlapping groups', (d) => { d.scales.total[2].group.grades = [9, 10]; }, { code: 'norm_groups_overlap', path: 'scales.total.2.group' }],
    ['a zero SD', (d) => { d.scales.total[0].sd = 0; }, { code: 'too_small', path: 'scales.total.0.sd' }],
    ['percentiles out of order', (d) => { d.scales.total[2].percentiles[2].percentile = 30; }, { code: 'percentiles_not_increasing', path: 'scales.total.2.percentiles.2' }],
    ['a percentile above 100', (d) => { d.scales.total[2].percentiles[3].percentile = 101; }, { code: 'too_big', path: 'scales.total.2.percentiles.3.percentile' }],
    ['an unknown sex', (d) => { d.scales.total[0].group.sex = 'f'; }, { code: 'not_allowed', path: 'scales.total.0.group.sex' }],
    ['grade 13', (d) => { d.scales.total[0].group.grades = [13]; }, { code: 'too_big', path: 'scales.total.0.group.grades.0' }],
    ['both source and derivation', (d) => { d.derived = { n: 10, date: '2026-11-01', from: 'x', minGroupSize: 5 }; }, { code: 'norms_need_one_origin', path: '' }],
    ['neither source nor derivation', (d) => { delete d.source; }, { code: 'norms_need_one_origin', path: '' }],
    ['an impossible derivation date', (d) => { delete d.source; d.derived = { n: 10, date: '2026-02-30', from: 'x', minGroupSize: 5 }; }, { code: 'impossible_date', path: 'derived.date' }],
  ];
  it.each(malformed)('rejects %s', (_label, change, expected) => {
    const parsed = parseNormTable(mutate(demoNorms(), change));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(codesAndPaths(parsed.issues)).toContainEqual(expected);
  });
});

describe('tier policy schema', () => {
  it('accepts a valid policy', () => expect(parseTierPolicy(demoPolicy()).ok).toBe(true));

  const malformed: [string, (d: Record<string, any>) => void, { code: string; path: string }][] = [
    ['a rule without bounds', (d) => { delete d.rules[0].gte; }, { code: 'rule_without_bounds', path: 'rules.0' }],
    ['an empty range', (d) => { d.rules[1].lt = 5; }, { code: 'rule_empty_range', path: 'rules.1' }],
    ['ranges of two tiers that overlap', (d) => { d.rules[1].lt = 10; }, { code: 'rules_overlap', path: 'rules.1' }],
    ['a rule for the low tier', (d) => { d.rules[0].tier = 'low'; }, { code: 'not_allowed', path: 'rules.0.tier' }],
    ['inclusive max written as "lte"', (d) => { d.rules[1].lte = 8; }, { code: 'unknown_key', path: 'rules.1.lte' }],
    ['an unknown measure', (d) => { d.rules[0].measure = 'z'; }, { code: 'not_allowed', path: 'rules.0.measure' }],
    ['a band rule without bands', (d) => { d.rules[0] = { id: 'b', tier: 'high', instrument: 'x', scale: 'total', measure: 'band', bands: [] }; }, { code: 'too_few', path: 'rules.0.bands' }],
    ['duplicate rule ids', (d) => { d.rules[1].id = d.rules[0].id; }, { code: 'duplicate_id', path: 'rules.1.id' }],
    ['missing validity settings', (d) => { delete d.validity; }, { code: 'required', path: 'validity' }],
  ];
  it.each(malformed)('rejects %s', (_label, change, expected) => {
    const parsed = parseTierPolicy(mutate(demoPolicy(), change));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(codesAndPaths(parsed.issues)).toContainEqual(expected);
  });

  it('allows the same range for the same tier twice (redundant, not contradictory)', () => {
    const policy = mutate(demoPolicy(), (d) => { d.rules.push({ ...d.rules[0], id: 'again' }); });
    expect(parseTierPolicy(policy).ok).toBe(true);
  });
});
