import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAggregate, emptyAggregate, mergeAll, parseAggregate, publishAggregate, wilsonInterval, type Aggregate, type Plan } from '../../scoring/index.ts';
import { admitFiles } from '../../src/bureau/admit.ts';
import { readDemoCounty } from '../../src/bureau/demoCounty.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import { followUpOf } from '../../src/bureau/followUpRows.ts';
import { trendsOf } from '../../src/bureau/trends.ts';
import { unitRow } from '../../src/bureau/unitRows.ts';
import { admitByYear, yearsOf } from '../../src/bureau/yearSets.ts';
import { shippedPlan } from '../scoring/aggregate/cohort.ts';
import { demoCounty, demoParticipants } from './demoCountySpec.ts';
import { incoming, publishedSchool } from './support.ts';

const planOf = (first: number): Plan => ({ ...structuredClone(shippedPlan()), id: `demo-county-${first}`, schoolYear: `${first}-${first + 1}`, window: { opens: `${first}-09-01`, closes: `${first + 1}-06-30` } });
const sizes = { '10/male': 40, '10/female': 40, '11/male': 38, '11/female': 36 };
const schoolOf = (code: string, first: number, vocational = false) => publishedSchool({ code, seed: Number(code.slice(-2)) + first, sizes, plan: planOf(first), vocational });

describe('files of any number of years', () => {
  it('puts each file in the set of its year, refuses one of a year held elsewhere, and a refused file changes nothing', () => {
    const files = [2023, 2024, 2025].flatMap((first) => [incoming(`g-${first}`, schoolOf('3301060001', first)), incoming(`v-${first}`, schoolOf('3301060002', first, true))]);
    const { sets, reports } = admitByYear(new Map(), [...files, incoming('damaged', '{"format":'), incoming('again', schoolOf('3301060001', 2024))], { taken: ['2025-2026'] });
    expect([...sets.keys()].sort()).toEqual(['2023-2024', '2024-2025']);
    expect(sets.get('2023-2024')?.files.map((file) => file.name)).toEqual(['g-2023', 'v-2023']);
    expect(reports.filter((report) => !report.accepted).map((report) => (report.accepted ? '' : `${report.file}:${report.issues[0]?.code}`)))
      .toEqual(['g-2025:bureau_year_in_other_set', 'v-2025:bureau_year_in_other_set', 'damaged:bureau_file_damaged', 'again:bureau_duplicate_school']);
  });
});

describe('trends', () => {
  const years = [2023, 2024, 2025].map((first) => ({
    year: `${first}-${first + 1}`,
    set: admitFiles(EMPTY_SET, [incoming('g', schoolOf('3301060001', first)), incoming('v', schoolOf('3301060002', first, true)), ...(first === 2024 ? [] : [incoming('p', schoolOf('3301060003', first))])]).set,
  }));
  const list = [
    { code: '3301060001', name: 'G', type: 'senior' as const, district: 'X' },
    { code: '3301060002', name: 'V', type: 'vocational' as const, district: 'X' },
    { code: '3301060003', name: 'C', type: 'complete' as const, district: 'X' },
  ];

  it('gives the county rate of each year from its merged files, oldest first, with the change first to last', () => {
    const trends = trendsOf([...years].reverse(), 'high', list);
    expect(trends.years).toEqual(['2023-2024', '2024-2025', '2025-2026']);
    trends.county.points.forEach((point, index) => expect(point.estimate).toEqual(unitRow({ id: 'c', name: '', aggregate: years[index]!.set.merged! }).high));
    const first = trends.county.points[0]!.estimate!;
    const last = trends.county.points[2]!.estimate!;
    expect(trends.county.change?.difference).toBeCloseTo(last.count / last.n - first.count / first.n, 12);
  });

  it('splits 普通高中 and 中职 by the list\'s school types, each the exact merge of its schools', () => {
    const trends = trendsOf(years, 'high', list);
    expect(trends.tracks.map((series) => series.id)).toEqual(['general', 'vocational']);
    const vocational = trends.tracks[1]!.points.map((point) => point.estimate);
    expect(vocational).toEqual(years.map(({ set }) => unitRow(set.files.find((file) => file.name === 'v')!).high));
    const general = trends.tracks[0]!.points.map((point) => point.estimate?.n);
    const own = (year: number, name: string) => unitRow(years[year]!.set.files.find((file) => file.name === name)!).high?.n ?? 0;
    expect(general).toEqual([own(0, 'g') + own(0, 'p'), own(1, 'g'), own(2, 'g') + own(2, 'p')]);
    expect(trends.tracks[0]!.points[0]!.estimate!.interval).toEqual(wilsonInterval(trends.tracks[0]!.points[0]!.estimate!.count, general[0]!));
    // without a list there is no track split
    expect(trendsOf(years, 'high').tracks).toEqual([]);
  });

  it('matches each school across the years by code; a year it sent nothing is a gap, not a 0', () => {
    const trends = trendsOf(years, 'participation', list);
    const complete = trends.units.find((series) => series.id === '3301060003')!;
    expect(complete.points.map((point) => point.estimate === undefined)).toEqual([false, true, false]);
    expect(complete.change).toBeDefined();
  });
});

