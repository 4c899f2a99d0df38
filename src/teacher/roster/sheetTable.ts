/** One row of a spreadsheet as the teacher sees it: its row number (1 = first row) and its cells as text. */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

/** A roster file read into text: the header row and the data rows below it, empty rows left out. */
export interface SheetTable {
  readonly header: SheetRow;
  readonly rows: readonly SheetRow[];
  /** How the file was read, for the import screen ("GBK, comma separated", "Excel, sheet 花名册"). */
  readonly source: SheetSource;
}

export type SheetSource =
  | { readonly kind: 'text'; readonly encoding: TextEncodingName; readonly delimiter: Delimiter }
  | { readonly kind: 'xlsx'; readonly sheetName: string };

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type Delimiter = ',' | ';' | '\t';

export const isBlankRow = (row: SheetRow): boolean => row.cells.every((cell) => cell.trim() === '');
