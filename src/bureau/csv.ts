import { csvFile } from '../common/index.ts';
import type { ExportTable } from './tables.ts';

/** A table as CSV through the project's one CSV writer (formula-safe, UTF-8 with BOM, CRLF). */
export const toCsv = (table: ExportTable): string => csvFile([table.header, ...table.rows]);
