import { describe, expect, it } from 'vitest';
import { funnelPosition, tableRows } from '../../scoring/index.ts';
import { admitFiles } from '../../src/bureau/admit.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import { funnelOf } from '../../src/bureau/funnel.ts';
import { funnelGeometry, niceTicks } from '../../src/bureau/funnelGeometry.ts';
import { groupRows, measuresOf } from '../../src/bureau/groupRows.ts';
import { unitRows } from '../../src/bureau/unitRows.ts';
import { rateChange, yearOverYear } from '../../src/bureau/yearOverYear.ts';
import { incoming, nextYearPlan, publishedSchool, schoolA, schoolB, schoolC } from './support.ts';

const sizes = { '7/male': 40, '7/female': 40, '8/male': 38, '8/female': 36 };
/** Eight ordinary junior schools and one whose students answer far more distressed. */
const county = [
  ...Array.from({ length: 8 }, (_, i) => publishedSchool({ code: `33010600${String(i + 10)}`, seed: 100 + i, sizes })),
  publishedSchool({ code: '3301060099', seed: 99, sizes, distress: 3 }),
];
const loaded = admitFiles(EMPTY_SET, county.map((file, i) => incoming(`school-${i}.psyagg`, file))).set;
const units = unitRows(loaded.files);

describe('units of the dashboard', () => {
  it('gives each school its participation and tier rates from its own file', () => {
    const [a] = unitRows(admitFiles(EMPTY_SET, [incoming('a.psyagg', schoolA)]).set.files);
    const total = tableRows(schoolA).find((row) => row.instrument === 'battery' && row.grade === 'all' && row.sex === 'all');
    expect(a).toMatchObject({ code: '3301060001', name: 'School 3301060001', level: 'school', schools: 1, counties: ['330106'], file: 'a.psyagg' });
    expect(a?.completed).toBe(total?.completed);
    expect(a?.high).toEqual(total?.high);
    // grade 8 boys (3 students) are suppressed: participation is complete, results leave them out
    expect(a?.note).toMatch(/^results-partial:\d+$/);
    expect(a?.resultsN).toBeLessThan(a?.completed ?? 0);
  });

  it('shows suppressed groups as suppressed, never as 0, in the merged group tables', () => {
    const merged = admitFiles(EMPTY_SET, [incoming('a.psyagg', schoolA), incoming('b.psyagg', schoolB), incoming('c.psyagg', schoolC)]).set.merged!;
    const groups = groupRows(merged);
    const boys8 = groups.cells.find((row) => row.grade === 8 && row.sex === 'male');
    expect(boys8).toMatchObject({ note: 'suppressed:primary' });
    expect(boys8?.completed).toBeUndefined();
    expect(boys8?.high).toBeUndefined();
    expect(groups.byGrade.map((row) => row.grade)).toEqual([4, 5, 7, 8, 9, 'all']);
    expect(groups.bySex.map((row) => row.sex)).toEqual(['male', 'female', 'all']);
    expect(measuresOf(merged)).toEqual(['battery', 'asq@1.0.0', 'gad7@1.0.0', 'k10@1.0.0', 'phq9@1.0.0']);
    expect(groupRows(merged, 'k10@1.0.0').byGrade.map((row) => row.grade)).toContain(4);
  });
});

describe('the funnel plot', () => {
  const funnel = funnelOf(units, 'high');
  if (!funnel) throw new Error('no funnel');

  it('pools the rate over the schools and places each with the core\'s funnel limits', () => {
    expect(funnel.n).toBe(units.reduce((sum, unit) => sum + (unit.high?.n ?? 0), 0));
    expect(funnel.rate).toBeCloseTo(funnel.count / funnel.n, 12);
    for (const point of funnel.points) expect(point.position).toBe(funnelPosition(point.count, point.n, funnel.rate));
    expect(funnel.limits.every((limit, i, all) => i === 0 || limit.n > (all[i - 1]?.n ?? 0))).toBe(true);
  });

  it('lists the distressed school above the 99.8 % limit, and no ordinary one', () => {
    expect(funnel.above.map((point) => point.code)).toEqual(['3301060099']);
    expect(funnel.unplotted).toEqual([]);
  });

  it('draws axes with round ticks that cover every point', () => {
    const geometry = funnelGeometry(funnel);
    expect(geometry.xTicks.at(-1)).toBeGreaterThanOrEqual(Math.max(...funnel.points.map((point) => point.n)));
    expect(geometry.yTicks.at(-1)).toBeGreaterThanOrEqual(Math.max(...funnel.points.map((point) => point.rate)));
    expect(geometry.paths.upper998).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.-]+)+$/);
    expect(niceTicks(0.23)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25]);
    expect(niceTicks(1234, 6)).toEqual([0, 500, 1000, 1500]);
  });
});

describe('year over year', () => {
  it('gives Newcombe\'s hybrid score interval for a difference of proportions (Newcombe 1998, table II)', () => {
    const a = rateChange({ count: 48, n: 80 }, { count: 56, n: 70 });
    expect(a?.difference).toBeCloseTo(0.2, 10);
    expect(a?.interval.low).toBeCloseTo(0.0524, 4);
    expect(a?.interval.high).toBeCloseTo(0.3339, 4);
    expect(a?.direction).toBe('up');
    const b = rateChange({ count: 3, n: 10 }, { count: 9, n: 10 });
    expect(b?.interval.low).toBeCloseTo(0.1705, 4);
    expect(b?.interval.high).toBeCloseTo(0.809, 3);
    expect(rateChange({ count: 5, n: 100 }, { count: 6, n: 100 })?.direction).toBe('same');
    expect(rateChange({ count: 0, n: 0 }, { count: 1, n: 10 })).toBeUndefined();
  });

  it('matches the same schools by code across two years and leaves the others out', () => {
    const later = [
      publishedSchool({ code: '3301060010', seed: 500, sizes, plan: nextYearPlan() }),
      publishedSchool({ code: '3301060099', seed: 501, sizes, plan: nextYearPlan() }),
      publishedSchool({ code: '3301060777', seed: 502, sizes, plan: nextYearPlan() }),
    ];
    const laterUnits = unitRows(admitFiles(EMPTY_SET, later.map((file, i) => incoming(`later-${i}.psyagg`, file))).set.files);
    // the later year may be loaded as either set: the earlier year is the one that sorts first
    const yoy = yearOverYear({ year: '2027-2028', units: laterUnits }, { year: '2026-2027', units }, 'high');
    expect([yoy.earlierYear, yoy.laterYear]).toEqual(['2026-2027', '2027-2028']);
    expect(yoy.rows.map((row) => row.code)).toEqual(['3301060010', '3301060099']);
    expect(yoy.onlyLater).toEqual(['3301060777']);
    expect(yoy.onlyEarlier).toHaveLength(7);
    const distressed = yoy.rows.find((row) => row.code === '3301060099');
    // a distressed school one year, an ordinary one the next: its high-risk rate fell clearly
    expect(distressed?.change?.direction).toBe('down');
    expect(distressed?.change?.difference).toBeCloseTo((distressed?.later?.rate ?? 0) - (distressed?.earlier?.rate ?? 0), 12);
  });
});
