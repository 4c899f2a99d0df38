import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../../src/teacher/roster/parseBirthDate.ts';
import { parseDate } from '../../../src/teacher/roster/parseDate.ts';
import { parseGrade } from '../../../src/teacher/roster/parseGrade.ts';
import { parseSex } from '../../../src/teacher/roster/parseSex.ts';
import { parseClassName, parseIdentifier, parseName, withGradePrefix } from '../../../src/teacher/roster/parseText.ts';
import { parseTrack } from '../../../src/teacher/roster/parseTrack.ts';
import { cellText } from '../../../src/teacher/roster/readXlsx.ts';

describe('grades', () => {
  it.each([
    ['4', 4, false, '四年级'], ['8', 8, false, '八年级'], [' 12 ', 12, false, '高三'], ['8.0', 8, false, '八年级'], ['８', 8, false, '八年级'],
    ['四年级', 4, false, '四年级'], ['小学五年级', 5, false, '小学五年级'], ['6年级', 6, false, '六年级'], ['七年级', 7, false, '七年级'], ['九 年级', 9, false, '九年级'],
    ['初一', 7, false, '初一'], ['初二', 8, false, '初二'], ['初三', 9, false, '初三'], ['初中二年级', 8, false, '初中二年级'], ['初2', 8, false, '初2'],
    ['高一', 10, false, '高一'], ['高二', 11, false, '高二'], ['高三', 12, false, '高三'], ['高中一年级', 10, false, '高中一年级'],
    ['中职一年级', 10, true, '中职一年级'], ['中职二年级', 11, true, '中职二年级'], ['职高三', 12, true, '职高三'], ['中专1年级', 10, true, '中专1年级'],
    ['Grade 8', 8, false, '八年级'], ['G11', 11, false, '高二'], ['十二年级', 12, false, '十二年级'],
    // read, then refused by the roster schema as outside 4–12
    ['三年级', 3, false, '三年级'], ['13', 13, false, '13年级'],
  ])('%s → grade %i (vocational %s, class prefix %s)', (text, grade, vocational, label) => {
    expect(parseGrade(text)).toEqual({ ok: true, value: { grade, vocational, label } });
  });

  it.each([['', 'roster_value_missing'], ['八', 'roster_grade_unreadable'], ['初四', 'roster_grade_unreadable'], ['大一', 'roster_grade_unreadable'], ['8班', 'roster_grade_unreadable']])(
    '%j → %s', (text, code) => {
      expect(parseGrade(text)).toMatchObject({ ok: false, code });
    },
  );
});

describe('sex', () => {
  it.each([
    ['男', 'male'], ['女', 'female'], ['男生', 'male'], ['女性', 'female'], ['M', 'male'], ['f', 'female'], ['Male', 'male'], [' FEMALE ', 'female'], ['1', 'male'], ['2', 'female'], ['Ｍ', 'male'],
  ])('%j → %s', (text, sex) => {
    expect(parseSex(text)).toEqual({ ok: true, value: sex });
  });

  it.each([['', 'roster_value_missing'], ['未知', 'roster_sex_unknown'], ['0', 'roster_sex_unknown'], ['x', 'roster_sex_unknown']])('%j → %s', (text, code) => {
    expect(parseSex(text)).toMatchObject({ ok: false, code });
  });
});

describe('tracks', () => {
  it.each([['', undefined], ['中职', 'vocational'], ['职高', 'vocational'], ['Vocational', 'vocational'], ['普高', 'general'], ['初中', 'general'], ['小学', 'general']])('%j → %s', (text, track) => {
    expect(parseTrack(text)).toEqual({ ok: true, value: track });
  });
  it('refuses a track it does not know', () => {
    expect(parseTrack('国际部')).toMatchObject({ ok: false, code: 'roster_track_unknown' });
  });
});

