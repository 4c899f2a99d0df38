import type { Locale } from '../../../scoring/index.ts';

/**
 * The instrument template's layout: which sheets it has, their columns, and the fields of the "about"
 * sheet. One spec builds the downloadable template and reads the filled one, so the two cannot drift.
 * Every sheet and column has a Chinese and an English name; either is accepted when reading, with
 * full-width brackets, case and spaces ignored.
 */

type Names = Readonly<Record<Locale, string>>;

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly name: Names;
  /** Other spellings a teacher might use. */
  readonly aliases?: readonly string[];
  readonly required: boolean;
  /** What goes in the cell, for the instructions sheet. */
  readonly hint: Names;
}

export interface SheetSpec<K extends string = string> {
  readonly key: SheetKey;
  readonly name: Names;
  readonly aliases?: readonly string[];
  readonly required: boolean;
  readonly columns: readonly ColumnSpec<K>[];
}

export type SheetKey = 'about' | 'options' | 'items' | 'scales' | 'bands' | 'critical' | 'pairs';

const col = <K extends string>(key: K, zh: string, en: string, required: boolean, hintZh: string, hintEn: string, aliases?: readonly string[]): ColumnSpec<K> =>
  ({ key, name: { 'zh-CN': zh, en }, required, hint: { 'zh-CN': hintZh, en: hintEn }, ...(aliases ? { aliases } : {}) });

/** A free notes column any sheet may have; it is never read. */
export const NOTES_COLUMN: Names = { 'zh-CN': '备注', en: 'Notes' };
const NOTES_ALIASES = ['说明', 'note', 'comment', '注释'];

export const ABOUT_SHEET: SheetSpec<'field' | 'value'> = {
  key: 'about', name: { 'zh-CN': '量表信息', en: 'About' }, aliases: ['信息', 'metadata', 'instrument'], required: true,
  columns: [
    col('field', '项目', 'Field', true, '项目名称，见下表', 'The field name, see below', ['字段']),
    col('value', '内容', 'Value', true, '该项的内容', 'Its value', ['值']),
  ],
};

export const OPTIONS_SHEET: SheetSpec<'set' | 'value' | 'labelZh' | 'labelEn' | 'refusal'> = {
  key: 'options', name: { 'zh-CN': '选项', en: 'Options' }, aliases: ['选项组', 'option sets'], required: true,
  columns: [
    col('set', '选项组', 'Option set', true, '选项组标识（小写字母、数字、连字符）；留空表示与上一行相同', 'Option set id (lower-case letters, digits, hyphens); empty means the same as the row above', ['option set id']),
    col('value', '分值', 'Value', true, '整数分值', 'Whole-number score', ['score']),
    col('labelZh', '选项（中文）', 'Label (zh-CN)', true, '学生看到的中文选项', 'The option as students read it in Chinese', ['选项中文']),
    col('labelEn', '选项（英文）', 'Label (en)', true, '英文选项', 'The option in English', ['选项英文']),
    col('refusal', '拒答', 'Refusal', false, '“是”表示“不想回答”选项（不计分）；留空为否', '"yes" for a "prefer not to answer" option (never scored); empty means no', ['不计分']),
  ],
};

export const ITEMS_SHEET: SheetSpec<'id' | 'textZh' | 'textEn' | 'options' | 'reverse' | 'showIf'> = {
  key: 'items', name: { 'zh-CN': '题目', en: 'Items' }, aliases: ['条目'], required: true,
  columns: [
    col('id', '题号', 'Item id', true, '如 phq9_1；只写编号（1、2…）时自动加上量表标识', 'e.g. phq9_1; a bare number (1, 2, …) gets the instrument id put in front', ['题目标识', 'id']),
    col('textZh', '题目（中文）', 'Text (zh-CN)', true, '中文题干', 'The item in Chinese', ['题目中文', '题干']),
    col('textEn', '题目（英文）', 'Text (en)', true, '英文题干', 'The item in English', ['题目英文']),
    col('options', '选项组', 'Option set', true, '“选项”表中的选项组标识', 'An option set id from the Options sheet'),
    col('reverse', '反向计分', 'Reverse-keyed', false, '“是”表示反向计分；留空为否', '"yes" if reverse-keyed; empty means no', ['反向', 'reverse']),
    col('showIf', '显示条件', 'Shown if', false, '留空表示总是显示；例如 phq9_1 >= 1 或 phq9_2 >= 1', 'Empty means always shown; e.g. phq9_1 >= 1 or phq9_2 >= 1', ['条件', 'show if']),
  ],
};

