import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupKey, groupTable, publishAggregate, suppressionPattern, unprotectedGroups,
  type Aggregate, type Sex, type SuppressionReason,
} from '../../../scoring/index.ts';
import { feasibleValues, knowledgeOf } from './attacker.ts';
import { exactSchool, unwrap } from './cohort.ts';

/** Completed counts per cell, as a table (the only count suppression is decided on). */
const tableOf = (completed: Record<string, number>) => groupTable(Object.entries(completed).map(([key, count]) => {
  const [grade, sex] = key.split('/');
  return { grade: Number(grade), sex: sex as Sex, completed: count };
}));

const linesSafe = (hidden: ReadonlyMap<string, SuppressionReason>, table: ReturnType<typeof tableOf>) => {
  const rows = table.grades.map((grade) => [`${grade}/male`, `${grade}/female`, `${grade}/all`]);
  const columns = (['male', 'female', 'all'] as const).map((sex) => [...table.grades.map((grade) => `${grade}/${sex}`), `all/${sex}`]);
  const totalRow = ['all/male', 'all/female', 'all/all'];
  return [...rows, ...columns, totalRow].every((line) => line.filter((key) => hidden.has(key)).length !== 1);
};

/** A real school (shipped battery, real scoring) whose grade 8 has only three boys. */
function smallGroupSchool(): { exact: Aggregate; published: Aggregate } {
  const exact = exactSchool({ code: '3301060001', seed: 11, sizes: { '7/male': 14, '7/female': 13, '8/male': 3, '8/female': 12, '9/male': 9, '9/female': 11 } });
  return { exact, published: unwrap(publishAggregate(exact)) };
}

describe('small-cell suppression', () => {
  it('suppresses a group of fewer than k and enough others that no line gives it away', () => {
    const { exact, published } = smallGroupSchool();
    const boys8 = exact.cells.find((cell) => cell.grade === 8 && cell.sex === 'male');
    expect(boys8?.completed).toBeGreaterThan(0);
    expect(boys8?.completed).toBeLessThan(5);
    expect(published.suppressed).toContainEqual({ by: '3301060001', grade: 8, sex: 'male', reason: 'primary' });
    expect(published.suppressed.filter((entry) => entry.reason === 'complementary').length).toBeGreaterThanOrEqual(2);
    expect(published.cells.some((cell) => cell.grade === 8 && cell.sex === 'male')).toBe(false);
    expect(JSON.stringify(published)).not.toContain('"grade":8,"sex":"male","roster"');
  });

  it('an attacker who tries every filling consistent with the published counts cannot pin down any suppressed group', () => {
    const { exact, published } = smallGroupSchool();
    const { table, hidden } = knowledgeOf(published);
    const cap = [...table.counts.values()].reduce((sum, count) => sum + count, 0);
    const possible = feasibleValues(table, hidden, published.k, cap);
    expect(possible.size).toBe(hidden.size);
    for (const [key, values] of possible) {
      const truth = key.endsWith('/all') || key.startsWith('all/') ? undefined : exact.cells.find((cell) => groupKey(cell) === key)?.completed;
      expect(values.size, `${key} has only ${[...values].join(',')}`).toBeGreaterThanOrEqual(2);
      if (truth !== undefined) expect(values.has(truth)).toBe(true); // the attacker's model is right, just not sharp
    }
  });

  it('subtracting a published cell from its grade total does not recover a suppressed one', () => {
    const { published } = smallGroupSchool();
    const margin = published.margins.find((m) => m.grade === 8 && m.sex === 'all');
    const girls = published.cells.find((cell) => cell.grade === 8 && cell.sex === 'female');
    // either the other cell of the row is hidden too, or the row total is: never one unknown in a line
    expect(margin === undefined || girls === undefined).toBe(true);
  });

  it('never leaves exactly one suppressed group in a row, column or total line, on random schools', () => {
    const cell = fc.nat(30);
    fc.assert(fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), fc.integer({ min: 5, max: 8 }), (rows, k) => {
      const completed: Record<string, number> = {};
      rows.forEach(([boys, girls], index) => {
        completed[`${index + 4}/male`] = boys;
        completed[`${index + 4}/female`] = girls;
      });
      const table = tableOf(completed);
      const hidden = suppressionPattern(table, k);
      expect(linesSafe(hidden, table)).toBe(true);
      expect(unprotectedGroups(table, hidden, k)).toEqual([]);
      for (const [key, count] of table.counts) {
        if (count > 0 && count < k) expect(hidden.get(key)).toBe('primary');
        if (hidden.get(key) === 'complementary') expect(count).toBeGreaterThanOrEqual(k);
      }
    }), { numRuns: 300, seed: 20261122 });
  });

  it('the audit is exact: a suppressed count is flagged if and only if brute force finds it has one possible value', () => {
    const k = 3;
    const cell = fc.nat(6);
    fc.assert(fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 2 }), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), (rows, coins) => {
      const completed: Record<string, number> = {};
      rows.forEach(([boys, girls], index) => {
        completed[`${index + 7}/male`] = boys;
        completed[`${index + 7}/female`] = girls;
      });
      const table = tableOf(completed);
      // any hiding at all, as long as reasons are truthful: small counts primary, big ones complementary
      const hidden = new Map<string, SuppressionReason>();
      table.groups.forEach((group, index) => {
        const count = table.counts.get(groupKey(group)) ?? 0;
        if (count > 0 && count < k) hidden.set(groupKey(group), 'primary');
        else if (count >= k && coins[index % coins.length]) hidden.set(groupKey(group), 'complementary');
      });
      const cap = Math.max(...table.counts.values()) + 1;
      const brute = feasibleValues(table, hidden, k, cap);
      const pinnedByBrute = [...brute].filter(([, values]) => values.size === 1).map(([key]) => key).sort();
      const pinnedByAudit = unprotectedGroups(table, hidden, k).map(groupKey).sort();
      expect(pinnedByAudit).toEqual(pinnedByBrute);
    }), { numRuns: 200, seed: 7 });
  });

  it('adds suppression when every line has two unknowns but the bounds still pin a count', () => {
    // 7/male = 4 and 8/female = 1 are primary; with 7/female and 8/male as the only complements the
    // bounds force 7/male = 4 (2x2 rectangle: 7/male = x, 8/female = x − 3, both in 1..4).
    const table = tableOf({ '7/male': 4, '7/female': 20, '8/male': 20, '8/female': 1 });
    const rectangle = new Map<string, SuppressionReason>([['7/male', 'primary'], ['8/female', 'primary'], ['7/female', 'complementary'], ['8/male', 'complementary']]);
    expect(linesSafe(rectangle, table)).toBe(true);
    expect(unprotectedGroups(table, rectangle, 5).map(groupKey).sort()).toEqual(['7/female', '7/male', '8/female', '8/male']);
    const hidden = suppressionPattern(table, 5);
    expect(hidden.size).toBeGreaterThan(4);
    expect(unprotectedGroups(table, hidden, 5)).toEqual([]);
    const possible = feasibleValues(table, hidden, 5, 60);
    for (const values of possible.values()) expect(values.size).toBeGreaterThanOrEqual(2);
  });

  it('publishes nothing below k anywhere: cells, totals, instruments, scales, histogram bins', () => {
    const { published } = smallGroupSchool();
    const k = published.k;
    for (const group of [...published.cells, ...published.margins]) expect(group.completed === 0 || group.completed >= k).toBe(true);
    for (const cell of published.cells) {
      for (const summary of cell.instruments) {
        expect(summary.completed === 0 || summary.completed >= k).toBe(true);
        for (const scale of summary.scales) {
          expect(Object.values(scale.histogram).every((count) => count >= k)).toBe(true);
          for (const bin of scale.pooled) {
            const wholeBand = scale.bands.some((band) => band.count === bin.count && bin.from === Math.max(band.gte, scale.min) && bin.to === Math.min(band.lt ?? scale.max, scale.max));
            expect(bin.count >= k || wholeBand).toBe(true);
          }
        }
      }
    }
  });
});

