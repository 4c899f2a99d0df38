import { describe, expect, it } from 'vitest';
import { parseNormTable, type NormTable } from '../../scoring/index.ts';
import { demoInstrument, demoPolicy } from '../support/fixtures.ts';
import { cli, tempFiles } from './harness.ts';

describe('psyscreen norms derive', () => {
  // 80 grade-7 students: answers cycle so totals spread over 0..12; 10 grade-8 students
  const responses = Array.from({ length: 90 }, (_, i) => JSON.stringify({
    id: `s${i}`, grade: i < 80 ? 7 : 8, sex: i % 2 === 0 ? 'female' : 'male',
    answers: { demomood_1: i % 4, demomood_2: 3 - ((i >> 2) % 4), demomood_3: (i >> 1) % 4, demomood_4: 3 - (i % 3), demomood_5: 0 },
  })).join('\n');
  const files = tempFiles({ 'instrument.json': demoInstrument(), 'policy.json': demoPolicy(), 'responses.jsonl': responses });

  it('derives a valid norm table from scored results and names the groups it refused', () => {
    const scored = cli(['score', '--instrument', files['instrument.json']!, '--policy', files['policy.json']!, files['responses.jsonl']!]);
    expect(scored.code).toBe(0);
    const results = tempFiles({ 'results.jsonl': scored.out.join('\n') });
    const run = cli(['norms', 'derive', '--instrument', files['instrument.json']!, '--min-n', '30', '--id', 'demo-school', results['results.jsonl']!]);
    expect(run.code).toBe(0);
    const table = JSON.parse(run.out.join('\n')) as NormTable;
    expect(parseNormTable(table).ok).toBe(true);
    expect(table.id).toBe('demo-school');
    expect(table.scales.total?.map((group) => [group.group.grades, group.n])).toEqual([[[7], 80]]);
    expect(run.err).toContain(`${results['results.jsonl']}: total: grade 8, any has only 10 students, fewer than the minimum 30; no norm is derived for it.`);
  });

  it('rejects a bad --grades value and lines that are not results', () => {
    const bad = tempFiles({ 'results.jsonl': '{"hello": 1}' });
    expect(cli(['norms', 'derive', '--instrument', files['instrument.json']!, '--grades', '7-', bad['results.jsonl']!]).code).toBe(1);
    const run = cli(['norms', 'derive', '--instrument', files['instrument.json']!, bad['results.jsonl']!]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('line 1: not a result line as psyscreen score prints them');
  });
});
