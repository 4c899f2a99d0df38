import { fail, issue, succeed, type Issue, type Outcome } from '../../../scoring/index.ts';
import { readRosterFile } from '../../teacher/roster/readRosterFile.ts';
import { isBlankRow, type SheetRow } from '../../teacher/roster/sheetTable.ts';
import { SCHOOL_TYPES, TYPE_NAMES, ZExpectedSchool, type ExpectedSchool, type SchoolType } from './schema.ts';

export const LIST_FIELDS = ['code', 'name', 'type', 'district', 'enrolment'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
const REQUIRED: readonly ListField[] = ['code', 'name', 'type', 'district'];

/** Header texts bureaus use, normalized; an exact match wins over a partial one, an earlier field a tie. */
const HEADER_NAMES: Readonly<Record<ListField, readonly string[]>> = {
  code: ['学校代码', '学校标识码', '学校识别码', '代码', '标识码', '编码', 'schoolcode', 'code', 'id'],
  name: ['学校名称', '学校', '名称', '校名', 'schoolname', 'name', 'school'],
  type: ['学校类型', '办学类型', '类型', '学段', '类别', 'schooltype', 'type'],
  district: ['所属区县', '区县', '所在区县', '县区', '区域', '街道', '乡镇', '片区', 'district', 'county', 'area'],
  enrolment: ['在校生数', '在校学生数', '学生数', '应测人数', '人数', '学生人数', 'enrolment', 'enrollment', 'students', 'pupils'],
};
const HEADER_SEARCH_ROWS = 10;

export const normalize = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[\s*＊:：()（）_\-./、]/g, '').replace(/必填|选填/g, '');

/** Which column holds each field, from the header cells; undefined where no header matches. */
export function listColumns(header: readonly string[]): Partial<Record<ListField, number>> {
  const names = header.map(normalize);
  const taken = new Set<number>();
  const found: Partial<Record<ListField, number>> = {};
  for (const exact of [true, false]) {
    for (const field of LIST_FIELDS) {
      if (found[field] !== undefined) continue;
      const index = names.findIndex((name, i) => !taken.has(i) && name !== '' && HEADER_NAMES[field].some((known) => (exact ? name === known : name.includes(known))));
      if (index >= 0) {
        found[field] = index;
        taken.add(index);
      }
    }
  }
  return found;
}

const TYPE_BY_NAME = new Map<string, SchoolType>(SCHOOL_TYPES.flatMap((type) => TYPE_NAMES[type].map((name) => [name, type] as const)));
export const schoolTypeOf = (text: string): SchoolType | undefined => TYPE_BY_NAME.get(normalize(text));

/** "1,234", "1234", "1234.0" → 1234; anything else (or a negative, a fraction) is not an enrolment. */
function enrolmentOf(text: string): number | undefined | 'bad' {
  const plain = text.replace(/[,，\s]/g, '');
  if (plain === '') return undefined;
  if (!/^\d+(?:\.0+)?$/.test(plain)) return 'bad';
  return Number(plain);
}

export interface ReadList {
  readonly schools: readonly ExpectedSchool[];
  /** Where each school came from, for messages: its spreadsheet row. */
  readonly rows: readonly number[];
}

/**
 * The bureau's list of the schools it expects files from, read from the same files the teacher's
 * roster import reads (xlsx or CSV/TSV in any encoding Excel writes, src/teacher/roster) and checked
 * row by row with zod. Every problem names its row and column; one problem refuses the whole list.
 */
export async function readSchoolList(bytes: Uint8Array): Promise<Outcome<ReadList>> {
  const table = await readRosterFile(bytes);
  if (!table.ok) return table;
  return schoolListFromRows([table.value.header, ...table.value.rows]);
}

export function schoolListFromRows(allRows: readonly SheetRow[]): Outcome<ReadList> {
  const rows = allRows.filter((row) => !isBlankRow(row));
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => Object.keys(listColumns(row.cells)).length >= 3);
  const header = rows[Math.max(0, headerIndex)];
  if (!header) return fail([issue('school_list_empty', [])]);
  const columns = listColumns(header.cells);
  const missing = REQUIRED.filter((field) => columns[field] === undefined);
  if (headerIndex < 0 || missing.length > 0) {
    return fail(missing.map((field) => issue('school_list_column_missing', ['columns', field], { field, row: header.rowNumber })));
  }
  const data = rows.slice(rows.indexOf(header) + 1);
  if (data.length === 0) return fail([issue('school_list_no_schools', [], { row: header.rowNumber })]);
  const issues: Issue[] = [];
  const schools: ExpectedSchool[] = [];
  const rowNumbers: number[] = [];
  const firstRow = new Map<string, number>();
  const columnName = (field: ListField): string => header.cells[columns[field] ?? -1] ?? field;
  for (const row of data) {
    const cell = (field: ListField): string => (columns[field] === undefined ? '' : (row.cells[columns[field]] ?? '').trim());
    const at = (field: ListField) => ({ row: row.rowNumber, column: columnName(field), value: cell(field) });
    const before = issues.length;
    for (const field of REQUIRED) if (cell(field) === '') issues.push(issue('school_list_value_missing', ['rows', row.rowNumber, field], at(field)));
    if (issues.length > before) continue;
    const type = schoolTypeOf(cell('type'));
    if (!type) issues.push(issue('school_list_type_unknown', ['rows', row.rowNumber, 'type'], at('type')));
    const enrolment = enrolmentOf(cell('enrolment'));
    if (enrolment === 'bad') issues.push(issue('school_list_enrolment_invalid', ['rows', row.rowNumber, 'enrolment'], at('enrolment')));
    const candidate = { code: cell('code'), name: cell('name'), type, district: cell('district'), ...(typeof enrolment === 'number' ? { enrolment } : {}) };
    const parsed = ZExpectedSchool.safeParse(candidate);
    if (!parsed.success) {
      for (const found of parsed.error.issues) {
        const field = found.path[0];
        // type and enrolment are reported above in words a bureau reads
        if (field === 'type' || field === 'enrolment' || typeof field !== 'string') continue;
        issues.push(issue('school_list_value_invalid', ['rows', row.rowNumber, field], at(field as ListField)));
      }
      continue;
    }
    const first = firstRow.get(parsed.data.code);
    if (first !== undefined) {
      issues.push(issue('school_list_duplicate_code', ['rows', row.rowNumber, 'code'], { ...at('code'), first }));
      continue;
    }
    firstRow.set(parsed.data.code, row.rowNumber);
    schools.push(parsed.data);
    rowNumbers.push(row.rowNumber);
  }
  return issues.length > 0 ? fail(issues) : succeed({ schools, rows: rowNumbers });
}
