import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { LOCALES, parseInstrument, refOf, type Instrument, type Outcome } from '../../scoring/index.ts';
import { encodeGbk } from '../../scripts/encodeGbk.ts';
import { instrumentFromJson, readInstrumentFile } from '../../src/teacher/workspace/instrumentFile.ts';
import { parseInstrumentTemplate } from '../../src/teacher/workspace/instrumentTemplate.ts';
import { templateCsv, templateWorkbookSheets } from '../../src/teacher/workspace/instrumentTemplateFiles.ts';
import { itemListText, templateTables, type TemplateTable } from '../../src/teacher/workspace/instrumentTemplateRows.ts';
import { shippedCatalog } from '../support/library.ts';
import { bookOf, phq9Json, phq9Sheets, setCell } from './instrumentSupport.ts';

const valueOf = (outcome: Outcome<Instrument>): Instrument => {
  if (!outcome.ok) expect.fail(JSON.stringify(outcome.issues, null, 1));
  return outcome.value;
};

const sheetsOf = (tables: readonly TemplateTable[]) =>
  tables.map((table) => ({ name: table.sheet, rows: [[...table.header], ...table.rows.map((row) => row.map(String))] }));

async function xlsxBytes(tables: readonly TemplateTable[]): Promise<Uint8Array> {
  const blob = await writeXlsxFile(templateWorkbookSheets(tables)).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

describe('the instrument template', () => {
  it('reads the real PHQ-9, typed into the template cell by cell, back to the same definition', () => {
    const original = phq9Json();
    const def = valueOf(parseInstrumentTemplate(bookOf(phq9Sheets(original))));
    expect(def.items).toEqual(original.items);
    expect(def.optionSets).toEqual(original.optionSets);
    expect(def.items.filter((item) => item.reverse).map((item) => item.id)).toEqual(original.items.filter((item) => item.reverse).map((item) => item.id));
    expect(def.scales).toEqual(original.scales);
    expect(def.scales[0]?.bands).toEqual(original.scales[0]?.bands);
    expect(def.critical).toEqual(original.critical);
    expect(def).toEqual(original);
    // Same content, same identity: a school copy typed from the paper form gets the published hash.
    expect(refOf(def)).toBe(refOf(original));
  });

  it('accepts the short forms a teacher types: bare item numbers, ranges, 是/否 variants, grade names, merged group cells', () => {
    let sheets = phq9Sheets();
    for (let row = 2; row <= 11; row += 1) setCell(sheets, '题目', row, '题号', String(row - 1));
    sheets = setCell(sheets, '分量表', 2, '题目', '1~9');
    sheets = setCell(sheets, '题目', 11, '显示条件', '1>=1 | 2>=1 | 3>=1 | 4>=1 | 5>=1 | 6>=1 | 7>=1 | 8>=1 | 9>=1');
    sheets = setCell(sheets, '关键题', 2, '条件', '９ ≥ １');
    sheets = setCell(sheets, '关键题', 2, '未答视为阳性', 'TRUE');
    sheets = setCell(sheets, '量表信息', 9, '内容', '初一');
    sheets = setCell(sheets, '量表信息', 10, '内容', '高三');
    // Merged cells read as the value in the first row and empty below it.
    for (let row = 3; row <= 6; row += 1) setCell(sheets, '分段', row, '分量表标识', '');
    for (const row of [3, 4, 5, 7, 8, 9]) setCell(sheets, '选项', row, '选项组', '');
    expect(valueOf(parseInstrumentTemplate(bookOf(sheets)))).toEqual(phq9Json());
  });

  it('builds a school instrument with reverse keys, a mean scale, prorating, a refusal option and a consistency pair', () => {
    const sheets = [
      { name: 'About', rows: [['Field', 'Value', 'Notes'], ['Instrument id', 'school-stress'], ['Version', '1.0.0'], ['Abbreviation', 'SSS-6'],
        ['Name (zh-CN)', '学业压力量表'], ['Name (en)', 'School Stress Scale'], ['Instructions (zh-CN)', '请根据最近两周的情况作答。'], ['Instructions (en)', 'Answer for the last two weeks.'],
        ['Lowest grade', '7'], ['Highest grade', '12'], ['Youngest age', '12'], ['Oldest age', '18'], ['Citation', 'Local school instrument, 2026.'],
        ['Licence terms', 'Written by the school; free to use.'], ['Licence notice (zh-CN)', '本校编制。'], ['Licence notice (en)', 'Written by the school.'], ['Wording verified', 'yes']] },
      { name: 'Options', rows: [['Option set', 'Value', 'Label (zh-CN)', 'Label (en)', 'Refusal'],
        ['agree4', '1', '不同意', 'Disagree', ''], ['', '2', '有点不同意', 'Somewhat disagree', ''], ['', '3', '有点同意', 'Somewhat agree', ''], ['', '4', '同意', 'Agree', ''],
        ['', '-1', '不想回答', 'Prefer not to answer', 'yes']] },
      { name: 'Items', rows: [['Item id', 'Text (zh-CN)', 'Text (en)', 'Option set', 'Reverse-keyed', 'Shown if'],
        ...[1, 2, 3, 4, 5, 6].map((n) => [String(n), `第${n}题`, `Item ${n}`, 'agree4', n % 2 === 0 ? 'yes' : '', n === 6 ? 'schoolstress_5 in (3, 4) and schoolstress_1 != -1' : ''])] },
      { name: 'Scales', rows: [['Scale id', 'Name (zh-CN)', 'Name (en)', 'Items', 'Method', 'Multiplier', 'Missing rule', 'Max missing'],
        ['mean', '平均压力', 'Mean stress', '1~6', 'mean', '25', 'prorate', '2']] },
      { name: 'Bands', rows: [['Scale id', 'Band id', 'Label (zh-CN)', 'Label (en)', 'From (inclusive)', 'To (exclusive)'],
        ['mean', 'low', '低', 'Low', '25', '62.5'], ['mean', 'high', '高', 'High', '62.5', '']] },
      { name: 'Consistency pairs', rows: [['Item A', 'Item B', 'Relation', 'Max difference'], ['1', '2', 'opposite', '2']] },
      { name: 'How to fill in', rows: [['Sheet', 'Column'], ['anything', 'is ignored here']] },
    ];
    const def = valueOf(parseInstrumentTemplate(bookOf(sheets)));
    expect(def.items.map((item) => [item.id, item.reverse ?? false])).toEqual([
      ['schoolstress_1', false], ['schoolstress_2', true], ['schoolstress_3', false], ['schoolstress_4', true], ['schoolstress_5', false], ['schoolstress_6', true],
    ]);
    expect(def.items[5]?.showIf).toEqual({ all: [{ item: 'schoolstress_5', op: 'in', values: [3, 4] }, { item: 'schoolstress_1', op: 'ne', value: -1 }] });
    expect(def.optionSets.agree4?.at(-1)).toEqual({ value: -1, label: { 'zh-CN': '不想回答', en: 'Prefer not to answer' }, refusal: true });
    expect(def.scales).toEqual([{
      id: 'mean', name: { 'zh-CN': '平均压力', en: 'Mean stress' }, items: def.items.map((item) => item.id), method: 'mean', multiplier: 25,
      missing: { rule: 'prorate', maxMissing: 2 },
      bands: [{ id: 'low', label: { 'zh-CN': '低', en: 'Low' }, gte: 25, lt: 62.5 }, { id: 'high', label: { 'zh-CN': '高', en: 'High' }, gte: 62.5 }],
    }]);
    expect(def.consistencyPairs).toEqual([{ a: 'schoolstress_1', b: 'schoolstress_2', relation: 'opposite', maxDifference: 2 }]);
    expect(def.critical).toBeUndefined();
    expect(def.wordingVerified).toBe(true);
  });

  it('exports every shipped instrument to the template in both languages and reads it back unchanged', () => {
    for (const def of shippedCatalog().instruments) {
      for (const locale of LOCALES) expect(valueOf(parseInstrumentTemplate(bookOf(sheetsOf(templateTables(locale, def)))))).toEqual(def);
    }
  });

  it('writes runs of items as ranges', () => {
    const order = ['a_1', 'a_2', 'a_3', 'a_4', 'a_5', 'a_6'];
    expect(itemListText(order, order)).toBe('a_1~a_6');
    expect(itemListText(['a_1', 'a_2', 'a_4', 'a_5', 'a_6'], order)).toBe('a_1, a_2, a_4~a_6');
    expect(itemListText(['a_3', 'a_2', 'a_1'], order)).toBe('a_3, a_2, a_1');
  });

  it('round-trips PHQ-9 through a real .xlsx file (write-excel-file → read-excel-file)', async () => {
    for (const locale of LOCALES) {
      const read = await readInstrumentFile(await xlsxBytes(templateTables(locale, phq9Json())));
      expect(read.format).toBe('template');
      expect(valueOf(read.outcome)).toEqual(phq9Json());
    }
  });

  it('round-trips PHQ-9 through the one-table CSV form, as UTF-8 with a byte-order mark and as GBK', async () => {
    const csv = templateCsv(templateTables('zh-CN', phq9Json()));
    expect(csv.startsWith('\uFEFF[量表信息]\r\n项目,内容,备注\r\n')).toBe(true);
    expect(valueOf((await readInstrumentFile(new TextEncoder().encode(csv))).outcome)).toEqual(phq9Json());
    expect(valueOf((await readInstrumentFile(encodeGbk(csv.slice(1)))).outcome)).toEqual(phq9Json());
  });

  it('round-trips item texts a spreadsheet would run as formulas, neutralised in the CSV', async () => {
    const json = phq9Json();
    const edited = { ...json, items: json.items.map((item, index) => (index === 0 ? { ...item, text: { ...item.text, 'zh-CN': '=1+1 做事时提不起劲', en: '-minus first' } } : item)) };
    const csv = templateCsv(templateTables('zh-CN', edited));
    expect(csv).toContain(",'=1+1 做事时提不起劲");
    expect(valueOf((await readInstrumentFile(new TextEncoder().encode(csv))).outcome).items[0]?.text['zh-CN']).toBe('=1+1 做事时提不起劲');
  });

  it('offers an empty template whose sheets and headers are what the importer reads', async () => {
    const read = await readInstrumentFile(await xlsxBytes(templateTables('zh-CN')));
    if (read.outcome.ok) expect.fail('an empty template is not an instrument');
    // Only missing values and no items: no layout problem, no unknown sheet (the instructions sheet is skipped).
    expect(new Set(read.outcome.issues.map((found) => found.code))).toEqual(new Set(['template_value_missing', 'too_few']));
    expect(read.outcome.issues[0]?.path).toEqual(['量表信息', 2, '内容']);
    expect(read.outcome.issues.find((found) => found.code === 'too_few')?.path).toEqual(['题目']);
  });

  it('reads a JSON definition and names the JSON path of each problem', async () => {
    const text = JSON.stringify(phq9Json());
    expect(valueOf(instrumentFromJson(text))).toEqual(phq9Json());
    const broken = phq9Json() as unknown as { items: { options: string }[] };
    (broken.items[3] as { options: string }).options = 'freq5';
    const read = await readInstrumentFile(new TextEncoder().encode(JSON.stringify(broken)));
    expect(read.format).toBe('json');
    expect(read.outcome.ok ? [] : read.outcome.issues).toEqual([
      { code: 'unknown_option_set', path: ['items', 3, 'options'], params: { set: 'freq5', known: 'freq4, difficulty4' } },
    ]);
    const policy = shippedCatalog().policies[0];
    expect(instrumentFromJson(JSON.stringify(policy))).toEqual({ ok: false, issues: [{ code: 'instrument_file_other_kind', path: ['kind'], params: { kind: 'policy' } }] });
    expect(parseInstrument(phq9Json()).ok).toBe(true);
  });
});
