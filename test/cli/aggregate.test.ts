import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAggregate, publishAggregate, type Aggregate } from '../../scoring/index.ts';
import { exactSchool, shippedPlan, unwrap } from '../scoring/aggregate/cohort.ts';
import { cli, tempFiles } from './harness.ts';

const publishedSchool = (code: string, seed: number, sizes: Record<string, number>, plan = shippedPlan()) =>
  unwrap(publishAggregate(exactSchool({ code, seed, sizes, plan })));

const a = publishedSchool('3301060001', 1, { '7/male': 30, '7/female': 28, '8/male': 3, '8/female': 25, '9/male': 33, '9/female': 31 });
const b = publishedSchool('3301060002', 2, { '4/male': 20, '4/female': 18, '5/male': 22, '5/female': 19 });
const c = publishedSchool('3301070003', 3, { '10/male': 40, '10/female': 44 });
const nextYear = publishedSchool('3301060004', 4, { '7/male': 20 }, { ...structuredClone(shippedPlan()), schoolYear: '2027-2028' });
const files = tempFiles({
  'a.psyagg': a, 'b.psyagg': b, 'c.psyagg': c, 'a-again.psyagg': a, 'next-year.psyagg': nextYear,
  'damaged.psyagg': JSON.stringify(a).slice(0, 500),
  'exact.psyagg': exactSchool({ code: '3301060005', seed: 5, sizes: { '7/male': 20 } }),
});
const path = (name: string): string => files[name] ?? name;