describe('k', () => {
  it('can be raised for a published copy but never lowered, and never set below 5', () => {
    const { exact } = smallGroupSchool();
    const raised = unwrap(publishAggregate(exact, { k: 10 }));
    expect(raised.k).toBe(10);
    expect(raised.cells.every((cell) => cell.completed === 0 || cell.completed >= 10)).toBe(true);
    const small = exact.cells.filter((cell) => cell.completed > 0 && cell.completed < 10).map(groupKey);
    expect(small.length).toBeGreaterThan(1);
    for (const key of small) expect(raised.suppressed).toContainEqual(expect.objectContaining({ ...keyToGroup(key), reason: 'primary', by: '3301060001' }));
    const lowered = publishAggregate({ ...exact, k: 8 }, { k: 6 });
    expect(lowered.ok ? [] : lowered.issues.map((i) => i.code)).toEqual(['k_lowered']);
    const four = exactSchoolOrIssues(4);
    expect(four).toEqual([{ code: 'too_small', path: ['k'], params: { minimum: 5, inclusive: 1 } }]);
  });

  it('a published file cannot be published again', () => {
    const { published } = smallGroupSchool();
    const again = publishAggregate(published);
    expect(again.ok ? [] : again.issues.map((i) => i.code)).toEqual(['already_published']);
  });
});

function keyToGroup(key: string) {
  const [grade, sex] = key.split('/');
  return { grade: Number(grade), sex };
}

function exactSchoolOrIssues(k: number) {
  try {
    exactSchool({ code: 'X1', seed: 1, k, sizes: { '7/male': 6 } });
    return [];
  } catch (error) {
    return JSON.parse((error as Error).message) as unknown;
  }
}
