import type { LocalizedText } from '../../../scoring/index.ts';

export const ROSTER_FIELDS = ['name', 'studentNumber', 'nationalId', 'grade', 'className', 'sex', 'birthDate', 'track'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Without these a student cannot sign in, be scored against the right norms, or be found again. */
export const REQUIRED_FIELDS: readonly RosterField[] = ['name', 'studentNumber', 'grade', 'className', 'sex'];

/** Which column (0-based index into the header) holds each field; the teacher can change it on screen. */
export type ColumnMapping = Readonly<Partial<Record<RosterField, number>>>;

export const FIELD_LABELS: Readonly<Record<RosterField, LocalizedText>> = {
  name: { 'zh-CN': '姓名', en: 'name' },
  studentNumber: { 'zh-CN': '学号', en: 'student number' },
  nationalId: { 'zh-CN': '全国学籍号', en: 'national student id' },
  grade: { 'zh-CN': '年级', en: 'grade' },
  className: { 'zh-CN': '班级', en: 'class' },
  sex: { 'zh-CN': '性别', en: 'sex' },
  birthDate: { 'zh-CN': '出生日期', en: 'birth date' },
  track: { 'zh-CN': '学段/类别', en: 'track' },
};

/**
 * Header texts schools use, normalized (see normalizeHeader). Exact matches win over partial ones,
 * and a field listed earlier wins a tie, so "全国学籍号" is never taken for "学号".
 */
const HEADER_NAMES: Readonly<Record<RosterField, readonly string[]>> = {
  nationalId: ['全国学籍号', '学籍号', '全国学籍编号', '学籍编号', '国家学籍号', 'nationalid', 'nationalstudentid', 'cnid'],
  studentNumber: ['学号', '学生学号', '校内学号', '学生编号', '编号', 'studentnumber', 'studentno', 'studentid', 'number', 'no', 'id'],
  name: ['姓名', '学生姓名', '名字', 'name', 'studentname', 'fullname'],
  grade: ['年级', '年级名称', '所在年级', 'grade', 'year', 'gradelevel'],
  className: ['班级', '班级名称', '班别', '班', '行政班', '所在班级', 'class', 'classname', 'form', 'homeroom'],
  sex: ['性别', 'sex', 'gender'],
  birthDate: ['出生日期', '出生年月日', '出生年月', '生日', '出生时间', 'birthdate', 'dateofbirth', 'dob', 'birthday'],
  track: ['学段', '类别', '学生类别', '类型', '学制', '办学类型', 'track', 'type', 'stream'],
};

/** Header text without spaces, punctuation, required-field stars or letter case: "* 出生日期（必填）" → "出生日期". */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((必填|选填|可选|required|optional)\)/g, '')
    .replace(/[\s*_\-.:/()[\]#]/g, '');
}

/** How well a header names a field: 2 = exactly one of its names, 1 = contains one, 0 = not at all. */
function matchStrength(header: string, field: RosterField): number {
  const names = HEADER_NAMES[field];
  if (names.includes(header)) return 2;
  // Only Chinese names are matched by containment: short English words ("no", "id") occur everywhere.
  return names.some((name) => /[\u4e00-\u9fff]/.test(name) && name.length >= 2 && header.includes(name)) ? 1 : 0;
}

/** A first guess at which column holds what, from the header names; the teacher confirms it on screen. */
export function guessColumnMapping(header: readonly string[]): ColumnMapping {
  const normalized = header.map(normalizeHeader);
  const mapping: Partial<Record<RosterField, number>> = {};
  const taken = new Set<number>();
  for (const strength of [2, 1]) {
    for (const field of Object.keys(HEADER_NAMES) as RosterField[]) {
      if (mapping[field] !== undefined) continue;
      const column = normalized.findIndex((text, index) => !taken.has(index) && text !== '' && matchStrength(text, field) === strength);
      if (column >= 0) {
        mapping[field] = column;
        taken.add(column);
      }
    }
  }
  return mapping;
}

export const mappedFieldCount = (mapping: ColumnMapping): number => Object.values(mapping).filter((column) => column !== undefined).length;
