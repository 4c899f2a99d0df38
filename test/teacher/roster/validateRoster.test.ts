import { describe, expect, it } from 'vitest';
import { guessColumnMapping, validateRoster, type ColumnMapping, type SheetTable } from '../../../src/teacher/roster/index.ts';
import { tableOf } from './support.ts';

const TODAY = '2026-11-25';
const HEADER = '学号,姓名,性别,出生日期,年级,班级';

async function validate(lines: readonly string[], header = HEADER, mapping?: ColumnMapping) {
  const table = await tableOf([header, ...lines].join('\r\n'));
  return validateRoster(table, mapping ?? guessColumnMapping(table.header.cells), { today: TODAY });
}

/** The one error a roster produces: its code, path and parameters. */
async function onlyError(lines: readonly string[], header?: string) {
  const result = await validate(lines, header);
  if (result.ok) return expect.fail('expected the roster to be refused');
  expect(result.issues).toHaveLength(1);
  return result.issues[0];
}

async function warningsOf(lines: readonly string[], header?: string) {
  const result = await validate(lines, header);
  if (!result.ok) return expect.fail(JSON.stringify(result.issues));
  return result.value.warnings;
}

const GOOD = '20250101,陈梓涵,女,2012-09-14,八年级,1班';

describe('validating a roster', () => {
  it('imports good rows as typed students', async () => {
    const result = await validate([GOOD, '20250102,李浩宇,男,2013/1/8,初二,1班', 'Z1003,刘佳怡,女,20100930,中职一年级,数控(1)班']);
    expect(result).toEqual({
      ok: true,
      value: {
        warnings: [],
        students: [
          { rowNumber: 2, studentNumber: '20250101', name: '陈梓涵', sex: 'female', birthDate: '2012-09-14', grade: 8, className: '八年级(1)班' },
          { rowNumber: 3, studentNumber: '20250102', name: '李浩宇', sex: 'male', birthDate: '2013-01-08', grade: 8, className: '初二(1)班' },
          { rowNumber: 4, studentNumber: 'Z1003', name: '刘佳怡', sex: 'female', birthDate: '2010-09-30', grade: 10, className: '数控(1)班', track: 'vocational' },
        ],
      },
    });
  });

  it.each([
    ['name', '20250101,,女,2012-09-14,八年级,1班', '姓名'],
    ['student number', ',陈梓涵,女,2012-09-14,八年级,1班', '学号'],
    ['sex', '20250101,陈梓涵,,2012-09-14,八年级,1班', '性别'],
    ['grade', '20250101,陈梓涵,女,2012-09-14,,1班', '年级'],
    ['class', '20250101,陈梓涵,女,2012-09-14,八年级,', '班级'],
  ])('refuses a row without a %s, naming row and column', async (_what, line, column) => {
    expect(await onlyError([GOOD, line])).toEqual({ code: 'roster_value_missing', path: ['rows', 3, column], params: { row: 3, column, value: '' } });
  });

  it('reports every bad cell of a row at once, left to right', async () => {
    const result = await validate([',八,2013-02-30,未知,,20250101'], '班级,年级,出生日期,性别,姓名,学号');
    expect(result.ok ? [] : result.issues.map((found) => [found.code, found.path])).toEqual([
      ['roster_value_missing', ['rows', 2, '班级']],
      ['roster_grade_unreadable', ['rows', 2, '年级']],
      ['roster_date_impossible', ['rows', 2, '出生日期']],
      ['roster_sex_unknown', ['rows', 2, '性别']],
      ['roster_value_missing', ['rows', 2, '姓名']],
    ]);
  });

  it('refuses an unknown sex', async () => {
    expect(await onlyError([GOOD, '20250102,李浩宇,不详,2013-01-08,八年级,1班'])).toEqual({
      code: 'roster_sex_unknown', path: ['rows', 3, '性别'], params: { row: 3, column: '性别', value: '不详' },
    });
  });

  it('refuses a date that does not exist', async () => {
    expect(await onlyError([GOOD, '20250102,李浩宇,男,2013-02-30,八年级,1班'])).toEqual({
      code: 'roster_date_impossible', path: ['rows', 3, '出生日期'], params: { row: 3, column: '出生日期', value: '2013-02-30' },
    });
  });

  it('refuses a birth date in the future', async () => {
    expect(await onlyError([GOOD, '20250102,李浩宇,男,2027-01-08,八年级,1班'])).toEqual({
      code: 'roster_birth_date_in_future', path: ['rows', 3, '出生日期'], params: { row: 3, column: '出生日期', value: '2027-01-08', date: '2027-01-08', today: TODAY },
    });
  });

  it('refuses a birth date no student can have', async () => {
    expect(await onlyError(['20250102,李浩宇,男,1913-01-08,八年级,1班'])).toMatchObject({ code: 'roster_birth_date_implausible', path: ['rows', 2, '出生日期'], params: { age: 113 } });
  });

  it('refuses an unreadable grade and grades outside 4–12', async () => {
    expect(await onlyError(['20250102,李浩宇,男,2013-01-08,大二,1班'])).toMatchObject({ code: 'roster_grade_unreadable', path: ['rows', 2, '年级'], params: { value: '大二' } });
    expect(await onlyError([GOOD, '20250102,李浩宇,男,2018-01-08,二年级,1班'])).toEqual({
      code: 'roster_grade_out_of_range', path: ['rows', 3, '年级'], params: { row: 3, column: '年级', value: '二年级', grade: 2 },
    });
    expect(await onlyError(['20250102,李浩宇,男,2008-01-08,13,1班'])).toMatchObject({ code: 'roster_grade_out_of_range', path: ['rows', 2, '年级'], params: { grade: 13 } });
  });

  it('refuses duplicate student numbers at the repeat, naming the first row', async () => {
    expect(await onlyError([GOOD, '20250102,李浩宇,男,2013-01-08,八年级,1班', '20250101,王思远,男,2012-11-02,八年级,2班'])).toEqual({
      code: 'roster_student_number_duplicate', path: ['rows', 4, '学号'], params: { row: 4, column: '学号', value: '20250101', first: 2 },
    });
  });

  it('refuses duplicate national student ids', async () => {
    const header = `${HEADER},全国学籍号`;
    expect(await onlyError([`${GOOD},G1001`, '20250102,李浩宇,男,2013-01-08,八年级,1班,g1001'], header)).toEqual({
      code: 'roster_national_id_duplicate', path: ['rows', 3, '全国学籍号'], params: { row: 3, column: '全国学籍号', value: 'g1001', first: 2 },
    });
  });

  it('refuses one class name in two grades', async () => {
    expect(await onlyError(['20250101,陈梓涵,女,2012-09-14,八年级,实验班', '20220101,曹乐萱,女,2015-09-20,五年级,实验班'])).toEqual({
      code: 'roster_class_in_two_grades', path: ['rows', 3, '班级'],
      params: { row: 3, column: '班级', value: '实验班', className: '实验班', grade: 5, first: 2, firstGrade: 8 },
    });
  });

  it('refuses numbers that Excel turned into exponent form', async () => {
    expect(await onlyError(['1.10105E+17,陈梓涵,女,2012-09-14,八年级,1班'])).toMatchObject({ code: 'roster_number_in_exponent_form', path: ['rows', 2, '学号'] });
  });

  it('refuses vocational students below grade 10 and a grade that contradicts the track column', async () => {
    const header = `${HEADER},学段`;
    expect(await onlyError([`${GOOD},中职`], header)).toEqual({
      code: 'roster_vocational_grade', path: ['rows', 2, '学段'], params: { row: 2, column: '学段', value: '中职', grade: 8 },
    });
    expect(await onlyError(['Z1,刘佳怡,女,2010-09-30,中职一年级,1班,普通'], header)).toEqual({
      code: 'roster_track_conflict', path: ['rows', 2, '学段'], params: { row: 2, column: '学段', value: '普通', grade: '中职一年级' },
    });
    expect(await onlyError([`${GOOD},国际部`], header)).toMatchObject({ code: 'roster_track_unknown', path: ['rows', 2, '学段'] });
  });

  it('warns, without refusing, about an age that does not fit the grade', async () => {
    // On 1 Sept 2026 a grade-8 student is usually 13; 12 to 15 passes, 16 is worth a look.
    expect(await warningsOf(['20250101,陈梓涵,女,2014-08-31,八年级,1班', '20250102,李浩宇,男,2010-09-02,八年级,1班'])).toEqual([]);
    expect(await warningsOf([GOOD, '20250102,李浩宇,男,2010-08-31,八年级,1班', '20250103,王思远,男,2014-09-02,八年级,1班'])).toEqual([
      { code: 'roster_age_unusual_for_grade', path: ['rows', 3, '出生日期'], params: { row: 3, column: '出生日期', value: '2010-08-31', date: '2010-08-31', age: 16, usualAge: 13, grade: 8 } },
      { code: 'roster_age_unusual_for_grade', path: ['rows', 4, '出生日期'], params: { row: 4, column: '出生日期', value: '2014-09-02', date: '2014-09-02', age: 11, usualAge: 13, grade: 8 } },
    ]);
  });

  it('warns about two students of the same name in a class, and about missing birth dates', async () => {
    expect(await warningsOf([GOOD, '20250102,陈梓涵,女,,八年级,1班', '20250103,陈梓涵,女,2012-10-01,八年级,2班'])).toEqual([
      { code: 'roster_birth_date_missing', path: ['rows', 3, '出生日期'], params: { row: 3, column: '出生日期', value: '' } },
      { code: 'roster_same_name_in_class', path: ['rows', 3, '姓名'], params: { row: 3, column: '姓名', value: '陈梓涵', name: '陈梓涵', first: 2 } },
    ]);
    expect(await warningsOf(['20250101,陈梓涵,女,八年级,1班'], '学号,姓名,性别,年级,班级')).toEqual([{ code: 'roster_no_birth_date_column', path: ['columns', 'birthDate'] }]);
  });

  it('imports nothing when any row has an error, and lists all errors in sheet order', async () => {
    const result = await validate([GOOD, '20250101,李浩宇,男,2013-01-08,八年级,1班', '20250103,王思远,男,2013-02-30,八年级,1班']);
    expect(result).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({ code: 'roster_student_number_duplicate', path: ['rows', 3, '学号'] }),
        expect.objectContaining({ code: 'roster_date_impossible', path: ['rows', 4, '出生日期'] }),
      ],
    });
  });

  it('refuses a mapping without a required column, or with one column chosen twice', async () => {
    const table = await tableOf(`学号,姓名\r\n001,陈梓涵\r\n`);
    const missing = validateRoster(table, guessColumnMapping(table.header.cells), { today: TODAY });
    expect(missing.ok ? [] : missing.issues.map((found) => [found.code, found.path])).toEqual([
      ['roster_column_missing', ['columns', 'grade']],
      ['roster_column_missing', ['columns', 'className']],
      ['roster_column_missing', ['columns', 'sex']],
    ]);
    const twice = validateRoster(table, { studentNumber: 0, name: 1, grade: 1, className: 1, sex: 1 }, { today: TODAY });
    expect(twice.ok ? undefined : twice.issues[0]).toEqual({
      code: 'roster_column_used_twice', path: ['columns', 'grade'], params: { column: '姓名', fieldZh: '年级', fieldEn: 'grade', otherZh: '姓名', otherEn: 'name' },
    });
  });

  it('uses the teacher’s mapping over the guess, and names a column without a header by its letter', async () => {
    const table: SheetTable = await tableOf('学号,姓名,,年级,班级\r\n001,陈梓涵,X,八年级,1班\r\n');
    const result = validateRoster(table, { studentNumber: 0, name: 1, sex: 2, grade: 3, className: 4 }, { today: TODAY });
    expect(result).toEqual({ ok: false, issues: [{ code: 'roster_sex_unknown', path: ['rows', 2, 'C'], params: { row: 2, column: 'C', value: 'X' } }] });
  });

  it('refuses a roster with a header and no students', async () => {
    expect(await validate([])).toEqual({ ok: false, issues: [{ code: 'roster_no_students', path: [], params: { header: 1 } }] });
  });
});
