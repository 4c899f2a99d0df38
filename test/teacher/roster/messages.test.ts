import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES, issue, type Issue } from '../../../scoring/index.ts';
import { ROSTER_MESSAGES, formatRosterIssue, guessColumnMapping, readRosterFile, validateRoster, type ColumnMapping, type SheetTable } from '../../../src/teacher/roster/index.ts';
import { tableOf } from './support.ts';

const DIR = 'src/teacher/roster';
const TODAY = '2026-11-25';

function issuesOf(table: SheetTable, mapping: ColumnMapping = guessColumnMapping(table.header.cells)): readonly Issue[] {
  const result = validateRoster(table, mapping, { today: TODAY });
  return result.ok ? [] : result.issues;
}

function warningsOf(table: SheetTable): readonly Issue[] {
  const result = validateRoster(table, guessColumnMapping(table.header.cells), { today: TODAY });
  if (!result.ok) expect.fail(JSON.stringify(result.issues));
  return result.value.warnings;
}

async function readingIssues(bytes: Uint8Array): Promise<readonly Issue[]> {
  const read = await readRosterFile(bytes);
  return read.ok ? [] : read.issues;
}

describe('roster issue messages', () => {
  it('has a zh-CN and an en message for every issue code the module can emit, and no unused ones', () => {
    const emitted = new Set<string>();
    for (const file of readdirSync(DIR).filter((name) => /\.tsx?$/.test(name) && name !== 'messages.ts')) {
      for (const match of readFileSync(join(DIR, file), 'utf8').matchAll(/'(roster_[a-z0-9_]+)'/g)) if (match[1]) emitted.add(match[1]);
    }
    expect(emitted.size).toBeGreaterThan(25);
    const catalogue = { ...MESSAGES, ...ROSTER_MESSAGES };
    expect([...emitted].filter((code) => !catalogue[code]?.['zh-CN'] || !catalogue[code].en)).toEqual([]);
    expect(Object.keys(ROSTER_MESSAGES).filter((code) => !emitted.has(code))).toEqual([]);
  });

  it('fills every placeholder of every message from the issues real rosters produce', async () => {
    const header = '学号,姓名,性别,出生日期,年级,班级,学段,全国学籍号';
    const rows = [
      '001,陈梓涵,女,2012-09-14,八年级,1班,,G1', '002,李浩宇,不详,2013-02-30,大二,,国际部,', '003,,女,2012-11,八年级,1班,,',
      '004,王思远,男,2027-01-01,八年级,1班,,', '005,张雨桐,女,1913/1/1,八年级,2班,,', '1.2E+17,刘俊熙,男,不详,八年级,1班,,',
      '007,杨欣怡,女,2012-10-10,五年级,实验班,,', '008,赵子墨,男,2012-10-10,八年级,实验班,,', '009,曹乐萱,女,2018-01-01,二年级,1班,,',
      '010,周博文,男,2012-10-10,八年级,1班,中职,', '011,吴若曦,女,2010-01-01,中职一年级,2班,普通,', '001,孙语嫣,女,2012-10-10,八年级,1班,,G1',
    ];
    const issues = [
      ...(await readingIssues(new Uint8Array())),
      ...(await readingIssues(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))),
      ...(await readingIssues(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))),
      ...(await readingIssues(new TextEncoder().encode('姓名\n"李\n'))),
      ...(await readingIssues(new Uint8Array(11 * 1024 * 1024))),
      ...issuesOf(await tableOf(`学号,姓名,性别,出生日期,年级,班级\r\n1,${'陈'.repeat(80)},女,2010-01-01,八年级,1班`)),
      ...issuesOf(await tableOf(`${header}\r\n${rows.join('\r\n')}`)),
      ...issuesOf(await tableOf(header), { name: 1, studentNumber: 1 }),
      ...issuesOf(await tableOf(header)),
      ...warningsOf(await tableOf('学号,姓名,性别,出生日期,年级,班级\r\n1,陈梓涵,女,2010-01-01,八年级,1班\r\n2,陈梓涵,女,,八年级,1班')),
      ...warningsOf(await tableOf('学号,姓名,性别,年级,班级\r\n1,陈梓涵,女,八年级,1班')),
    ];
    const unfilled = issues.flatMap((found) => LOCALES.map((locale) => formatRosterIssue(found, locale)).filter((text) => /\{\w+\}/.test(text)));
    expect(unfilled).toEqual([]);
    const produced = new Set(issues.map((found) => found.code));
    // roster_value_invalid is the fallback for a zod check without a code of ours.
    expect(Object.keys(ROSTER_MESSAGES).filter((code) => !produced.has(code) && code !== 'roster_value_invalid')).toEqual([]);
  });

  it('tells the teacher the row, the column and what to do, in Chinese and in English', () => {
    const found = issue('roster_student_number_duplicate', ['rows', 14, '学号'], { row: 14, column: '学号', value: '20250101', first: 3 });
    expect(formatRosterIssue(found, 'zh-CN')).toBe('第 14 行的学号“20250101”与第 3 行重复。每名学生的学号必须唯一，否则档案会混在一起。请改正后重新导入。');
    expect(formatRosterIssue(found, 'en')).toBe('Row 14: student number "20250101" is already used in row 3. Every student needs their own number, or their records would be mixed up. Correct it and import again.');
    const missing = issue('roster_column_missing', ['columns', 'grade'], { fieldZh: '年级', fieldEn: 'grade' });
    expect(formatRosterIssue(missing, 'zh-CN')).toContain('没有找到“年级”列');
    expect(formatRosterIssue(missing, 'en')).toContain('No column is chosen for grade');
  });
});
