import writeXlsxFile from 'write-excel-file/browser';

/** A one-sheet .xlsx from a header row and string/number rows, as Excel-literate schools expect. */
export async function xlsxBlob(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[]): Promise<Blob> {
  const data = [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map((value) => ({ value })))];
  return writeXlsxFile(data).toBlob();
}
