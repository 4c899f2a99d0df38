import { describe, expect, it } from 'vitest';
import { formatIssueWithPath, parseAggregate, parseAggregateText, publishAggregate, type Aggregate } from '../../../scoring/index.ts';
import { mutate } from '../../support/fixtures.ts';
import { exactSchool, shippedPlan, unwrap } from './cohort.ts';

const exact = exactSchool({ code: '3301060001', seed: 8, sizes: { '7/male': 30, '7/female': 28, '8/male': 3, '8/female': 25, '9/male': 33, '9/female': 31 } });
const published = unwrap(publishAggregate(exact));

/** [code, path] of every issue, for a damaged copy of a real file. */
function problems(file: Aggregate, change: (copy: Record<string, any>) => void): [string, string][] {
  const outcome = parseAggregate(mutate(file, change));
  return outcome.ok ? [] : outcome.issues.map((found) => [found.code, formatIssueWithPath(found, 'en').split(':')[0] ?? '']);
}

describe('reading a .psyagg file', () => {
  it('accepts the real files it wrote', () => {
    expect(parseAggregate(JSON.parse(JSON.stringify(exact))).ok).toBe(true);
    expect(parseAggregate(JSON.parse(JSON.stringify(published))).ok).toBe(true);
  });

  it('says so plainly when the file is damaged, of another kind or of a newer version', () => {
    const text = JSON.stringify(published);
    const cut = parseAggregateText(text.slice(0, text.length / 2));
    expect(cut.ok ? '' : cut.issues[0]?.code).toBe('json_syntax');
    const plan = parseAggregate(shippedPlan());
    expect(plan.ok ? [] : plan.issues).toEqual([{ code: 'not_an_aggregate', path: ['format'], params: { received: 'missing' } }]);
    expect(problems(published, (copy) => { copy.version = 3; })).toEqual([['aggregate_version_unsupported', 'version']]);
  });

  it('names the JSON path of a field of the wrong shape', () => {
    expect(problems(published, (copy) => {
      copy.cells[0].tiers.high = -1;
      copy.cells[0].extra = true;
      copy.provenance.schools[0].created = '22/11/2026';
    })).toEqual(expect.arrayContaining([
      ['too_small', 'cells[0].tiers.high'],
      ['unknown_key', 'cells[0].extra'],
      ['bad_timestamp', 'provenance.schools[0].created'],
    ]));
  });

  it('checks that counts add up', () => {
    expect(problems(exact, (copy) => { copy.cells[0].tiers.low += 1; })).toEqual([['tiers_do_not_sum', 'cells[0].tiers']]);
    expect(problems(exact, (copy) => { copy.cells[0].roster = 1; })).toEqual([['completed_exceeds_roster', 'cells[0].roster']]);
    expect(problems(exact, (copy) => { copy.cells[0].urgent = copy.cells[0].tiers.high + 1; })).toEqual([['urgent_exceeds_high', 'cells[0].urgent']]);
    expect(problems(exact, (copy) => { copy.cells[0].invalid = copy.cells[0].completed + 1; })).toEqual([['invalid_exceeds_completed', 'cells[0].invalid']]);
    expect(problems(exact, (copy) => {
      const scale = copy.cells[0].instruments.find((s: { instrument: string }) => s.instrument.startsWith('phq9@')).scales[0];
      const key = Object.keys(scale.histogram)[0] as string;
      scale.histogram[key] += 1;
    })).toEqual([['histogram_does_not_sum', 'cells[0].instruments[2].scales[0].scored'], ['band_does_not_match_histogram', 'cells[0].instruments[2].scales[0].bands[0].count']]);
  });

  it('refuses a histogram key that is not a number written plainly', () => {
    expect(problems(exact, (copy) => {
      const histogram = copy.cells[0].instruments[2].scales[0].histogram;
      const [key] = Object.keys(histogram) as [string];
      histogram[`0${key}`] = histogram[key];
      delete histogram[key];
    })).toEqual([expect.arrayContaining(['histogram_bad_key'])]);
  });

  it('refuses a school listed twice and two hashes for one instrument version', () => {
    expect(problems(published, (copy) => { copy.provenance.schools.push(copy.provenance.schools[0]); })).toEqual([['duplicate_school', 'provenance.schools[1].code']]);
    expect(problems(published, (copy) => { copy.instruments.push(copy.instruments[0].replace(/#.*/, `#${'a'.repeat(64)}`)); }))
      .toEqual([['instrument_hash_conflict', 'instruments[4]']]);
  });

  it('refuses a published file that shows a small group, a small bin or a suppressed cell', () => {
    expect(problems(published, (copy) => { copy.margins[0].completed = 3; copy.margins[0].roster = 3; copy.margins[0].declined = 0; }))
      .toEqual(expect.arrayContaining([['group_below_k', 'margins[0].completed']]));
    expect(problems(published, (copy) => {
      const scale = copy.cells[0].instruments[2].scales[0];
      scale.histogram = { ...scale.histogram, 27: 1 };
      scale.scored += 1;
      scale.bands.at(-1).count += 1;
    })).toEqual([['bin_below_k', 'cells[0].instruments[2].scales[0].histogram["27"]']]);
    const hidden = published.suppressed.find((entry) => entry.instrument === undefined && entry.grade !== 'all' && entry.sex !== 'all');
    expect(hidden).toBeDefined();
    expect(problems(published, (copy) => { copy.cells.push({ ...exact.cells.find((cell) => cell.grade === hidden?.grade && cell.sex === hidden.sex) }); }))
      .toEqual(expect.arrayContaining([['suppressed_but_published', `suppressed[${published.suppressed.indexOf(hidden!)}]`]]));
  });

  it('refuses suppression records in an exact file and totals that do not add up', () => {
    expect(problems(exact, (copy) => { copy.margins = published.margins; })).toEqual([['exact_with_suppression', 'margins']]);
    expect(problems(published, (copy) => {
      const total = copy.margins.find((m: any) => m.grade === 7 && m.sex === 'all');
      total.roster += 1;
    })).toEqual([]); // grade 7 cells are suppressed in this school, so its total cannot be checked against them
    const open = unwrap(publishAggregate(exactSchool({ code: '3301060002', seed: 9, sizes: { '7/male': 30, '7/female': 28 } })));
    expect(problems(open, (copy) => { copy.margins[0].declined += 1; copy.margins[0].roster += 1; }))
      .toEqual([['margin_mismatch', 'margins[0].roster'], ['margin_mismatch', 'margins[0].declined']]);
  });
});
