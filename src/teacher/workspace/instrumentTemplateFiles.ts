import type { SheetData } from 'write-excel-file/universal';
import { csvFile, type CsvCell } from '../../common/index.ts';
import type { TemplateTable } from './instrumentTemplateRows.ts';

/**
 * The template tables laid out as files: workbook sheets for write-excel-file (the browser entry in
 * the app, the universal one in tests), and one CSV with a "[sheet]" row before each section.
 */

export interface TemplateWorkbookSheet {
  readonly sheet: string;
  readonly data: SheetData;
  readonly columns: { width: number }[];
  readonly stickyRowsCount: number;
}

/** Roughly how wide a column must be to show its longest short value; long texts wrap at 60. */
const widthOf = (values: readonly (string | number)[]): number =>
  Math.min(60, Math.max(8, ...values.map((value) => [...String(value)].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2)));

export function templateWorkbookSheets(tables: readonly TemplateTable[]): TemplateWorkbookSheet[] {
  return tables.map((table) => ({
    sheet: table.sheet,
    // Every cell is written as text except numbers, so Excel keeps ids such as "1.10" and "1~9" as typed.
    data: [
      table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String, format: '@' }))),
    ],
    columns: table.header.map((name, index) => ({ width: widthOf([name, ...table.rows.map((row) => row[index] ?? '')]) })),
    stickyRowsCount: 1,
  }));
}

/** Every sheet in one CSV, each after a "[sheet]" row, through the project's one CSV writer. */
export function templateCsv(tables: readonly TemplateTable[]): string {
  const rows: (readonly CsvCell[])[] = [];
  for (const table of tables) {
    if (rows.length > 0) rows.push([]);
    rows.push([`[${table.sheet}]`], table.header, ...table.rows);
  }
  return csvFile(rows);
}