export const SCALES_SHEET: SheetSpec<'id' | 'nameZh' | 'nameEn' | 'items' | 'method' | 'multiplier' | 'missing' | 'maxMissing'> = {
  key: 'scales', name: { 'zh-CN': '分量表', en: 'Scales' }, aliases: ['维度', '计分'], required: false,
  columns: [
    col('id', '分量表标识', 'Scale id', true, '如 total（小写字母、数字、连字符）', 'e.g. total (lower-case letters, digits, hyphens)', ['标识']),
    col('nameZh', '名称（中文）', 'Name (zh-CN)', true, '中文名称，如“总分”', 'Chinese name, e.g. 总分', ['名称中文']),
    col('nameEn', '名称（英文）', 'Name (en)', true, '英文名称，如 Total', 'English name, e.g. Total', ['名称英文']),
    col('items', '题目', 'Items', true, '题号，用逗号分隔；连续的题可写 phq9_1~phq9_9 或 1~9', 'Item ids separated by commas; a run can be written phq9_1~phq9_9 or 1~9', ['包含题目']),
    col('method', '计分方法', 'Method', true, '求和 或 平均', 'sum or mean', ['方法']),
    col('multiplier', '乘数', 'Multiplier', false, '可选：最后乘以此数（如 WHO-5 的 4）', 'Optional: the score is multiplied by it last (e.g. 4 for WHO-5)'),
    col('missing', '缺答规则', 'Missing rule', true, '作废（任一题缺答即不计分）或 按比例（按已答题的平均分补足）', 'invalidate (any missing item leaves no score) or prorate (from the mean of the answered items)', ['缺失规则']),
    col('maxMissing', '最多缺答题数', 'Max missing', false, '“按比例”时必填：最多允许缺答几题', 'Required for prorate: how many items may be missing', ['最多缺答']),
  ],
};

export const BANDS_SHEET: SheetSpec<'scale' | 'id' | 'labelZh' | 'labelEn' | 'from' | 'to'> = {
  key: 'bands', name: { 'zh-CN': '分段', en: 'Bands' }, aliases: ['划界分', 'cut-offs', 'cutoffs'], required: false,
  columns: [
    col('scale', '分量表标识', 'Scale id', true, '“分量表”表中的标识；留空表示与上一行相同', 'A scale id from the Scales sheet; empty means the same as the row above', ['分量表']),
    col('id', '分段标识', 'Band id', true, '如 mild（小写字母、数字、连字符）', 'e.g. mild (lower-case letters, digits, hyphens)', ['标识']),
    col('labelZh', '名称（中文）', 'Label (zh-CN)', true, '如“轻度”', 'e.g. 轻度', ['名称中文']),
    col('labelEn', '名称（英文）', 'Label (en)', true, '如 Mild', 'e.g. Mild', ['名称英文']),
    col('from', '起（含）', 'From (inclusive)', true, '本段最低分（含）', 'The lowest score in the band (inclusive)', ['起', 'from']),
    col('to', '止（不含）', 'To (exclusive)', false, '下一段的起点（本段不含此分）；最后一段留空', 'Where the next band starts (not in this band); empty for the last band', ['止', 'to']),
  ],
};

