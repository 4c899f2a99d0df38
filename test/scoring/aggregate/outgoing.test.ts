import { describe, expect, it } from 'vitest';
import { describeOutgoing, formatOutgoing, publishAggregate, tableRows, type JsonPath } from '../../../scoring/index.ts';
import { exactSchool, unwrap } from './cohort.ts';

const exact = exactSchool({ code: '3301060001', seed: 12, sizes: { '7/male': 30, '7/female': 28, '8/male': 3, '8/female': 25, '9/male': 33, '9/female': 31 } });
const published = unwrap(publishAggregate(exact));

/** Every leaf of a JSON value with its path (an empty list or object holds nothing to describe). */
function leaves(value: unknown, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [path];
}
const startsWith = (path: JsonPath, prefix: JsonPath) => prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);

describe('what will leave the school', () => {
  const lines = describeOutgoing(published);

  it('accounts for every value in the file', () => {
    const described = lines.map((line) => line.path).filter((path) => path.length > 0);
    const header = ['format', 'version', 'stage', 'schoolYear', 'k']; // stated by the overview line
    const missed = leaves(published).filter((leaf) => !header.includes(String(leaf[0])) && !described.some((path) => startsWith(leaf, path)));
    expect(missed).toEqual([]);
  });

  it('states each suppression with its reason, and that nothing personal is included', () => {
    const en = lines.map((line) => formatOutgoing(line, 'en'));
    expect(en).toContain('grade 8, boys: fewer than 5 students; none of its numbers leave the school.');
    expect(en.filter((text) => text.endsWith('so that a small group cannot be worked out from the totals.')).length).toBeGreaterThanOrEqual(2);
    expect(en.at(-1)).toBe('The file holds no names, student codes, birth dates or classes, and no row about any one student.');
    const zh = lines.map((line) => formatOutgoing(line, 'zh-CN'));
    expect(zh).toContain('8 年级男生：不足 5 人，所有数字均不外发。');
    for (const text of [...en, ...zh]) expect(text).not.toMatch(/\{\w+\}/);
  });

  it('warns when the file is the exact one', () => {
    expect(describeOutgoing(exact).map((line) => line.code)).toContain('outgoing_exact_warning');
    expect(lines.map((line) => line.code)).not.toContain('outgoing_exact_warning');
  });
});

describe('table rows', () => {
  const rows = tableRows(published);

  it('show suppressed cells as such, and totals whose results leave some cells out', () => {
    const boys8 = rows.find((row) => row.instrument === 'battery' && row.grade === 8 && row.sex === 'male');
    expect(boys8).toEqual({ scope: '3301060001', schools: 1, instrument: 'battery', grade: 8, sex: 'male', note: 'suppressed:primary' });
    const school = rows.find((row) => row.instrument === 'battery' && row.grade === 'all' && row.sex === 'all');
    expect(school?.completed).toBe(exact.cells.reduce((sum, cell) => sum + cell.completed, 0));
    expect(school?.note).toMatch(/^results-partial:\d+$/);
  });

  it('give rates with Wilson intervals over the published counts', () => {
    for (const row of rows.filter((r) => r.high !== undefined)) {
      expect(row.high?.n).toBe(row.tiers ? row.tiers.low + row.tiers.medium + row.tiers.high : undefined);
      if (row.high?.interval && row.high.rate !== undefined) {
        expect(row.high.interval.low).toBeLessThanOrEqual(row.high.rate);
        expect(row.high.interval.high).toBeGreaterThanOrEqual(row.high.rate);
      }
    }
    expect(rows.some((row) => row.instrument === 'phq9@1.0.0' && row.grade === 'all' && row.sex === 'all')).toBe(true);
  });
});
