import { fail, issue, succeed, type Issue, type Outcome } from '../../../scoring/index.ts';
import { checkAgeForGrade } from './ageForGrade.ts';
import { FIELD_LABELS, REQUIRED_FIELDS, ROSTER_FIELDS, type ColumnMapping, type RosterField } from './columnMapping.ts';
import { crossRowChecks, type ImportedRow } from './crossRowChecks.ts';
import { cellIssue, columnName, fromRowZodIssues } from './rosterIssues.ts';
import { ZRosterRow, rosterCellsSchema, type RosterCells, type RosterRow } from './rosterRow.ts';
import type { SheetTable } from './sheetTable.ts';

export interface RosterImport {
  readonly students: readonly RosterRow[];
  /** Worth a look but not wrong (an unusual age for the grade, two students of the same name in a class). */
  readonly warnings: readonly Issue[];
}

export interface ValidateRosterOptions {
  /** YYYY-MM-DD in the school's time zone: birth dates after it are errors, ages are counted from it. */
  readonly today: string;
}

const fieldParams = (field: RosterField, prefix = 'field'): Record<string, string> => ({
  [`${prefix}Zh`]: FIELD_LABELS[field]['zh-CN'],
  [`${prefix}En`]: FIELD_LABELS[field].en,
});

/** Problems with the column choice itself: a required field without a column, or a column chosen twice. */
function mappingIssues(table: SheetTable, mapping: ColumnMapping): Issue[] {
  const issues: Issue[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (mapping[field] === undefined) issues.push(issue('roster_column_missing', ['columns', field], fieldParams(field)));
  }
  const fieldByColumn = new Map<number, RosterField>();
  for (const field of ROSTER_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    const other = fieldByColumn.get(column);
    if (other) issues.push(issue('roster_column_used_twice', ['columns', field], { column: columnName(table, column), ...fieldParams(field), ...fieldParams(other, 'other') }));
    else fieldByColumn.set(column, field);
  }
  return issues;
}

/**
 * Checks a whole roster against the column mapping the teacher confirmed. Any error means nothing is
 * imported (invariant 8: bad input never changes what is stored); every error in the file is listed
 * at once, each at its row and column, so the teacher can fix them all in one pass.
 */
export function validateRoster(table: SheetTable, mapping: ColumnMapping, options: ValidateRosterOptions): Outcome<RosterImport> {
  const mappingProblems = mappingIssues(table, mapping);
  if (mappingProblems.length > 0) return fail(mappingProblems);
  if (table.rows.length === 0) return fail([issue('roster_no_students', [], { header: table.header.rowNumber })]);

  const cellsSchema = rosterCellsSchema(options.today);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const imported: ImportedRow[] = [];
  for (const source of table.rows) {
    const cells = Object.fromEntries(ROSTER_FIELDS.map((field) => {
      const column = mapping[field];
      return [field, column === undefined ? '' : (source.cells[column] ?? '')];
    })) as RosterCells;
    const fromCells = cellsSchema.safeParse(cells);
    if (!fromCells.success) {
      errors.push(...fromRowZodIssues(fromCells.error.issues, table, mapping, source));
      continue;
    }
    const checked = ZRosterRow.safeParse({ rowNumber: source.rowNumber, ...fromCells.data });
    if (!checked.success) {
      errors.push(...fromRowZodIssues(checked.error.issues, table, mapping, source));
      continue;
    }
    const student = checked.data;
    imported.push({ source, student });
    if (student.birthDate === undefined) {
      if (mapping.birthDate !== undefined) warnings.push(cellIssue('roster_birth_date_missing', table, mapping, source, 'birthDate'));
    } else {
      const age = checkAgeForGrade(student.birthDate, student.grade, options.today);
      if (!age.fits) warnings.push(cellIssue('roster_age_unusual_for_grade', table, mapping, source, 'birthDate', { date: student.birthDate, age: age.age, usualAge: age.usualAge, grade: student.grade }));
    }
  }
  const crossRow = crossRowChecks(imported, table, mapping);
  errors.push(...crossRow.errors);
  if (errors.length > 0) return fail(errors.sort(byRow));
  if (mapping.birthDate === undefined) warnings.unshift(issue('roster_no_birth_date_column', ['columns', 'birthDate']));
  warnings.push(...crossRow.warnings);
  return succeed({ students: imported.map((row) => row.student), warnings: warnings.sort(byRow) });
}

/** Issues in sheet order, so the list reads top to bottom like the spreadsheet. */
function byRow(a: Issue, b: Issue): number {
  const rowOf = (found: Issue): number => (found.path[0] === 'rows' && typeof found.path[1] === 'number' ? found.path[1] : 0);
  return rowOf(a) - rowOf(b);
}