export const CRITICAL_SHEET: SheetSpec<'id' | 'flag' | 'when' | 'positiveIfUnanswered' | 'reasonZh' | 'reasonEn'> = {
  key: 'critical', name: { 'zh-CN': '关键题', en: 'Critical items' }, aliases: ['危机题', 'critical'], required: false,
  columns: [
    col('id', '规则标识', 'Rule id', true, '如 phq9-item9', 'e.g. phq9-item9', ['标识']),
    col('flag', '标记', 'Flag', true, '紧急 或 急迫（急迫 = 当下有危险）', 'urgent or acute (acute = danger now)'),
    col('when', '条件', 'Condition', true, '例如 phq9_9 >= 1', 'e.g. phq9_9 >= 1', ['触发条件']),
    col('positiveIfUnanswered', '未答视为阳性', 'Positive if unanswered', true, '是 或 否：该题出现却未答或拒答时是否触发', 'yes or no: whether an item that was asked but not answered (or refused) triggers the rule'),
    col('reasonZh', '原因（中文）', 'Reason (zh-CN)', true, '给老师看的说明', 'What the teacher is told', ['原因中文']),
    col('reasonEn', '原因（英文）', 'Reason (en)', true, '英文说明', 'The same in English', ['原因英文']),
  ],
};

export const PAIRS_SHEET: SheetSpec<'a' | 'b' | 'relation' | 'maxDifference'> = {
  key: 'pairs', name: { 'zh-CN': '一致性题对', en: 'Consistency pairs' }, aliases: ['题对'], required: false,
  columns: [
    col('a', '题目 A', 'Item A', true, '题号', 'Item id'),
    col('b', '题目 B', 'Item B', true, '题号', 'Item id'),
    col('relation', '关系', 'Relation', true, '同向 或 反向', 'same or opposite'),
    col('maxDifference', '最大差值', 'Max difference', true, '认真作答时两题分值之差不超过此数', 'A careful respondent\'s two answers differ by at most this much'),
  ],
};

export const SHEETS = [ABOUT_SHEET, OPTIONS_SHEET, ITEMS_SHEET, SCALES_SHEET, BANDS_SHEET, CRITICAL_SHEET, PAIRS_SHEET] as const;

/** The instructions sheet of the downloaded template: never read back. */
export const HELP_SHEET: Names = { 'zh-CN': '填写说明', en: 'How to fill in' };
const HELP_ALIASES = ['说明', 'instructions', 'help', 'readme'];

export type AboutField =
  | 'id' | 'version' | 'abbreviation' | 'nameZh' | 'nameEn' | 'instructionsZh' | 'instructionsEn'
  | 'gradesMin' | 'gradesMax' | 'agesMin' | 'agesMax' | 'citation' | 'translation' | 'url'
  | 'licenceTerms' | 'noticeZh' | 'noticeEn' | 'wordingVerified' | 'wordingNotes';

export interface FieldSpec {
  readonly key: AboutField;
  readonly name: Names;
  readonly aliases?: readonly string[];
  readonly required: boolean;
  readonly hint: Names;
}

const field = (key: AboutField, zh: string, en: string, required: boolean, hintZh: string, hintEn: string, aliases?: readonly string[]): FieldSpec =>
  ({ key, name: { 'zh-CN': zh, en }, required, hint: { 'zh-CN': hintZh, en: hintEn }, ...(aliases ? { aliases } : {}) });

