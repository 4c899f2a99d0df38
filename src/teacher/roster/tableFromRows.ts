import { guessColumnMapping, mappedFieldCount } from './columnMapping.ts';
import { isBlankRow, type SheetRow, type SheetSource, type SheetTable } from './sheetTable.ts';

/** How far down a title block ("XX中学 2026 级学生名单", an export date) may push the header. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Splits rows into header and data. The header is the first row (within the first ten non-empty
 * ones) in which at least two known column names appear, so title lines above it are skipped; if
 * none qualifies, the first non-empty row. Empty rows are dropped, row numbers are kept.
 */
export function tableFromRows(allRows: readonly SheetRow[], source: SheetSource): SheetTable | undefined {
  const rows = allRows.filter((row) => !isBlankRow(row));
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const headerIndex = Math.max(0, candidates.findIndex((row) => mappedFieldCount(guessColumnMapping(row.cells)) >= 2));
  const header = rows[headerIndex];
  if (!header) return undefined;
  return { header: { rowNumber: header.rowNumber, cells: header.cells.map((cell) => cell.trim()) }, rows: rows.slice(headerIndex + 1), source };
}