describe('dates', () => {
  it.each([
    ['2012-11-02', '2012-11-02'], ['2012/11/2', '2012-11-02'], ['2012.11.2', '2012-11-02'], ['20121102', '2012-11-02'], ['2012年11月2日', '2012-11-02'],
    ['2012-11-02 00:00:00', '2012-11-02'], ['2012-11-02T00:00:00.000Z', '2012-11-02'], ['２０１２／１１／２', '2012-11-02'], ['="2012-11-02"', '2012-11-02'],
    // Excel day numbers: a date cell saved from a column formatted as a number
    ['41215', '2012-11-02'], ['41215.0', '2012-11-02'], ['42429', '2016-02-29'],
    ['2016-02-29', '2016-02-29'],
  ])('%j → %s', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2013-02-30', 'roster_date_impossible'], ['2013-02-29', 'roster_date_impossible'], ['2012-13-01', 'roster_date_impossible'], ['2012-00-10', 'roster_date_impossible'],
    ['20121332', 'roster_date_impossible'], ['1812-01-01', 'roster_date_impossible'],
    ['2012-11', 'roster_date_no_day'], ['2012.11', 'roster_date_no_day'], ['201211', 'roster_date_no_day'], ['2012年11月', 'roster_date_no_day'],
    ['11/02/2012', 'roster_date_unreadable'], ['2012', 'roster_date_unreadable'], ['不详', 'roster_date_unreadable'], ['', 'roster_value_missing'],
  ])('%j → %s', (text, code) => {
    expect(parseDate(text)).toMatchObject({ ok: false, code });
  });

  it('refuses birth dates after today and ages no student has', () => {
    expect(parseBirthDate('2026-11-25', '2026-11-25')).toMatchObject({ ok: false, code: 'roster_birth_date_implausible' });
    expect(parseBirthDate('2026-11-26', '2026-11-25')).toEqual({ ok: false, code: 'roster_birth_date_in_future', params: { date: '2026-11-26', today: '2026-11-25' } });
    expect(parseBirthDate('1960-05-01', '2026-11-25')).toEqual({ ok: false, code: 'roster_birth_date_implausible', params: { date: '1960-05-01', age: 66 } });
    expect(parseBirthDate('2012/11/2', '2026-11-25')).toEqual({ ok: true, value: '2012-11-02' });
  });

  it('turns workbook cells into the text a CSV would hold', () => {
    expect(cellText(new Date(Date.UTC(2012, 10, 2)))).toBe('2012-11-02');
    expect(cellText(20250101)).toBe('20250101');
    expect(cellText(8)).toBe('8');
    expect(cellText(110105201211020000)).toMatch(/e\+17$/);
    expect(cellText(null)).toBe('');
    expect(cellText(true)).toBe('TRUE');
  });
});

describe('names, numbers and classes', () => {
  it.each([['张\u3000三', '张三'], [' 李 四 ', '李四'], ['买买提·艾力', '买买提·艾力'], ['Anna  Li', 'Anna Li']])('name %j → %j', (text, name) => {
    expect(parseName(text)).toEqual({ ok: true, value: name });
  });

  it.each([['20250101', '20250101'], ['="00123"', '00123'], [' A 01 ', 'A01'], ['8.0', '8'], ['G110105201211020012', 'G110105201211020012']])('number %j → %j', (text, number) => {
    expect(parseIdentifier(text)).toEqual({ ok: true, value: number });
  });

  it('refuses numbers Excel has already rounded into exponent form', () => {
    expect(parseIdentifier('1.10105E+17')).toMatchObject({ ok: false, code: 'roster_number_in_exponent_form' });
    expect(parseIdentifier('1.101052012110200e+17')).toMatchObject({ ok: false, code: 'roster_number_in_exponent_form' });
  });

  it.each([
    ['2', '八年级', '八年级(2)班'], ['2班', '初二', '初二(2)班'], ['(3)班', '高一', '高一(3)班'], ['（3）班', '高一', '高一(3)班'], ['03', '五年级', '五年级(3)班'],
    ['八年级(2)班', '八年级', '八年级(2)班'], ['数控1班', '中职一年级', '数控1班'], ['实验班', '七年级', '实验班'],
  ])('class %j in %s → %s', (text, gradeLabel, className) => {
    const parsed = parseClassName(text);
    if (!parsed.ok) expect.fail(parsed.code);
    expect(withGradePrefix(parsed.value, gradeLabel)).toBe(className);
  });
});
