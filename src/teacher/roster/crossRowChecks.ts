import type { Issue } from '../../../scoring/index.ts';
import type { ColumnMapping } from './columnMapping.ts';
import { cellIssue } from './rosterIssues.ts';
import type { RosterRow } from './rosterRow.ts';
import type { SheetRow, SheetTable } from './sheetTable.ts';

export interface ImportedRow {
  readonly source: SheetRow;
  readonly student: RosterRow;
}

export interface CrossRowFindings {
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

/**
 * Rules that need the whole roster. Each repeat is reported at its own row and names the first row,
 * so the teacher can look at both: a student number or national id used twice (errors: records
 * would merge two students), a class name in two grades (error: the class lists would mix them),
 * two students of the same name in a class (warning: allowed, but worth a look for a double entry).
 */
export function crossRowChecks(rows: readonly ImportedRow[], table: SheetTable, mapping: ColumnMapping): CrossRowFindings {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const firstByNumber = new Map<string, ImportedRow>();
  const firstByNationalId = new Map<string, ImportedRow>();
  const firstByClass = new Map<string, ImportedRow>();
  const firstByNameInClass = new Map<string, ImportedRow>();
  for (const row of rows) {
    const { student, source } = row;
    const number = student.studentNumber.toUpperCase();
    const sameNumber = firstByNumber.get(number);
    if (sameNumber) errors.push(cellIssue('roster_student_number_duplicate', table, mapping, source, 'studentNumber', { first: sameNumber.source.rowNumber }));
    else firstByNumber.set(number, row);

    if (student.nationalId !== undefined) {
      const sameId = firstByNationalId.get(student.nationalId.toUpperCase());
      if (sameId) errors.push(cellIssue('roster_national_id_duplicate', table, mapping, source, 'nationalId', { first: sameId.source.rowNumber }));
      else firstByNationalId.set(student.nationalId.toUpperCase(), row);
    }

    const sameClass = firstByClass.get(student.className);
    if (!sameClass) firstByClass.set(student.className, row);
    else if (sameClass.student.grade !== student.grade) {
      errors.push(cellIssue('roster_class_in_two_grades', table, mapping, source, 'className', {
        className: student.className, grade: student.grade, first: sameClass.source.rowNumber, firstGrade: sameClass.student.grade,
      }));
    }

    const nameKey = `${student.className}\u0000${student.name}`;
    const sameName = firstByNameInClass.get(nameKey);
    if (sameName) warnings.push(cellIssue('roster_same_name_in_class', table, mapping, source, 'name', { name: student.name, first: sameName.source.rowNumber }));
    else firstByNameInClass.set(nameKey, row);
  }
  return { errors, warnings };
}