describe('the demo county', () => {
  const file = readDemoCounty(JSON.parse(readFileSync('public/demo/demo-county.json', 'utf8')));
  if (!file.ok) throw new Error(JSON.stringify(file.issues));
  const demo = file.value;

  it('holds 42 listed schools and three years of published files that every check admits', () => {
    expect(demo.list.schools).toHaveLength(42);
    expect(demo.years.map((year) => [year.schoolYear, year.files.length])).toEqual([['2024-2025', 40], ['2025-2026', 40], ['2026-2027', 38]]);
    const sets = admitByYear(new Map(), demo.years.flatMap((year) => year.files));
    expect(sets.reports.every((report) => report.accepted)).toBe(true);
    expect(yearsOf(sets.sets).map((entry) => entry.set.merged?.stage)).toEqual(['published', 'published', 'published']);
    expect(new Set(demo.list.schools.map((school) => school.type)).size).toBe(6);
  });

  it('has format-1 files in its first year and follow-up (format 2) after; the county rates add each school\'s published counts', () => {
    const versions = demo.years.map((year) => [...new Set(year.files.map((file) => (file.json as { version: number }).version))]);
    expect(versions).toEqual([[1], [2], [2]]);
    const newest = admitFiles(EMPTY_SET, demo.years[2]!.files).set;
    const view = followUpOf(newest.merged!)!;
    const within = view.rows.find((row) => row.measure === 'within7Days')!;
    const parts = newest.files.flatMap((file) => file.aggregate.followUp?.rates.filter((rate) => rate.measure === 'within7Days') ?? []);
    expect(within.rate).toMatchObject({ count: parts.reduce((sum, rate) => sum + rate.count, 0), n: parts.reduce((sum, rate) => sum + rate.of, 0) });
    expect(within.rate!.interval!.low).toBeLessThan(within.rate!.rate!);
    expect(view.highInCells).toBeGreaterThanOrEqual(within.flagged);
    expect(followUpOf(admitFiles(EMPTY_SET, demo.years[0]!.files).set.merged!)).toBeUndefined();
  });

  it('admits a year to exactly the canonical sum mergeAll gives (the import canonicalizes once, not per file), and admits files one at a time to the same', () => {
    const files = demo.years[1]!.files;
    const parsed = files.map((file) => { const read = parseAggregate(file.json); if (!read.ok) throw new Error('bad'); return read.value; });
    const expected = mergeAll(parsed, emptyAggregate({ schoolYear: '2025-2026' }));
    if (!expected.ok) throw new Error('merge failed');
    const { schools, ...counts } = { ...expected.value, schools: expected.value.provenance.schools.length };
    const admitted = admitFiles(EMPTY_SET, files).set.merged as Aggregate;
    expect(admitted).toEqual(expected.value);
    expect(schools).toBe(40);
    expect(counts.version).toBe(2);
    let oneByOne = EMPTY_SET;
    for (const file of files.slice(0, 6)) oneByOne = admitFiles(oneByOne, [file]).set;
    expect(oneByOne.merged).toEqual(admitFiles(EMPTY_SET, files.slice(0, 6)).set.merged);
  });

  it('is what the scoring engine and the publishing path give for its seeds (regenerated for two schools)', () => {
    const { reports } = demoCounty();
    for (const first of [2024, 2026]) {
      const spec = reports(first).find((report) => report.type === 'vocational')!;
      const plan = planOf(first);
      const built = buildAggregate({ school: spec.school, plan, created: `${first}-11-20T10:00:00+08:00`, participants: demoParticipants(spec, plan) });
      const published = built.ok ? publishAggregate(built.value) : built;
      const stored = demo.years.find((year) => year.schoolYear === plan.schoolYear)!.files.find((entry) => entry.name === `${spec.school.code}-${plan.schoolYear}.psyagg`);
      expect(published.ok && published.value).toEqual(stored?.json);
    }
  });
});
