import { describe, expect, it } from 'vitest';
import { exactSchool, unwrap } from '../scoring/aggregate/cohort.ts';
import { mergeAll, emptyAggregate } from '../../scoring/index.ts';
import { admitFile, admitFiles, removeFile } from '../../src/bureau/admit.ts';
import { describeIssue } from '../../src/issueMessages.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import { incoming, nextYearPlan, publishedSchool, schoolA, schoolB, schoolC } from './support.ts';

const codes = (report: { accepted: boolean; issues?: readonly { code: string }[] }) => (report.accepted ? [] : (report.issues ?? []).map((found) => found.code));

describe('loading schools\' files in the bureau', () => {
  const loaded = admitFiles(EMPTY_SET, [incoming('a.psyagg', schoolA), incoming('b.psyagg', schoolB), incoming('c.psyagg', schoolC)]);

  it('accepts published files and keeps their exact sum', () => {
    expect(loaded.reports.map((report) => report.accepted)).toEqual([true, true, true]);
    expect(loaded.set.files.map((file) => file.name)).toEqual(['a.psyagg', 'b.psyagg', 'c.psyagg']);
    const expected = unwrap(mergeAll([schoolA, schoolB, schoolC], emptyAggregate({ schoolYear: '2026-2027' })));
    expect(loaded.set.merged).toEqual(expected);
  });

  it('refuses a duplicate school, naming both files, and changes nothing', () => {
    const again = admitFile(loaded.set, incoming('a-copy.psyagg', schoolA));
    expect(again.set).toBe(loaded.set);
    expect(codes(again.report)).toEqual(['bureau_duplicate_school']);
    const message = again.report.accepted ? '' : describeIssue(again.report.issues[0]!, 'en');
    expect(message).toBe('School School 3301060001 (3301060001) in the file "a-copy.psyagg" is already loaded from "a.psyagg"; the file was not loaded again.');
    expect(again.report.accepted ? '' : describeIssue(again.report.issues[0]!, 'zh-CN')).toBe('文件“a-copy.psyagg”中的学校 School 3301060001（3301060001）已经由“a.psyagg”载入，未重复载入。');
  });

  it('refuses a damaged file, a file of another kind and a newer format, naming the file', () => {
    const text = JSON.stringify(schoolA);
    const damaged = admitFile(loaded.set, incoming('cut.psyagg', text.slice(0, text.length / 2)));
    expect(damaged.set).toBe(loaded.set);
    expect(codes(damaged.report)).toEqual(['bureau_file_damaged', 'json_syntax']);
    expect(damaged.report.accepted ? '' : describeIssue(damaged.report.issues[0]!, 'en')).toBe('The file "cut.psyagg" is damaged or incomplete and was not loaded. Ask the sender to export it again.');
    const edited = admitFile(loaded.set, incoming('edited.psyagg', { ...schoolA, cells: schoolA.cells.map((cell) => ({ ...cell, completed: cell.completed + 1000 })) }));
    expect(codes(edited.report)[0]).toBe('bureau_file_damaged');
    expect(codes(edited.report).length).toBeGreaterThan(1);
    expect(codes(admitFile(EMPTY_SET, incoming('plan.json', '{"kind":"plan"}')).report)).toEqual(['bureau_not_an_aggregate']);
    expect(codes(admitFile(EMPTY_SET, incoming('new.psyagg', JSON.stringify({ ...schoolA, version: 9 }))).report)).toEqual(['bureau_version_unsupported']);
  });

  it('refuses a file of another school year, another county (when set), another k, and a school\'s exact file', () => {
    const later = publishedSchool({ code: '3301060009', seed: 9, sizes: { '7/male': 20, '7/female': 20 }, plan: nextYearPlan() });
    const wrongYear = admitFile(loaded.set, incoming('2027.psyagg', later));
    expect(codes(wrongYear.report)).toEqual(['bureau_wrong_year']);
    expect(wrongYear.report.accepted ? '' : describeIssue(wrongYear.report.issues[0]!, 'en')).toContain('is for school year 2027-2028, but the files already loaded are for 2026-2027');

    const elsewhere = publishedSchool({ code: '3301070001', seed: 7, sizes: { '7/male': 20, '7/female': 20 }, county: '330107' });
    expect(codes(admitFile(loaded.set, incoming('x.psyagg', elsewhere), { county: '330106' }).report)).toEqual(['bureau_wrong_county']);
    expect(admitFile(loaded.set, incoming('x.psyagg', elsewhere)).report.accepted).toBe(true);
    expect(codes(admitFile(EMPTY_SET, incoming('a.psyagg', schoolA), { county: '330107' }).report)).toEqual(['bureau_wrong_county']);

    const higherK = publishedSchool({ code: '3301060008', seed: 8, sizes: { '7/male': 20, '7/female': 20 }, k: 10 });
    expect(codes(admitFile(loaded.set, incoming('k10.psyagg', higherK)).report)).toEqual(['bureau_k_mismatch']);

    const exact = exactSchool({ code: '3301060007', seed: 7, sizes: { '7/male': 20 } });
    expect(codes(admitFile(EMPTY_SET, incoming('exact.psyagg', exact)).report)).toEqual(['bureau_exact_file']);
  });

  it('refuses an instrument whose content differs under the same id@version', () => {
    const [ref] = schoolB.instruments;
    const forged = ref!.replace(/#[0-9a-f]{64}$/, `#${'0'.repeat(64)}`);
    const tampered = JSON.parse(JSON.stringify(schoolB).replaceAll(ref!, forged)) as typeof schoolB;
    const other = { ...tampered, provenance: { ...tampered.provenance, schools: [{ ...tampered.provenance.schools[0]!, code: '3301060005' }] }, suppressed: tampered.suppressed.map((entry) => ({ ...entry, by: '3301060005' })) };
    expect(codes(admitFile(loaded.set, incoming('forged.psyagg', other)).report)).toEqual(['bureau_instrument_conflict']);
  });

  it('checks each file of a batch against the files before it, so a batch can refuse its own duplicate', () => {
    const batch = admitFiles(EMPTY_SET, [incoming('a.psyagg', schoolA), incoming('junk.psyagg', 'not json'), incoming('a2.psyagg', schoolA), incoming('b.psyagg', schoolB)]);
    expect(batch.reports.map((report) => report.accepted)).toEqual([true, false, false, true]);
    expect(batch.set.files.map((file) => file.name)).toEqual(['a.psyagg', 'b.psyagg']);
  });

  it('refuses a comparison file of the same year as the current files', () => {
    expect(codes(admitFile(EMPTY_SET, incoming('a.psyagg', schoolA), { otherYear: '2026-2027' }).report)).toEqual(['bureau_same_year_comparison']);
    expect(admitFile(EMPTY_SET, incoming('a.psyagg', schoolA), { otherYear: '2027-2028' }).report.accepted).toBe(true);
  });

  it('removes a file by merging the others again', () => {
    const [first] = loaded.set.files;
    const without = removeFile(loaded.set, first!.id);
    expect(without.files.map((file) => file.name)).toEqual(['b.psyagg', 'c.psyagg']);
    expect(without.merged).toEqual(unwrap(mergeAll([schoolB, schoolC], emptyAggregate({ schoolYear: '2026-2027' }))));
    expect(removeFile(removeFile(without, without.files[0]!.id), without.files[1]!.id)).toEqual(EMPTY_SET);
  });
});
