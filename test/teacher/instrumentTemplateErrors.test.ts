import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Issue } from '../../scoring/index.ts';
import { ALL_MESSAGES } from '../../src/issueMessages.ts';
import { describeInstrumentIssue } from '../../src/teacher/ui/instrumentIssueText.ts';
import { readInstrumentFile } from '../../src/teacher/workspace/instrumentFile.ts';
import { parseInstrumentTemplate } from '../../src/teacher/workspace/instrumentTemplate.ts';
import { readTemplateFile } from '../../src/teacher/workspace/instrumentTemplateBook.ts';
import { templateCsv } from '../../src/teacher/workspace/instrumentTemplateFiles.ts';
import { templateTables } from '../../src/teacher/workspace/instrumentTemplateRows.ts';
import { bookOf, phq9Json, phq9Sheets, setCell, type Sheet } from './instrumentSupport.ts';

/**
 * Every class of template error, each from the real PHQ-9 template with one thing broken, with the
 * exact sheet, row and column it is reported at. Rows are spreadsheet rows: on the 题目 sheet,
 * row 1 is the header, phq9_1 is row 2 and phq9_10 row 11; on 量表信息 the id is row 2, the lowest
 * grade row 9.
 */

function issuesOf(sheets: readonly Sheet[]): readonly Issue[] {
  const parsed = parseInstrumentTemplate(bookOf(sheets));
  if (parsed.ok) expect.fail('the template should have been refused');
  return parsed.issues;
}

const broken = (sheet: string, row: number, column: string, value: string): readonly Issue[] => issuesOf(setCell(phq9Sheets(), sheet, row, column, value));

const without = (sheets: Sheet[], name: string, column: string): Sheet[] => {
  const sheet = sheets.find((candidate) => candidate.name === name);
  const index = sheet?.rows[0]?.indexOf(column) ?? -1;
  for (const row of sheet?.rows ?? []) row.splice(index, 1);
  return sheets;
};

const produced: Issue[] = [];
const keep = (issues: readonly Issue[]): readonly Issue[] => {
  produced.push(...issues);
  return issues;
};

describe('template layout errors (nothing below a broken layout is read)', () => {
  it('a required sheet that is missing', () => {
    expect(keep(issuesOf(phq9Sheets().filter((sheet) => sheet.name !== '题目')))).toEqual([
      { code: 'template_sheet_missing', path: [], params: { sheetZh: '题目', sheetEn: 'Items' } },
    ]);
  });

  it('a sheet the template does not have, and the same sheet twice', () => {
    const sheets = [...phq9Sheets(), { name: '草稿', rows: [['随便写写']] }, { name: 'Items', rows: [['Item id']] }];
    const issues = keep(issuesOf(sheets));
    expect(issues.map((found) => [found.code, found.path])).toEqual([['template_sheet_unknown', ['草稿']], ['template_sheet_twice', ['Items']]]);
    expect(issues[0]?.params).toMatchObject({ sheet: '草稿', knownZh: '量表信息、选项、题目、分量表、分段、关键题、一致性题对' });
    expect(issues[1]?.params).toEqual({ sheet: 'Items', first: '题目' });
  });

  it('a required column that is missing, an unknown column and a column given twice, on the header row', () => {
    const sheets = without(phq9Sheets(), '题目', '选项组');
    setCell(sheets, '分量表', 1, '乘数', '倍数');
    setCell(sheets, '关键题', 1, '原因（英文）', 'Reason (zh-CN)');
    setCell(sheets, '题目', 5, '反向计分', '也许');
    expect(keep(issuesOf(sheets))).toEqual([
      { code: 'template_column_missing', path: ['题目', 1], params: { columnZh: '选项组', columnEn: 'Option set' } },
      { code: 'template_column_unknown', path: ['分量表', 1, '倍数'], params: { column: '倍数', knownZh: '分量表标识、名称（中文）、名称（英文）、题目、计分方法、乘数、缺答规则、最多缺答题数', knownEn: 'Scale id, Name (zh-CN), Name (en), Items, Method, Multiplier, Missing rule, Max missing' } },
      { code: 'template_column_twice', path: ['关键题', 1, 'Reason (zh-CN)'], params: { column: 'Reason (zh-CN)', first: '原因（中文）' } },
      { code: 'template_column_missing', path: ['关键题', 1], params: { columnZh: '原因（英文）', columnEn: 'Reason (en)' } },
    ]);
  });

  it('a required sheet with not even a header', () => {
    const sheets = phq9Sheets().map((sheet) => (sheet.name === '选项' ? { name: '选项', rows: [] } : sheet));
    expect(keep(issuesOf(sheets))).toEqual([{ code: 'template_sheet_empty', path: ['选项'], params: { sheet: '选项' } }]);
  });

  it('accepts headers with ASCII brackets, English names and a notes column', () => {
    const sheets = phq9Sheets();
    setCell(sheets, '题目', 1, '题目（中文）', '题目(中文)');
    setCell(sheets, '题目', 1, '反向计分', 'Reverse-keyed');
    sheets[2]?.rows.forEach((row, index) => row.push(index === 0 ? '备注' : '自己的笔记'));
    expect(parseInstrumentTemplate(bookOf(sheets)).ok).toBe(true);
  });
});

