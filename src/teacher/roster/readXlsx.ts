import readXlsxFile from 'read-excel-file/universal';
import type { SheetRow } from './sheetTable.ts';

type CellValue = string | number | boolean | Date | null | undefined;

/**
 * A spreadsheet cell as the text a roster column holds. Dates (birth-date cells formatted as dates)
 * become YYYY-MM-DD: read-excel-file gives them as UTC midnight. Whole numbers lose Excel's ".0";
 * numbers too long to be exact are shown in exponent form so the student-number check can say that
 * Excel has already rounded them.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential();
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

export interface XlsxSheet {
  readonly sheetName: string;
  readonly rows: SheetRow[];
}

/**
 * The first non-empty sheet of an .xlsx file. Uses read-excel-file's universal entry: it takes an
 * ArrayBuffer and needs no DOM or Node API, so the browser and the Node tests run the same code.
 * Throws what read-excel-file throws for a file that is not a readable workbook.
 */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet | undefined> {
  // An exact ArrayBuffer: a Node Buffer's .buffer may be a larger shared pool.
  const buffer = bytes.slice().buffer;
  const sheets = await readXlsxFile(buffer);
  for (const sheet of sheets) {
    // read-excel-file keeps empty rows above and between data rows, so index + 1 is the row number.
    const rows = sheet.data.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => cellText(cell as CellValue)) }));
    if (rows.some((row) => row.cells.some((cell) => cell.trim() !== ''))) return { sheetName: sheet.sheet, rows };
  }
  return undefined;
}
