import { describe, expect, it } from 'vitest';
import type { BatteryResult } from '../../scoring/index.ts';
import { demoInstrument, demoNorms, demoPlan, demoPolicy } from '../support/fixtures.ts';
import { cli, tempFiles } from './harness.ts';

const files = tempFiles({ 'instrument.json': demoInstrument(), 'norms.json': demoNorms(), 'policy.json': demoPolicy(), 'plan.json': demoPlan() });
const line = (value: unknown) => JSON.stringify(value);

describe('psyscreen score', () => {
  const responses = [
    line({ id: 'a', grade: 8, sex: 'female', answers: { demomood_1: 2, demomood_2: 1, demomood_3: 1, demomood_4: 2, demomood_5: 0 } }),
    line({ id: 'b', grade: 8, sex: 'male', answers: { demomood_1: 0, demomood_2: 3, demomood_3: 0, demomood_4: 3, demomood_5: 1, demomood_6: 0 }, seconds: { demomood_1: 3 } }),
    '{ not json',
    line({ id: 'c', grade: 8, sex: 'f', answers: {} }),
    '',
    line({ id: 'd', grade: 8, sex: 'male', answers: { demomood_1: 7 } }),
    line({ id: 'e', grade: 9, sex: 'male', answers: { demomood_1: 3, demomood_2: 0, demomood_3: 3, demomood_4: 1, demomood_5: 0 } }),
  ].join('\n');

  it('scores every good line, reports bad ones by line number, and exits 2', () => {
    const run = cli(['score', '--instrument', files['instrument.json']!, '--norms', files['norms.json']!, '--policy', files['policy.json']!, '-'], { stdin: responses });
    expect(run.code).toBe(2);
    const results = run.out.map((text) => JSON.parse(text) as BatteryResult);
    expect(results.map((r) => [r.respondent.id, r.tier, r.flags.urgent])).toEqual([['a', 'medium', false], ['b', 'high', true], ['e', 'high', false]]);
    expect(results[0]?.instruments[0]?.scales[0]).toMatchObject({ id: 'total', raw: 6, band: 'some', norm: { t: 60, group: 'grades 7-9, female' } });
    expect(run.err).toEqual([
      expect.stringMatching(/^line 3: \(root\): This line is not valid JSON/),
      'line 4: sex: Value "f" is not accepted; allowed: "male" | "female".',
      'line 6: answers.demomood_1: Answer 7 to item "demomood_1" is not one of its options (0, 1, 2, 3).',
    ]);
  });

  it('scores a whole battery from a plan, choosing the grade band', () => {
    const run = cli(['score', '--plan', files['plan.json']!, '-'], {
      stdin: [line({ id: 'j', grade: 7, sex: 'female', answers: { demomood_5: 0 } }), line({ id: 'v', grade: 11, sex: 'male', track: 'vocational', answers: { demomood_5: 0 } }), line({ id: 'x', grade: 11, sex: 'male', answers: {} })].join('\n'),
    });
    expect(run.code).toBe(2);
    const results = run.out.map((text) => JSON.parse(text) as BatteryResult);
    expect(results.map((r) => r.used)).toEqual([
      { policy: 'demo-policy@1.0.0', norms: ['demo-norms@1.0.0'], plan: 'demo-plan@1.0.0', gradeBand: 'junior' },
      { policy: 'demo-policy@1.0.0', norms: [], plan: 'demo-plan@1.0.0', gradeBand: 'vocational' },
    ]);
    expect(run.err).toEqual(['line 3: respondent.grade: The plan has no grade band for grade 11 (general).']);
  });

  it('exits 1 with a usage message when definitions are missing or unusable', () => {
    expect(cli(['score', '-']).code).toBe(1);
    const run = cli(['score', '--instrument', files['norms.json']!, '-']);
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain('kind');
    expect(cli(['score', '--plan', files['plan.json']!, '--policy', files['policy.json']!]).code).toBe(1);
    expect(cli(['score', '--bogus']).err[0]).toMatch(/Unknown option '--bogus'/);
  });
});