describe('cell errors, at the exact sheet, row and column', () => {
  it('an empty required cell', () => {
    expect(keep(broken('题目', 5, '题目（英文）', ''))).toEqual([{ code: 'template_value_missing', path: ['题目', 5, '题目（英文）'] }]);
  });

  it('not yes or no', () => {
    expect(keep(broken('题目', 5, '反向计分', '也许'))).toEqual([{ code: 'template_not_yes_no', path: ['题目', 5, '反向计分'], params: { value: '也许' } }]);
  });

  it('not a number, and not a whole number', () => {
    expect(keep(broken('分段', 3, '起（含）', 'five'))).toEqual([{ code: 'template_not_a_number', path: ['分段', 3, '起（含）'], params: { value: 'five' } }]);
    expect(keep(broken('选项', 3, '分值', '1.5'))).toEqual([{ code: 'template_not_an_integer', path: ['选项', 3, '分值'], params: { value: '1.5' } }]);
  });

  it('a word that is not one of the choices', () => {
    expect(keep(broken('分量表', 2, '计分方法', '乘积'))).toEqual([
      { code: 'template_not_allowed', path: ['分量表', 2, '计分方法'], params: { value: '乘积', allowed: '求和 (sum) / 平均 (mean)' } },
    ]);
    expect(keep(broken('关键题', 2, '标记', '很急'))).toEqual([
      { code: 'template_not_allowed', path: ['关键题', 2, '标记'], params: { value: '很急', allowed: '紧急 (urgent) / 急迫 (acute)' } },
    ]);
  });

  it('a grade that cannot be read', () => {
    expect(keep(broken('量表信息', 9, '内容', '大一'))).toEqual([{ code: 'template_grade_unreadable', path: ['量表信息', 9, '内容'], params: { value: '大一' } }]);
  });

  it('a condition that cannot be read, with the character it fails at', () => {
    expect(keep(broken('关键题', 2, '条件', 'phq9_9 >='))).toEqual([
      { code: 'template_condition_syntax', path: ['关键题', 2, '条件'], params: { value: 'phq9_9 >=', position: 10 } },
    ]);
    expect(keep(broken('题目', 11, '显示条件', 'phq9_1 >= 1 或 或 phq9_2 >= 1'))).toEqual([
      { code: 'template_condition_syntax', path: ['题目', 11, '显示条件'], params: { value: 'phq9_1 >= 1 或 或 phq9_2 >= 1', position: 15 } },
    ]);
  });

  it('item ranges with an unknown end, running backwards, or turned into a date by Excel', () => {
    expect(keep(broken('分量表', 2, '题目', 'phq9_1~phq9_99'))).toEqual([{ code: 'template_item_range_unknown', path: ['分量表', 2, '题目'], params: { item: 'phq9_99' } }]);
    expect(keep(broken('分量表', 2, '题目', '9~1'))).toEqual([{ code: 'template_item_range_reversed', path: ['分量表', 2, '题目'], params: { from: 'phq9_9', to: 'phq9_1' } }]);
    expect(keep(broken('分量表', 2, '题目', '2026-01-09'))).toEqual([{ code: 'template_looks_like_date', path: ['分量表', 2, '题目'], params: { value: '2026-01-09' } }]);
  });

  it('the missing-item rule and its maximum disagree', () => {
    const invalidate = setCell(phq9Sheets(), '分量表', 2, '缺答规则', '作废');
    expect(keep(issuesOf(invalidate))).toEqual([{ code: 'template_max_missing_unused', path: ['分量表', 2, '最多缺答题数'] }]);
    expect(keep(broken('分量表', 2, '最多缺答题数', ''))).toEqual([{ code: 'template_value_missing', path: ['分量表', 2, '最多缺答题数'] }]);
  });

  it('a band for a scale that does not exist (and the gap it leaves)', () => {
    expect(keep(broken('分段', 4, '分量表标识', 'totl'))).toEqual([
      { code: 'template_band_unknown_scale', path: ['分段', 4, '分量表标识'], params: { scale: 'totl' } },
      { code: 'bands_gap', path: ['分段', 5, '起（含）'], params: { lt: 10, gte: 15 } },
    ]);
  });

  it('fields of the about sheet: unknown, given twice, missing', () => {
    expect(keep(broken('量表信息', 20, '项目', '备考'))).toEqual([{ code: 'template_field_unknown', path: ['量表信息', 20, '项目'], params: { field: '备考' } }]);
    expect(keep(broken('量表信息', 20, '项目', 'Version'))).toEqual([{ code: 'template_field_twice', path: ['量表信息', 20, '项目'], params: { field: 'Version', first: 3 } }]);
    const sheets = phq9Sheets();
    sheets[0]?.rows.splice(3, 1);
    expect(keep(issuesOf(sheets))).toEqual([{ code: 'template_field_missing', path: ['量表信息'], params: { fieldZh: '简称', fieldEn: 'Abbreviation' } }]);
  });

  it('an option set id that is not a slug', () => {
    const sheets = phq9Sheets();
    for (const row of [2, 3, 4, 5]) setCell(sheets, '选项', row, '选项组', 'Freq 4');
    for (let row = 2; row <= 10; row += 1) setCell(sheets, '题目', row, '选项组', 'Freq 4');
    expect(keep(issuesOf(sheets))).toEqual([{ code: 'bad_slug', path: ['选项', 2, '选项组'] }]);
  });
});

