import type { SheetData } from 'write-excel-file/universal';
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

const quote = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; CRLF line ends. */
export function templateCsv(tables: readonly TemplateTable[]): string {
  const lines: string[] = [];
  for (const table of tables) {
    if (lines.length > 0) lines.push('');
    lines.push(quote(`[${table.sheet}]`));
    lines.push(table.header.map(quote).join(','));
    for (const row of table.rows) lines.push(row.map(quote).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
