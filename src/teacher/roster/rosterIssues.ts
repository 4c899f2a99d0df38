import type { z } from 'zod';
import { issue, type Issue } from '../../../scoring/index.ts';
import type { ColumnMapping, RosterField } from './columnMapping.ts';
import type { SheetRow, SheetTable } from './sheetTable.ts';

/** "A", "B", … "AA": how a spreadsheet names a column whose header cell is empty. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The column as the teacher sees it: its header text, or its letter when the header cell is empty. */
export function columnName(table: SheetTable, column: number): string {
  const header = table.header.cells[column]?.trim();
  return header ? header : columnLetter(column);
}

/** Where a field's problems point: ['rows', row, column name], with the parameters every row message uses. */
export function cellIssue(
  code: string, table: SheetTable, mapping: ColumnMapping, row: SheetRow, field: RosterField, params: Record<string, string | number> = {},
): Issue {
  const column = mapping[field];
  const name = column === undefined ? field : columnName(table, column);
  const cell = column === undefined ? '' : (row.cells[column] ?? '').trim();
  // A message quotes the cell; a pasted paragraph (or a hostile file) is quoted by its start only.
  const value = [...cell].length > 60 ? `${[...cell].slice(0, 57).join('')}…` : cell;
  return issue(code, ['rows', row.rowNumber, name], { row: row.rowNumber, column: name, value, ...params });
}

/**
 * zod's issues for one row, as cell issues from left to right (as the teacher reads the row). Our
 * checks carry their code in params.code or as the message.
 */
export function fromRowZodIssues(zodIssues: readonly z.core.$ZodIssue[], table: SheetTable, mapping: ColumnMapping, row: SheetRow): Issue[] {
  return zodIssues
    .map((zodIssue) => {
      const field = String(zodIssue.path[0] ?? 'name') as RosterField;
      const params = zodIssue.code === 'custom' ? { ...(zodIssue.params as Record<string, string | number> | undefined) } : {};
      const code = typeof params.code === 'string' ? params.code : /^roster_[a-z_]+$/.test(zodIssue.message) ? zodIssue.message : 'roster_value_invalid';
      delete params.code;
      return { column: mapping[field] ?? Number.MAX_SAFE_INTEGER, found: cellIssue(code, table, mapping, row, field, params) };
    })
    .sort((a, b) => a.column - b.column)
    .map(({ found }) => found);
}
