/**
 * The one CSV writer of the project (RFC 4180, CRLF line ends). Every export uses it, so every export
 * is safe to open in Excel or WPS: a text cell that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, OWASP's list) gets a leading apostrophe, which the
 * spreadsheet shows as text. Numbers are written as they are, so negative values stay numbers.
 */
export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly CsvCell[]): string => cells.map(csvCell).join(',');

/**
 * Rows as a CSV file with a UTF-8 byte-order mark, so Excel on Chinese Windows opens the Chinese
 * headers correctly instead of guessing GBK.
 */
export const csvFile = (rows: readonly (readonly CsvCell[])[]): string => `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
