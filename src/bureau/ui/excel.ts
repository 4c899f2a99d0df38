import writeXlsxFile from 'write-excel-file/browser';
import type { ExportTable } from '../tables.ts';

/** Excel limits sheet names to 31 characters and forbids : \ / ? * [ ]. */
const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** One workbook, one sheet per table, header row in bold. */
export async function tablesToXlsx(tables: readonly ExportTable[]): Promise<Blob> {
  return writeXlsxFile(tables.map((table) => ({
    sheet: sheetName(table.name),
    data: [table.header.map((value) => ({ value, fontWeight: 'bold' as const })), ...table.rows.map((row) => row.map((value) => ({ value })))],
  }))).toBlob();
}