describe('problems the instrument schema finds, moved to the cell they come from', () => {
  it('an option set that does not exist', () => {
    expect(keep(broken('题目', 5, '选项组', 'freq5'))).toEqual([{ code: 'unknown_option_set', path: ['题目', 5, '选项组'], params: { set: 'freq5', known: 'freq4, difficulty4' } }]);
  });

  it('bands with a gap or an overlap', () => {
    expect(keep(broken('分段', 4, '起（含）', '11'))).toEqual([{ code: 'bands_gap', path: ['分段', 4, '起（含）'], params: { lt: 10, gte: 11 } }]);
    expect(keep(broken('分段', 4, '起（含）', '9'))).toEqual([{ code: 'bands_overlap', path: ['分段', 4, '起（含）'], params: { previous: 'mild', lt: 10, gte: 9 } }]);
    expect(keep(broken('分段', 6, '止（不含）', '27'))).toEqual([{ code: 'bands_do_not_cover_max', path: ['分段', 6, '止（不含）'], params: { max: 27 } }]);
  });

  it('an item id used twice names the row it was first used in', () => {
    expect(keep(broken('题目', 6, '题号', 'phq9_2'))).toEqual([
      { code: 'template_duplicate_id', path: ['题目', 6, '题号'], params: { what: 'item', id: 'phq9_2', firstRow: 3 } },
      // phq9_5 is gone, so the condition of item 10 and the total scale now name a missing item.
      { code: 'unknown_item', path: ['题目', 11, '显示条件'], params: { item: 'phq9_5' } },
      { code: 'unknown_item', path: ['分量表', 2, '题目'], params: { item: 'phq9_5' } },
    ]);
    expect(keep(broken('分量表', 2, '题目', 'phq9_1~phq9_9, phq9_1'))).toEqual([
      { code: 'template_duplicate_in_cell', path: ['分量表', 2, '题目'], params: { what: 'scale item', id: 'phq9_1' } },
    ]);
  });

  it('conditions that name a later or an unknown item', () => {
    expect(keep(broken('题目', 2, '显示条件', 'phq9_3 >= 1'))).toEqual([{ code: 'show_if_not_earlier', path: ['题目', 2, '显示条件'], params: { item: 'phq9_3' } }]);
    expect(keep(broken('关键题', 2, '条件', 'phq9_11 >= 1'))).toEqual([{ code: 'unknown_item', path: ['关键题', 2, '条件'], params: { item: 'phq9_11' } }]);
  });

  it('a bad version, an inverted grade range, too many missing items allowed', () => {
    expect(keep(broken('量表信息', 3, '内容', '1.0'))).toEqual([{ code: 'bad_semver', path: ['量表信息', 3, '内容'], params: { format: 'regex' } }]);
    const inverted = setCell(setCell(phq9Sheets(), '量表信息', 9, '内容', '12'), '量表信息', 10, '内容', '7');
    expect(keep(issuesOf(inverted))).toEqual([{ code: 'range_inverted', path: ['量表信息', 9, '内容'], params: { min: 12, max: 7 } }]);
    expect(keep(broken('分量表', 2, '最多缺答题数', '9'))).toEqual([{ code: 'max_missing_too_large', path: ['分量表', 2, '最多缺答题数'], params: { max: 8 } }]);
  });

  it('lists every problem of a template at once, sheet by sheet and row by row', () => {
    const sheets = phq9Sheets();
    setCell(sheets, '分段', 4, '起（含）', '11');
    setCell(sheets, '题目', 7, '选项组', 'freq5');
    setCell(sheets, '题目', 4, '反向计分', '也许');
    setCell(sheets, '题目', 3, '题目（英文）', '');
    setCell(sheets, '关键题', 2, '未答视为阳性', '看情况');
    setCell(sheets, '量表信息', 6, '内容', '');
    expect(keep(issuesOf(sheets)).map((found) => [found.code, ...found.path])).toEqual([
      ['template_value_missing', '量表信息', 6, '内容'],
      ['template_value_missing', '题目', 3, '题目（英文）'], ['template_not_yes_no', '题目', 4, '反向计分'], ['unknown_option_set', '题目', 7, '选项组'],
      ['bands_gap', '分段', 4, '起（含）'],
      ['template_not_yes_no', '关键题', 2, '未答视为阳性'],
    ]);
  });

  it('checks the rules across sheets only once numbers, ids and conditions can be read', () => {
    const sheets = setCell(setCell(phq9Sheets(), '分段', 3, '起（含）', 'five'), '题目', 7, '选项组', 'freq5');
    expect(keep(issuesOf(sheets)).map((found) => found.code)).toEqual(['template_not_a_number']);
  });
});

