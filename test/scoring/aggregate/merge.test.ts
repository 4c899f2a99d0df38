import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  emptyAggregate, levelOf, mergeAggregates, mergeAll, parseAggregate, producerOf, publishAggregate, refOf, stampAggregate, type Aggregate, type Plan,
} from '../../../scoring/index.ts';
import { exactSchool, shippedPlan, unwrap } from './cohort.ts';

const published = (code: string, seed: number, plan?: Plan) =>
  unwrap(publishAggregate(exactSchool({ code, seed, sizes: { '7/male': 20, '7/female': 22 }, ...(plan ? { plan } : {}) })));

/** The shipped plan with PHQ-9 1.0.0 edited in place: same id and version, different content and hash. */
function planWithEditedPhq9(): Plan {
  const plan = structuredClone(shippedPlan());
  const phq = plan.instruments.find((def) => def.id === 'phq9');
  if (!phq) throw new Error('no PHQ-9');
  const before = refOf(phq);
  phq.name = { ...phq.name, en: `${phq.name.en} (edited)` };
  for (const band of plan.gradeBands) band.instruments = band.instruments.map((ref) => (ref === before ? refOf(phq) : ref));
  return plan;
}

const codes = (outcome: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }) =>
  (outcome.ok ? [] : (outcome.issues ?? []).map((found) => [found.code, found.path.join('.')]));

describe('merging refuses what cannot be added', () => {
  const a = published('3301060001', 1);
  const b = published('3301060002', 2);

  it('the same school twice', () => {
    const ab = unwrap(mergeAggregates(a, b));
    expect(codes(mergeAggregates(ab, a))).toEqual([['aggregate_duplicate_school', 'provenance.schools.0.code']]);
    expect(codes(mergeAggregates(a, published('3301060001', 9)))).toEqual([['aggregate_duplicate_school', 'provenance.schools.0.code']]);
  });

  it('two different definitions published under the same instrument version', () => {
    const edited = published('3301060003', 3, planWithEditedPhq9());
    const outcome = mergeAggregates(a, edited);
    expect(codes(outcome)).toEqual([['aggregate_instrument_conflict', 'instruments.3']]);
    expect(outcome.ok ? {} : outcome.issues[0]?.params).toMatchObject({ instrument: 'phq9@1.0.0' });
  });

  it('files of another school year, another k, or exact with published', () => {
    const nextYear = { ...structuredClone(shippedPlan()), schoolYear: '2027-2028' };
    expect(codes(mergeAggregates(a, published('3301060004', 4, nextYear)))).toEqual([['aggregate_year_mismatch', 'schoolYear']]);
    const strict = unwrap(publishAggregate(exactSchool({ code: '3301060005', seed: 5, sizes: { '7/male': 20 } }), { k: 10 }));
    expect(codes(mergeAggregates(a, strict))).toEqual([['aggregate_k_mismatch', 'k']]);
    const exact = exactSchool({ code: '3301060006', seed: 6, sizes: { '7/male': 20 } });
    expect(codes(mergeAggregates(a, exact))).toEqual([['aggregate_stage_mismatch', 'stage']]);
  });

  it('names the file that broke a long merge', () => {
    const outcome = mergeAll([a, b, a], emptyAggregate({ schoolYear: '2026-2027' }));
    expect(outcome.ok ? undefined : outcome.issues[0]?.params).toMatchObject({ file: 2, code: '3301060001' });
  });
});

describe('a merged file reads back', () => {
  it('with a school\'s small whole-band pool beside the exact scores other schools published in that band', () => {
    const demo = JSON.parse(readFileSync('public/demo/demo-county.json', 'utf8')) as { years: { files: { aggregate: Aggregate }[] }[] };
    const files = demo.years[2]?.files.map((file) => file.aggregate) ?? [];
    const county = unwrap(mergeAll(files, emptyAggregate({ schoolYear: files[0]?.schoolYear ?? '' })));
    const bandOf = (scale: Aggregate['cells'][number]['instruments'][number]['scales'][number], score: number) => scale.bands.findIndex((band) => score >= band.gte && (band.lt === undefined || score < band.lt));
    const besideExact = county.cells.flatMap((cell) => cell.instruments.flatMap((summary) => summary.scales.flatMap((scale) => scale.pooled
      .filter((bin) => bin.count < county.k && Object.keys(scale.histogram).some((key) => bandOf(scale, Number(key)) === bandOf(scale, bin.from))))));
    expect(besideExact.length).toBeGreaterThan(0); // the case this test is about occurs
    const reread = parseAggregate(JSON.parse(JSON.stringify(county)));
    expect(reread.ok ? [] : reread.issues).toEqual([]);
  });
});

describe('stamps and levels', () => {
  const a = published('3301060001', 1);
  const b = published('3301060002', 2);

  it('a school file is issued by its school; a stamped merge by the bureau', () => {
    expect(levelOf(a)).toBe('school');
    expect(producerOf(a)).toMatchObject({ level: 'school', code: '3301060001' });
    const merged = unwrap(mergeAggregates(a, b));
    expect(producerOf(merged)).toBeUndefined();
    const county = unwrap(stampAggregate(merged, { level: 'county', code: '330106', name: '西湖区教育局', created: '2026-12-01T09:00:00+08:00' }));
    expect(levelOf(county)).toBe('county');
    expect(producerOf(county)).toMatchObject({ code: '330106' });
    expect(county.provenance.schools.map((school) => school.code)).toEqual(['3301060001', '3301060002']);
    expect(codes(stampAggregate(unwrap(stampAggregate(county, { level: 'city', code: '3301', name: '杭州市教育局', created: '2026-12-05' })), { level: 'county', code: '330107', name: 'X', created: '2026-12-06' })))
      .toEqual([['stamp_below_level', 'stamp.level']]);
    expect(codes(stampAggregate(merged, { level: 'county', code: '330 106', name: 'X', created: '2026-12-06' }))).toEqual([['bad_code', 'stamp.code']]);
  });
});

describe('publishing a merged exact file', () => {
  it('needs a producer, and suppresses the county table as it would a school', () => {
    const one = exactSchool({ code: '3301060001', seed: 1, sizes: { '7/male': 3, '7/female': 20, '8/male': 22, '8/female': 25, '9/male': 10, '9/female': 12 } });
    const two = exactSchool({ code: '3301060002', seed: 2, sizes: { '7/female': 30, '8/male': 20, '8/female': 1 } });
    const merged = unwrap(mergeAggregates(one, two));
    expect(codes(publishAggregate(merged))).toEqual([['publish_needs_producer', '']]);
    const county = unwrap(stampAggregate(merged, { level: 'county', code: '330106', name: '西湖区教育局', created: '2026-12-01' }));
    const out = unwrap(publishAggregate(county));
    // the county's grade 7 boys are the first school's 3: still fewer than k, so still suppressed
    expect(out.suppressed).toContainEqual({ by: '330106', grade: 7, sex: 'male', reason: 'primary' });
    // the county's grade 8 girls (25 + 1) are not small, although one school's part was
    expect(out.cells.find((cell) => cell.grade === 8 && cell.sex === 'female')?.roster).toBe(26);
  });
});
