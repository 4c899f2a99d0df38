/**
 * Instrument template test data: the real PHQ-9 file, written into the template's sheets by hand
 * (not by the app's exporter), and helpers to turn sheets of cells into a book and edit one cell.
 */
import { readFileSync } from 'node:fs';
import type { Instrument } from '../../scoring/index.ts';
import type { TemplateBook } from '../../src/teacher/workspace/instrumentTemplateBook.ts';

export const phq9Json = (): Instrument => JSON.parse(readFileSync('instruments/phq9/1.0.0.json', 'utf8')) as Instrument;

/** A sheet as the teacher sees it: row 1 is the header, then one array of cells per row. */
export interface Sheet {
  name: string;
  rows: string[][];
}

export function bookOf(sheets: readonly Sheet[], kind: 'xlsx' | 'csv' = 'xlsx'): TemplateBook {
  return { kind, sheets: sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((cells, index) => ({ rowNumber: index + 1, cells })) })) };
}

/** Sets the cell in spreadsheet row `row` (1 = header) under the header `column`. */
export function setCell(sheets: Sheet[], name: string, row: number, column: string, value: string): Sheet[] {
  const sheet = sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const index = sheet.rows[0]?.indexOf(column) ?? -1;
  if (index < 0) throw new Error(`no column ${column} in ${name}`);
  const cells = sheet.rows[row - 1];
  if (!cells) throw new Error(`no row ${row} in ${name}`);
  cells[index] = value;
  return sheets;
}

const yes = (value: boolean | undefined): string => (value === undefined ? '' : value ? '是' : '否');

/** The PHQ-9 definition filled into the template with Chinese sheet and column names, cell by cell. */
export function phq9Sheets(def: Instrument = phq9Json()): Sheet[] {
  const about: string[][] = [
    ['项目', '内容'],
    ['量表标识', def.id], ['版本', def.version], ['简称', def.abbreviation],
    ['名称（中文）', def.name['zh-CN']], ['名称（英文）', def.name.en],
    ['指导语（中文）', def.instructions['zh-CN']], ['指导语（英文）', def.instructions.en],
    ['最低年级', String(def.grades.min)], ['最高年级', String(def.grades.max)],
    ['最小年龄', String(def.ages.min)], ['最大年龄', String(def.ages.max)],
    ['文献出处', def.source.citation], ['中文版出处', def.source.translation ?? ''], ['网址', def.source.url ?? ''],
    ['使用许可', def.licence.terms], ['版权声明（中文）', def.licence.notice['zh-CN']], ['版权声明（英文）', def.licence.notice.en],
    ['措辞已核对', yes(def.wordingVerified)], ['措辞说明', def.wordingNotes ?? ''],
  ];
  const options = [['选项组', '分值', '选项（中文）', '选项（英文）', '拒答']];
  for (const [set, list] of Object.entries(def.optionSets)) {
    for (const option of list) options.push([set, String(option.value), option.label['zh-CN'], option.label.en, option.refusal ? '是' : '']);
  }
  const condition = (when: unknown): string => {
    const parts = (when as { any?: { item: string; value: number }[] }).any ?? [when as { item: string; value: number }];
    return parts.map((part) => `${part.item} >= ${part.value}`).join(' 或 ');
  };
  const items = [['题号', '题目（中文）', '题目（英文）', '选项组', '反向计分', '显示条件']];
  for (const item of def.items) items.push([item.id, item.text['zh-CN'], item.text.en, item.options, yes(item.reverse), item.showIf ? condition(item.showIf) : '']);
  const scales = [['分量表标识', '名称（中文）', '名称（英文）', '题目', '计分方法', '乘数', '缺答规则', '最多缺答题数']];
  const bands = [['分量表标识', '分段标识', '名称（中文）', '名称（英文）', '起（含）', '止（不含）']];
  for (const scale of def.scales) {
    const missing = scale.missing.rule === 'prorate' ? ['按比例', String(scale.missing.maxMissing)] : ['作废', ''];
    scales.push([scale.id, scale.name['zh-CN'], scale.name.en, scale.items.join(', '), scale.method === 'sum' ? '求和' : '平均', String(scale.multiplier ?? ''), ...missing]);
    for (const band of scale.bands ?? []) bands.push([scale.id, band.id, band.label['zh-CN'], band.label.en, String(band.gte), band.lt === undefined ? '' : String(band.lt)]);
  }
  const critical = [['规则标识', '标记', '条件', '未答视为阳性', '原因（中文）', '原因（英文）']];
  for (const rule of def.critical ?? []) {
    critical.push([rule.id, rule.flag === 'urgent' ? '紧急' : '急迫', condition(rule.when), yes(rule.positiveIfUnanswered), rule.reason['zh-CN'], rule.reason.en]);
  }
  return [
    { name: '量表信息', rows: about }, { name: '选项', rows: options }, { name: '题目', rows: items },
    { name: '分量表', rows: scales }, { name: '分段', rows: bands }, { name: '关键题', rows: critical },
  ];
}
