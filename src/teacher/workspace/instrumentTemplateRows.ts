import type { Instrument, Locale } from '../../../scoring/index.ts';
import { printCondition } from './instrumentCondition.ts';
import {
  ABOUT_FIELDS, ABOUT_SHEET, BANDS_SHEET, CRITICAL_SHEET, HELP_SHEET, ITEMS_SHEET, NOTES_COLUMN, OPTIONS_SHEET, PAIRS_SHEET, SCALES_SHEET, SHEETS,
  type AboutField, type SheetSpec,
} from './instrumentTemplateSpec.ts';

/** One sheet of the template as plain cells: what the workbook and CSV writers lay out. */
export interface TemplateTable {
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

const WORDS: Readonly<Record<Locale, { yes: string; no: string; or: string; and: string; optional: string; required: string }>> = {
  'zh-CN': { yes: '是', no: '否', or: '或', and: '且', optional: '（可选）', required: '必填' },
  en: { yes: 'yes', no: 'no', or: 'or', and: 'and', optional: ' (optional)', required: 'required' },
};
const METHOD: Readonly<Record<Locale, Record<'sum' | 'mean', string>>> = { 'zh-CN': { sum: '求和', mean: '平均' }, en: { sum: 'sum', mean: 'mean' } };
const MISSING: Readonly<Record<Locale, Record<'invalidate' | 'prorate', string>>> = { 'zh-CN': { invalidate: '作废', prorate: '按比例' }, en: { invalidate: 'invalidate', prorate: 'prorate' } };
const FLAG: Readonly<Record<Locale, Record<'urgent' | 'acute', string>>> = { 'zh-CN': { urgent: '紧急', acute: '急迫' }, en: { urgent: 'urgent', acute: 'acute' } };
const RELATION: Readonly<Record<Locale, Record<'same' | 'opposite', string>>> = { 'zh-CN': { same: '同向', opposite: '反向' }, en: { same: 'same', opposite: 'opposite' } };

const headerOf = (spec: SheetSpec, locale: Locale): string[] => spec.columns.map((column) => column.name[locale]);

/** Item lists with runs of three or more consecutive items written "first~last". */
export function itemListText(items: readonly string[], order: readonly string[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < items.length) {
    let end = index;
    const start = order.indexOf(items[index] ?? '');
    while (start >= 0 && end + 1 < items.length && order[start + (end + 1 - index)] === items[end + 1]) end += 1;
    if (end - index >= 2) parts.push(`${items[index] ?? ''}~${items[end] ?? ''}`);
    else parts.push(...items.slice(index, end + 1));
    index = end + 1;
  }
  return parts.join(', ');
}

function aboutValue(def: Instrument, key: AboutField, locale: Locale): string | number {
  const yesNo = (value: boolean) => (value ? WORDS[locale].yes : WORDS[locale].no);
  switch (key) {
    case 'id': return def.id;
    case 'version': return def.version;
    case 'abbreviation': return def.abbreviation;
    case 'nameZh': return def.name['zh-CN'];
    case 'nameEn': return def.name.en;
    case 'instructionsZh': return def.instructions['zh-CN'];
    case 'instructionsEn': return def.instructions.en;
    case 'gradesMin': return def.grades.min;
    case 'gradesMax': return def.grades.max;
    case 'agesMin': return def.ages.min;
    case 'agesMax': return def.ages.max;
    case 'citation': return def.source.citation;
    case 'translation': return def.source.translation ?? '';
    case 'url': return def.source.url ?? '';
    case 'licenceTerms': return def.licence.terms;
    case 'noticeZh': return def.licence.notice['zh-CN'];
    case 'noticeEn': return def.licence.notice.en;
    case 'wordingVerified': return yesNo(def.wordingVerified);
    case 'wordingNotes': return def.wordingNotes ?? '';
  }
}

/**
 * The template's sheets in the teacher's language: empty, or filled with a definition (to show a
 * worked example, or to edit a version and import it as the next one). Reading these tables back
 * with `parseInstrumentTemplate` gives the same definition.
 */
export function templateTables(locale: Locale, def?: Instrument): TemplateTable[] {
  const words = WORDS[locale];
  const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? words.yes : words.no);
  const order = def?.items.map((item) => item.id) ?? [];
  const about: TemplateTable = {
    sheet: ABOUT_SHEET.name[locale],
    header: [...headerOf(ABOUT_SHEET, locale), NOTES_COLUMN[locale]],
    rows: ABOUT_FIELDS.map((field) => [field.name[locale], def ? aboutValue(def, field.key, locale) : '', `${field.hint[locale]}${field.required ? '' : words.optional}`]),
  };
  const options = Object.entries(def?.optionSets ?? {}).flatMap(([set, list]) =>
    list.map((option) => [set, option.value, option.label['zh-CN'], option.label.en, option.refusal ? words.yes : '']));
  const items = (def?.items ?? []).map((item) => [
    item.id, item.text['zh-CN'], item.text.en, item.options, yesNo(item.reverse), item.showIf ? printCondition(item.showIf, words) : '',
  ]);
  const scales = (def?.scales ?? []).map((scale) => [
    scale.id, scale.name['zh-CN'], scale.name.en, itemListText(scale.items, order), METHOD[locale][scale.method], scale.multiplier ?? '',
    MISSING[locale][scale.missing.rule], scale.missing.rule === 'prorate' ? scale.missing.maxMissing : '',
  ]);
  const bands = (def?.scales ?? []).flatMap((scale) => (scale.bands ?? []).map((band) => [
    scale.id, band.id, band.label['zh-CN'], band.label.en, band.gte, band.lt ?? '',
  ]));
  const critical = (def?.critical ?? []).map((rule) => [
    rule.id, FLAG[locale][rule.flag], printCondition(rule.when, words), yesNo(rule.positiveIfUnanswered), rule.reason['zh-CN'], rule.reason.en,
  ]);
  const pairs = (def?.consistencyPairs ?? []).map((pair) => [pair.a, pair.b, RELATION[locale][pair.relation], pair.maxDifference]);
  const table = (spec: SheetSpec, rows: (string | number)[][]): TemplateTable => ({ sheet: spec.name[locale], header: headerOf(spec, locale), rows });
  return [
    about,
    table(OPTIONS_SHEET, options), table(ITEMS_SHEET, items), table(SCALES_SHEET, scales), table(BANDS_SHEET, bands),
    table(CRITICAL_SHEET, critical), table(PAIRS_SHEET, pairs),
    helpTable(locale),
  ];
}

