import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../../scripts/encodeGbk.ts';
import { guessColumnMapping, readRosterFile, validateRoster } from '../../../src/teacher/roster/index.ts';
import { demoFile, tableOf } from './support.ts';

const TODAY = '2026-11-25';

describe('reading roster files', () => {
  it('reads the demo GBK CSV and the demo workbook to the same 40 students', async () => {
    const csv = await tableOf(demoFile('roster-demo.csv'));
    const xlsx = await tableOf(demoFile('roster-demo.xlsx'));
    expect(csv.source).toEqual({ kind: 'text', encoding: 'gb18030', delimiter: ',' });
    expect(xlsx.source).toEqual({ kind: 'xlsx', sheetName: '学生名单' });
    expect(csv.header).toEqual({ rowNumber: 1, cells: ['学号', '姓名', '性别', '出生日期', '年级', '班级'] });
    expect(xlsx.header).toEqual(csv.header);
    expect(csv.rows).toHaveLength(40);
    expect(csv.rows[0]).toEqual({ rowNumber: 2, cells: ['20250101', '陈梓涵', '女', '2012/9/14', '八年级', '1班'] });
    // The workbook holds numbers and date cells where the CSV holds text; they read as the same text.
    expect(xlsx.rows[0]).toEqual({ rowNumber: 2, cells: ['20250101', '陈梓涵', '女', '2012-09-14', '八年级', '1班'] });
    expect(xlsx.rows.map((row) => row.rowNumber)).toEqual(csv.rows.map((row) => row.rowNumber));

    const fromCsv = validateRoster(csv, guessColumnMapping(csv.header.cells), { today: TODAY });
    const fromXlsx = validateRoster(xlsx, guessColumnMapping(xlsx.header.cells), { today: TODAY });
    if (!fromCsv.ok || !fromXlsx.ok) expect.fail(JSON.stringify([fromCsv, fromXlsx]));
    expect(fromXlsx.value).toEqual(fromCsv.value);
    expect(fromCsv.value.warnings).toEqual([]);
    expect(fromCsv.value.students).toHaveLength(40);
    expect(fromCsv.value.students[10]).toEqual({
      rowNumber: 12, name: '徐磊', studentNumber: '20250111', grade: 8, className: '八年级(1)班', sex: 'male', birthDate: '2013-07-11',
    });
    const classes = new Map<string, number>();
    for (const student of fromCsv.value.students) classes.set(student.className, (classes.get(student.className) ?? 0) + 1);
    expect(Object.fromEntries(classes)).toEqual({ '八年级(1)班': 14, '八年级(2)班': 14, '五年级(1)班': 12 });
  });

  it('reads UTF-8 with a byte-order mark, as Excel saves "CSV UTF-8"', async () => {
    const text = '姓名,学号\r\n张三,001\r\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const table = await tableOf(bytes);
    expect(table.source).toEqual({ kind: 'text', encoding: 'utf-8', delimiter: ',' });
    expect(table.header.cells).toEqual(['姓名', '学号']);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['张三', '001'] }]);
  });

  it('reads UTF-8 without a byte-order mark, and GBK that is not valid UTF-8', async () => {
    expect((await tableOf('姓名,学号\n李四,002\n')).source).toMatchObject({ encoding: 'utf-8' });
    const gbk = await tableOf(encodeGbk('姓名,学号\r\n李四,002\r\n'));
    expect(gbk.source).toMatchObject({ encoding: 'gb18030' });
    expect(gbk.rows[0]?.cells).toEqual(['李四', '002']);
  });

  it('reads UTF-16LE tab-separated text, as Excel saves "Unicode text"', async () => {
    const text = '姓名\t学号\t班级\r\n王五\t003\t2班\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      bytes[2 + index * 2] = code & 0xff;
      bytes[3 + index * 2] = code >> 8;
    }
    const table = await tableOf(bytes);
    expect(table.source).toEqual({ kind: 'text', encoding: 'utf-16le', delimiter: '\t' });
    expect(table.rows[0]?.cells).toEqual(['王五', '003', '2班']);
  });

  it('reads semicolon-separated files, as European Excel writes them', async () => {
    const table = await tableOf('Name;Student number;Class\n"Li, Ming";004;3\n');
    expect(table.source).toMatchObject({ delimiter: ';' });
    expect(table.rows[0]?.cells).toEqual(['Li, Ming', '004', '3']);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and numbers rows as Excel shows them', async () => {
    const table = await tableOf('姓名,学号,备注\r\n"赵,六",005,"第一行\r\n第二行"\r\n"钱""七""",006,"说 ""好"""\r\n孙八,007,\r\n');
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['赵,六', '005', '第一行\r\n第二行'] },
      { rowNumber: 3, cells: ['钱"七"', '006', '说 "好"'] },
      { rowNumber: 4, cells: ['孙八', '007', ''] },
    ]);
  });

  it('skips a title block above the header and empty rows, keeping the row numbers', async () => {
    const table = await tableOf('XX中学 2026 级学生名单,,\r\n导出日期：2026-09-01,,\r\n,,\r\n学号,姓名,班级\r\n001,周九,1班\r\n,,\r\n002,吴十,2班\r\n');
    expect(table.header).toEqual({ rowNumber: 4, cells: ['学号', '姓名', '班级'] });
    expect(table.rows.map((row) => row.rowNumber)).toEqual([5, 7]);
  });

  it('keeps workbook row numbers when rows above the header are empty', async () => {
    const bytes = await writeExcelFile([[null], [null], ['学号', '姓名'], ['008', '郑十一'], [null], ['009', '冯十二']]).toBuffer();
    const table = await tableOf(new Uint8Array(bytes));
    expect(table.header).toEqual({ rowNumber: 3, cells: ['学号', '姓名'] });
    expect(table.rows).toEqual([{ rowNumber: 4, cells: ['008', '郑十一'] }, { rowNumber: 6, cells: ['009', '冯十二'] }]);
  });

  it.each(['yyyy"年"m"月"d"日"', 'yyyy-mm-dd', 'yyyy/m/d', '[$-804]yyyy/m/d'])('reads a workbook date cell formatted %s as YYYY-MM-DD', async (format) => {
    const bytes = await writeExcelFile([['姓名', '出生日期'], ['陈十四', { value: new Date(Date.UTC(2012, 10, 2)), format }]]).toBuffer();
    expect((await tableOf(new Uint8Array(bytes))).rows[0]?.cells).toEqual(['陈十四', '2012-11-02']);
  });

  it('reads the first sheet that has content', async () => {
    const bytes = await writeExcelFile([
      { sheet: '说明', data: [[null]] },
      { sheet: '名单', data: [['姓名', '学号'], ['陈十三', 10]] },
    ]).toBuffer();
    const table = await tableOf(new Uint8Array(bytes));
    expect(table.source).toEqual({ kind: 'xlsx', sheetName: '名单' });
    expect(table.rows[0]?.cells).toEqual(['陈十三', '10']);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'roster_file_empty'],
    ['a file of empty lines', new TextEncoder().encode(',,\r\n,,\r\n'), 'roster_file_empty'],
    ['an old .xls (or password-protected) workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'roster_old_excel_format'],
    ['a damaged workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'roster_xlsx_unreadable'],
  ])('rejects %s with %s', async (_what, bytes, code) => {
    const read = await readRosterFile(bytes);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.map((found) => found.code)).toEqual([code]);
  });

  it('names the row where an unclosed quote starts', async () => {
    const read = await readRosterFile(new TextEncoder().encode('姓名,学号\n"李,001\n王,002\n'));
    expect(read).toEqual({ ok: false, issues: [{ code: 'roster_unclosed_quote', path: ['rows', 2], params: { row: 2 } }] });
  });
});
