import { describe, expect, it } from 'vitest';
import { parsePlan, type Issue } from '../../../scoring/index.ts';
import { demoPlan, mutate } from '../../support/fixtures.ts';

const codesAndPaths = (issues: readonly Issue[]) => issues.map((found) => ({ code: found.code, path: found.path.join('.') }));


describe('plan schema', () => {
  it('accepts a plan whose references resolve and whose hashes match', () => {
    const parsed = parsePlan(demoPlan());
    expect(parsed.ok ? 'ok' : parsed.issues).toBe('ok');
  });

  const malformed: [string, (d: Record<string, any>) => void, { code: string; path: string }][] = [
    ['an instrument changed after pinning', (d) => { d.instruments[0].items[0].text.en = 'Sad (edited)'; }, { code: 'ref_hash_mismatch', path: 'gradeBands.0.instruments.0' }],
    ['an instrument not in the plan', (d) => { d.gradeBands[0].instruments[0] = d.gradeBands[0].instruments[0].replace('demo-mood', 'phq9'); }, { code: 'unresolved_ref', path: 'gradeBands.0.instruments.0' }],
    ['an unpinned instrument reference', (d) => { d.gradeBands[0].instruments[0] = 'demo-mood@1.0.0'; }, { code: 'bad_pinned_ref', path: 'gradeBands.0.instruments.0' }],
    ['a missing policy', (d) => { d.gradeBands[0].policy = 'strict@1.0.0'; }, { code: 'unresolved_ref', path: 'gradeBands.0.policy' }],
    ['a missing norm table', (d) => { d.gradeBands[0].norms = ['k10-cn@1.0.0']; }, { code: 'unresolved_ref', path: 'gradeBands.0.norms.0' }],
    ['a grade in two bands', (d) => { d.gradeBands[1].grades = [9, 10]; delete d.gradeBands[1].track; }, { code: 'grade_in_two_bands', path: 'gradeBands.1.grades' }],
    ['a window that closes before it opens', (d) => { d.window.closes = '2026-08-01'; }, { code: 'window_inverted', path: 'window.closes' }],
    ['a bad school year', (d) => { d.schoolYear = '2026/27'; }, { code: 'bad_school_year', path: 'schoolYear' }],
    ['a policy rule naming a scale the instrument lacks', (d) => { d.policies[0].rules[0].scale = 'totl'; }, { code: 'policy_unknown_scale', path: 'gradeBands.0.policy' }],
    ['an error deep inside an embedded instrument', (d) => { d.instruments[0].items[3].optons = 'freq'; }, { code: 'unknown_key', path: 'instruments.0.items.3.optons' }],
  ];
  it.each(malformed)('rejects %s', (_label, change, expected) => {
    const parsed = parsePlan(mutate(demoPlan(), change));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(codesAndPaths(parsed.issues)).toContainEqual(expected);
  });

  it('lets the same grade be in a general and a vocational band', () => {
    const plan = mutate(demoPlan(), (d) => { d.gradeBands[0].grades = [7, 8, 9, 10]; });
    expect(parsePlan(plan).ok).toBe(true);
  });
});
