import type { ExportTable, TableCell } from './tables.ts';

const cellText = (cell: TableCell): string => {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * A table as CSV (RFC 4180, CRLF line ends) with a UTF-8 byte-order mark, so Excel on Chinese Windows
 * opens the Chinese headers correctly instead of guessing GBK.
 */
export function toCsv(table: ExportTable): string {
  return `\uFEFF${[table.header, ...table.rows].map((row) => row.map(cellText).join(',')).join('\r\n')}\r\n`;
}