const SYNTAX: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': [
    '条件写法：题号 比较符 分值，比较符为 = != >= <=；例如 phq9_9 >= 1',
    '多个条件用“或”“且”连接，可加括号：(asq_1 = 1 或 asq_2 = 1) 且 asq_5 >= 0',
    '“属于”列出几个分值：x_3 属于 1, 2（也可写 in）',
    '题号可只写编号（如 3），会自动加上量表标识（如 phq9_3）',
    '分段为左闭右开：“起（含）”属于本段，“止（不含）”是下一段的起点；最后一段的“止”留空',
    '“是/否”列可填 是、否、yes、no、TRUE、FALSE',
    '“填写说明”这张表不会被读取；其他表的“备注”列也不会被读取',
    'CSV 格式：所有表放在同一张表里，每张表前加一行 [表名]，例如 [题目]',
  ],
  en: [
    'Conditions: item id, comparison, value; comparisons are = != >= <=, e.g. phq9_9 >= 1',
    'Join conditions with "or" and "and", with brackets where needed: (asq_1 = 1 or asq_2 = 1) and asq_5 >= 0',
    '"in" lists several values: x_3 in 1, 2',
    'An item id may be a bare number (e.g. 3): the instrument id is put in front (phq9_3)',
    'Bands include "From" and exclude "To", which is where the next band starts; leave "To" empty in the last band',
    'Yes/no columns take yes, no, 是, 否, TRUE, FALSE',
    'This sheet is never read, nor is a "Notes" column on any sheet',
    'CSV: put every sheet in one table, each after a row holding [sheet name], e.g. [Items]',
  ],
};

function helpTable(locale: Locale): TemplateTable {
  const words = WORDS[locale];
  const rows: (string | number)[][] = [];
  for (const spec of SHEETS) {
    if (spec.key === 'about') continue;
    for (const column of spec.columns) {
      rows.push([spec.name[locale], column.name[locale], column.required ? words.required : words.optional.replace(/[（）() ]/g, ''), column.hint[locale]]);
    }
  }
  for (const line of SYNTAX[locale]) rows.push(['', '', '', line]);
  const header = locale === 'zh-CN' ? ['表', '列', '是否必填', '怎么填'] : ['Sheet', 'Column', 'Required', 'What goes in it'];
  return { sheet: HELP_SHEET[locale], header, rows };
}