describe('reading template files', () => {
  it('names the CSV section and the row of the file', async () => {
    const tables = templateTables('zh-CN', phq9Json());
    const csv = templateCsv(tables).replace('phq9_4,感觉疲倦或没有活力,Feeling tired or having little energy,freq4,,', 'phq9_4,感觉疲倦或没有活力,Feeling tired or having little energy,freq4,也许,');
    expect(csv.split('\r\n').findIndex((line) => line.startsWith('phq9_4,')) + 1).toBe(39);
    const read = await readInstrumentFile(new TextEncoder().encode(csv));
    expect(read.outcome.ok ? [] : keep(read.outcome.issues)).toEqual([{ code: 'template_not_yes_no', path: ['题目', 39, '反向计分'], params: { value: '也许' } }]);
  });

  it('refuses files that are not a template', async () => {
    const issuesFor = async (bytes: Uint8Array) => {
      const read = await readTemplateFile(bytes);
      return read.ok ? [] : keep(read.issues);
    };
    expect(await issuesFor(new Uint8Array())).toEqual([{ code: 'template_file_empty', path: [] }]);
    expect(await issuesFor(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual([{ code: 'template_old_excel_format', path: [] }]);
    expect((await issuesFor(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0])))[0]?.code).toBe('template_xlsx_unreadable');
    expect(await issuesFor(new TextEncoder().encode('题号,题目\r\nphq9_1,x\r\n'))).toEqual([{ code: 'template_csv_no_section', path: [], params: { row: 1 } }]);
    expect(await issuesFor(new TextEncoder().encode('[题目]\r\n"题号\r\n'))).toEqual([{ code: 'template_unclosed_quote', path: [], params: { row: 2 } }]);
  });
});

describe('template error messages', () => {
  it('puts sheet, row and column before the message, in Chinese and in English', () => {
    const [found] = broken('题目', 5, '反向计分', '也许');
    if (!found) expect.fail('no issue');
    expect(describeInstrumentIssue(found, 'zh-CN', 'template')).toBe('“题目”表第 5 行“反向计分”列：“也许”不是“是”或“否”。请填写 是 或 否（也可写 yes/no、TRUE/FALSE）。');
    expect(describeInstrumentIssue(found, 'en', 'template')).toBe('Sheet "题目", row 5, column "反向计分": "也许" is not yes or no. Write yes or no (是/否 and TRUE/FALSE work too).');
    const missing = issuesOf(phq9Sheets().filter((sheet) => sheet.name !== '题目'))[0];
    if (!missing) expect.fail('no issue');
    expect(describeInstrumentIssue(missing, 'en', 'template')).toBe('The "Items" sheet is missing. Use the downloaded template and keep this sheet with its name.');
  });

  it('has both languages for every code the template and library code emits, and fills every placeholder', () => {
    const emitted = new Set<string>();
    for (const file of readdirSync('src/teacher/workspace').filter((name) => name.startsWith('instrument'))) {
      for (const match of readFileSync(`src/teacher/workspace/${file}`, 'utf8').matchAll(/'((?:template|instrument)_[a-z_]+)'/g)) if (match[1]) emitted.add(match[1]);
    }
    expect(emitted.size).toBeGreaterThan(25);
    expect([...emitted].filter((code) => !/[\u4e00-\u9fff]/.test(ALL_MESSAGES[code]?.['zh-CN'] ?? '') || !ALL_MESSAGES[code]?.en)).toEqual([]);
    const unfilled = produced.flatMap((found) => LOCALES.map((locale) => describeInstrumentIssue(found, locale, 'template')).filter((text) => /\{\w+\}/.test(text)));
    expect(unfilled).toEqual([]);
    const never = [...emitted].filter((code) => code.startsWith('template_') && !produced.some((found) => found.code === code));
    expect(never).toEqual([]);
  });
});
