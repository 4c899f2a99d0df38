import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAggregate, mergeAggregates, publishAggregate, stampAggregate, type Aggregate } from '../../../scoring/index.ts';
import { exactSchool, unwrap } from './cohort.ts';

/**
 * A pool of real school aggregates (shipped battery, real scoring), varied in size and shape: small
 * rural schools with suppressed cells, big ones, a vocational school, a primary school.
 */
const specs = [
  { code: '3301060001', seed: 1, sizes: { '7/male': 22, '7/female': 25, '8/male': 3, '8/female': 19 } },
  { code: '3301060002', seed: 2, sizes: { '4/male': 6, '4/female': 2, '5/male': 9, '5/female': 8, '6/male': 11, '6/female': 7 } },
  { code: '3301060003', seed: 3, sizes: { '7/male': 40, '7/female': 38, '8/male': 35, '8/female': 41, '9/male': 30, '9/female': 33 } },
  { code: '3301060004', seed: 4, sizes: { '10/male': 12, '10/female': 4, '11/male': 15 }, vocational: true },
  { code: '3301060005', seed: 5, sizes: { '9/female': 7, '9/male': 1 }, distress: 2 },
  { code: '3301070006', seed: 6, county: '330107', sizes: { '4/female': 12, '5/female': 13, '7/male': 6, '7/female': 5 } },
];
const exact = specs.map(exactSchool);
const published = exact.map((file) => unwrap(publishAggregate(file)));

const merge = (a: Aggregate, b: Aggregate): Aggregate => unwrap(mergeAggregates(a, b));
const same = (a: Aggregate, b: Aggregate): void => {
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
};

/** Three different schools' files, in any order; sometimes one is itself a merge of two others. */
function triple(files: readonly Aggregate[]) {
  return fc.shuffledSubarray([...files.keys()], { minLength: 3, maxLength: 3 }).map((picked) => picked.map((i) => files[i] as Aggregate));
}

describe.each([
  ['exact', exact, 'exact'],
  ['published', published, 'published'],
] as const)('merging %s files', (_name, files, stage) => {
  const empty = emptyAggregate({ schoolYear: '2026-2027', stage });

  it('is commutative', () => {
    fc.assert(fc.property(triple(files), ([a, b]) => {
      same(merge(a!, b!), merge(b!, a!));
    }), { numRuns: 30, seed: 1 });
  });

  it('is associative', () => {
    fc.assert(fc.property(triple(files), ([a, b, c]) => {
      same(merge(merge(a!, b!), c!), merge(a!, merge(b!, c!)));
    }), { numRuns: 30, seed: 2 });
  });

  it('has the empty aggregate as identity', () => {
    fc.assert(fc.property(fc.constantFrom(...files), (a) => {
      same(merge(empty, a), a);
      same(merge(a, empty), a);
    }), { numRuns: 10, seed: 3 });
  });

  it('stays lawful with bureau stamps on merged files', () => {
    const stamp = (file: Aggregate, code: string) => unwrap(stampAggregate(file, { level: 'county', code, name: `Bureau ${code}`, created: '2026-12-01' }));
    fc.assert(fc.property(triple(files), ([a, b, c]) => {
      const county1 = stamp(merge(a!, b!), '330106');
      const county2 = stamp(c!, '330107');
      same(merge(county1, county2), merge(county2, county1));
      same(merge(merge(county1, empty), county2), merge(county1, merge(empty, county2)));
    }), { numRuns: 15, seed: 4 });
  });

  it('adds every count exactly and keeps every school in the provenance', () => {
    const all = files.reduce(merge, empty);
    expect(all.provenance.schools.map((school) => school.code)).toEqual(specs.map((spec) => spec.code));
    const sum = (pick: (file: Aggregate) => number) => files.reduce((total, file) => total + pick(file), 0);
    const cellsCompleted = (file: Aggregate) => file.cells.reduce((total, cell) => total + cell.completed, 0);
    expect(cellsCompleted(all)).toBe(sum(cellsCompleted));
    const highs = (file: Aggregate) => file.cells.reduce((total, cell) => total + cell.tiers.high, 0);
    expect(highs(all)).toBe(sum(highs));
    expect(all.suppressed.length).toBe(sum((file) => file.suppressed.length));
  });
});

describe('merged published files', () => {
  it('keep the published totals exact while cells some school suppressed are marked as incomplete', () => {
    const county = published.reduce(merge, emptyAggregate({ schoolYear: '2026-2027' }));
    const grand = (file: Aggregate) => file.margins.find((m) => m.grade === 'all' && m.sex === 'all')?.completed ?? 0;
    expect(grand(county)).toBe(published.reduce((total, file) => total + grand(file), 0));
    expect(grand(county)).toBe(exact.reduce((total, file) => total + file.cells.reduce((s, c) => s + c.completed, 0), 0));
    // grade 8 boys: the first school's 3 were suppressed, so the county's count lacks them and says so
    const boys8 = county.cells.find((cell) => cell.grade === 8 && cell.sex === 'male');
    const truth = exact.reduce((total, file) => total + (file.cells.find((c) => c.grade === 8 && c.sex === 'male')?.completed ?? 0), 0);
    expect(boys8?.completed ?? 0).toBeLessThan(truth);
    expect(county.suppressed).toContainEqual({ by: '3301060001', grade: 8, sex: 'male', reason: 'primary' });
  });

  it('need no second suppression: every known count is a sum of counts of 0 or at least k', () => {
    const county = published.reduce(merge, emptyAggregate({ schoolYear: '2026-2027' }));
    for (const group of [...county.cells, ...county.margins]) expect(group.completed === 0 || group.completed >= county.k).toBe(true);
  });
});