describe('psyscreen aggregate merge', () => {
  it('prints the merged file on stdout, the same whatever the order of the files', () => {
    const run = cli(['aggregate', 'merge', path('a.psyagg'), path('b.psyagg'), path('c.psyagg')]);
    expect(run.code).toBe(0);
    const merged = parseAggregate(JSON.parse(run.out.join('\n')));
    expect(merged.ok).toBe(true);
    const value = merged.ok ? merged.value : ({} as Aggregate);
    expect(value.provenance.schools.map((school) => school.code)).toEqual(['3301060001', '3301060002', '3301070003']);
    expect(run.err).toEqual([
      `3 file(s) unsigned, so there is no way to tell whether they were changed after they were sent: ${path('a.psyagg')}, ${path('b.psyagg')}, ${path('c.psyagg')}`,
      'Merged 3 file(s): 3 school(s).',
    ]);
    const reordered = cli(['aggregate', 'merge', path('c.psyagg'), path('a.psyagg'), path('b.psyagg')]);
    expect(reordered.out).toEqual(run.out);
  });

  it('stamps the result for the next level when asked', () => {
    const run = cli(['aggregate', 'merge', '--level', 'county', '--code', '330106', '--name', '西湖区教育局', path('a.psyagg'), path('b.psyagg')]);
    expect(run.code).toBe(0);
    const merged = JSON.parse(run.out.join('\n')) as Aggregate;
    expect(merged.provenance.stamps).toEqual([{ level: 'county', code: '330106', name: '西湖区教育局', created: '2026-11-22' }]);
    expect(cli(['aggregate', 'merge', '--level', 'school', '--code', '1', '--name', 'x', path('a.psyagg')]).code).toBe(1);
    expect(cli(['aggregate', 'merge', '--level', 'county', path('a.psyagg')]).code).toBe(1); // --code and --name missing
  });

  it('refuses the same school twice and a file from another year, writing nothing', () => {
    const run = cli(['aggregate', 'merge', path('a.psyagg'), path('b.psyagg'), path('a-again.psyagg'), path('next-year.psyagg')]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([
      `${path('a-again.psyagg')}: provenance.schools[0].code: School School 3301060001 (3301060001) is already included; it cannot be merged twice.`,
      `${path('next-year.psyagg')}: schoolYear: Different school years (2026-2027 and 2027-2028); they cannot be merged.`,
      '2 file(s) could not be merged; nothing was written.',
    ]);
  });

  it('speaks Chinese when LANG says so', () => {
    const run = cli(['aggregate', 'merge', path('a.psyagg'), path('a-again.psyagg')], { locale: 'zh-CN' });
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe(`${path('a-again.psyagg')}: provenance.schools[0].code: 学校 School 3301060001（3301060001）已经计入，不能重复合并。`);
    expect(run.err[1]).toBe('1 个文件未能合并，未输出任何结果。');
  });

  it('names a damaged file, a missing file and a file of the other stage', () => {
    const damaged = cli(['aggregate', 'merge', path('a.psyagg'), path('damaged.psyagg')]);
    expect(damaged.code).toBe(1);
    expect(damaged.err[0]).toMatch(new RegExp(`^${path('damaged.psyagg')}: \\(root\\): The file is not valid JSON`));
    const missing = cli(['aggregate', 'merge', path('a.psyagg'), '/nonexistent/x.psyagg']);
    expect(missing.err[0]).toBe('/nonexistent/x.psyagg: cannot read the file (ENOENT)');
    const mixed = cli(['aggregate', 'merge', path('a.psyagg'), path('exact.psyagg')]);
    expect(mixed.err[0]).toBe(`${path('exact.psyagg')}: stage: An exact file cannot be merged with a published one (published and exact). Publish the exact file first.`);
    expect(cli(['aggregate', 'merge']).code).toBe(1);
  });
});

describe('psyscreen aggregate table', () => {
  it('prints one CSV row per group and instrument, suppressed cells empty with a note', () => {
    const run = cli(['aggregate', 'table', path('a.psyagg')]);
    expect(run.code).toBe(0);
    const [header, ...rows] = run.out;
    expect(header).toBe('scope,schools,instrument,grade,sex,roster,completed,declined,invalid,results_n,low,medium,high,urgent,participation_rate,high_rate,high_ci_low,high_ci_high,medium_rate,urgent_rate,note');
    expect(rows.every((row) => row.split(',').length === 21)).toBe(true);
    expect(rows).toContain('3301060001,1,battery,8,male,,,,,,,,,,,,,,,,suppressed:primary');
    const school = rows.find((row) => row.startsWith('3301060001,1,battery,all,all,'));
    const margin = a.margins.find((m) => m.grade === 'all' && m.sex === 'all');
    expect(school?.split(',').slice(5, 8)).toEqual([String(margin?.roster), String(margin?.completed), String(margin?.declined)]);
    expect(rows.some((row) => row.startsWith('3301060001,1,phq9@1.0.0,9,female,,'))).toBe(true);
  });

  it('labels a merged file as merged and counts its schools', () => {
    const merged = cli(['aggregate', 'merge', path('a.psyagg'), path('b.psyagg')]);
    const file = tempFiles({ 'county.psyagg': merged.out.join('\n') })['county.psyagg'] ?? '';
    const run = cli(['aggregate', 'table', file]);
    expect(run.code).toBe(0);
    expect(run.out.slice(1).every((row) => row.startsWith('merged,2,'))).toBe(true);
    expect(run.out.some((row) => /,partial:\d+$/.test(row) || /,results-partial:\d+$/.test(row))).toBe(true);
  });

  it('exits 1 for a damaged file or a missing argument', () => {
    expect(cli(['aggregate', 'table', path('damaged.psyagg')]).code).toBe(1);
    expect(cli(['aggregate', 'table']).code).toBe(1);
    expect(cli(['aggregate']).code).toBe(1);
  });
});

describe('psyscreen aggregate followup', () => {
  const demo = JSON.parse(readFileSync('public/demo/demo-county.json', 'utf8')) as { years: { files: { name: string; aggregate: Aggregate }[] }[] };
  const withFollowUp = demo.years[2]!.files.map((file) => file.aggregate).filter((file) => (file.followUp?.rates.length ?? 0) >= 3).slice(0, 2);
  const more = tempFiles({
    'f1.psyagg': withFollowUp[0]!, 'f2.psyagg': withFollowUp[1]!,
    'v1.psyagg': readFileSync('test/fixtures/aggregate/school-v1.psyagg', 'utf8'),
  });

  it('prints one row per measure with its rate, Wilson interval and who withheld it; merged files add count and of', () => {
    const run = cli(['aggregate', 'followup', more['f1.psyagg']!]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('scope,schools,measure,count,of,rate,ci_low,ci_high,flagged,withheld_by');
    expect(run.out.slice(1).map((line) => line.split(',')[2])).toEqual(['interviewed', 'parentsInformed', 'referred', 'within7Days', 'closed']);
    const first = withFollowUp[0]!.followUp!.rates[0]!;
    const row = run.out.slice(1).find((line) => line.split(',')[2] === first.measure)!.split(',');
    expect([Number(row[3]), Number(row[4]), Number(row[5])]).toEqual([first.count, first.of, Number((first.count / first.of).toFixed(4))]);
    const merged = cli(['aggregate', 'merge', more['f1.psyagg']!, more['f2.psyagg']!, more['v1.psyagg']!]);
    expect(merged.code).toBe(0);
    const value = JSON.parse(merged.out.join('\n')) as Aggregate;
    expect(value.version).toBe(2);
    expect(value.followUp?.flagged).toBe(withFollowUp[0]!.followUp!.flagged + withFollowUp[1]!.followUp!.flagged);
  });

  it('prints the header only, and says why, for a version 1 file', () => {
    const run = cli(['aggregate', 'followup', more['v1.psyagg']!]);
    expect(run.code).toBe(0);
    expect(run.out).toEqual(['scope,schools,measure,count,of,rate,ci_low,ci_high,flagged,withheld_by']);
    expect(run.err.join(' ')).toContain('no follow-up counts');
  });
});