/** The rows of the "about" sheet, in the order the template lists them. */
export const ABOUT_FIELDS: readonly FieldSpec[] = [
  field('id', '量表标识', 'Instrument id', true, '小写字母、数字、连字符，以字母开头，如 school-stress', 'Lower-case letters, digits, hyphens, starting with a letter, e.g. school-stress', ['标识', 'id']),
  field('version', '版本', 'Version', true, '如 1.0.0；发布后修改须换新版本', 'e.g. 1.0.0; after publishing, a change needs a new version', ['版本号']),
  field('abbreviation', '简称', 'Abbreviation', true, '如 PHQ-9', 'e.g. PHQ-9', ['缩写']),
  field('nameZh', '名称（中文）', 'Name (zh-CN)', true, '量表中文全称', 'Full Chinese name', ['中文名称']),
  field('nameEn', '名称（英文）', 'Name (en)', true, '量表英文全称', 'Full English name', ['英文名称']),
  field('instructionsZh', '指导语（中文）', 'Instructions (zh-CN)', true, '答题前学生看到的说明', 'What students read before the items', ['中文指导语']),
  field('instructionsEn', '指导语（英文）', 'Instructions (en)', true, '英文指导语', 'The same in English', ['英文指导语']),
  field('gradesMin', '最低年级', 'Lowest grade', true, '1–12，如 7 或“初一”', '1–12, e.g. 7', ['适用年级（起）']),
  field('gradesMax', '最高年级', 'Highest grade', true, '1–12，如 12 或“高三”', '1–12, e.g. 12', ['适用年级（止）']),
  field('agesMin', '最小年龄', 'Youngest age', true, '周岁', 'Years', ['年龄（起）']),
  field('agesMax', '最大年龄', 'Oldest age', true, '周岁', 'Years', ['年龄（止）']),
  field('citation', '文献出处', 'Citation', true, '原始文献', 'The publication', ['出处', 'source']),
  field('translation', '中文版出处', 'Translation', false, '可选：中文版的译者或出处', 'Optional: who made the Chinese wording, where it is published', ['译本出处']),
  field('url', '网址', 'URL', false, '可选：https://…', 'Optional: https://…', ['链接']),
  field('licenceTerms', '使用许可', 'Licence terms', true, '版权方允许的使用方式', 'What the owner allows', ['许可条款', 'licence', 'license']),
  field('noticeZh', '版权声明（中文）', 'Licence notice (zh-CN)', true, '显示在量表旁的声明', 'Shown with the instrument wherever it appears', ['中文版权声明']),
  field('noticeEn', '版权声明（英文）', 'Licence notice (en)', true, '英文声明', 'The same in English', ['英文版权声明']),
  field('wordingVerified', '措辞已核对', 'Wording verified', true, '是：已与正式出版的措辞逐字核对；否：未核对', 'yes: checked word for word against the published wording; no: not checked', ['措辞已核实']),
  field('wordingNotes', '措辞说明', 'Wording notes', false, '可选：核对了什么、在哪里核对、有何改动', 'Optional: what was checked, where, and any change', ['核对说明']),
];

/** Header and sheet names compare without case, spaces or full-width forms: "名称(中文)" = "名称（中文）". */
export const nameKey = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const namesOf = (spec: { name: Names; aliases?: readonly string[] }): string[] => [spec.name['zh-CN'], spec.name.en, ...(spec.aliases ?? [])];

export function sheetFor(name: string): SheetSpec | 'help' | undefined {
  const key = nameKey(name);
  if ([HELP_SHEET['zh-CN'], HELP_SHEET.en, ...HELP_ALIASES].some((candidate) => nameKey(candidate) === key)) return 'help';
  return SHEETS.find((sheet) => namesOf(sheet).some((candidate) => nameKey(candidate) === key));
}

export function columnFor<K extends string>(sheet: SheetSpec<K>, header: string): ColumnSpec<K> | 'notes' | undefined {
  const key = nameKey(header);
  if ([NOTES_COLUMN['zh-CN'], NOTES_COLUMN.en, ...NOTES_ALIASES].some((candidate) => nameKey(candidate) === key)) return 'notes';
  return sheet.columns.find((column) => namesOf(column).some((candidate) => nameKey(candidate) === key));
}

export const fieldFor = (name: string): FieldSpec | undefined =>
  ABOUT_FIELDS.find((candidate) => namesOf(candidate).some((alias) => nameKey(alias) === nameKey(name)));
