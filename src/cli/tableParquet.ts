import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import type { TableRow } from '../../scoring/index.ts';
import { rateText, TABLE_COLUMN_SPECS, type TableColumn } from './tableColumns.ts';

const PARQUET_TYPE = { text: 'STRING', count: 'INT32', rate: 'DOUBLE' } as const;

/** The value a warehouse reads: the CSV's rounded rate as a number, a count as is, null when not published. */
function cellValue(column: TableColumn, row: TableRow): string | number | null {
  const value = column.value(row);
  if (value === undefined) return null;
  if (column.kind === 'rate' && typeof value === 'number') return Number(rateText(value));
  return value;
}

/**
 * The rows of `psyscreen aggregate table` as one Parquet file (hyparquet-writer, Snappy): the CSV's
 * columns in the CSV's order, counts INT32, rates DOUBLE, text UTF-8; a count or rate the file does
 * not publish is null, never 0, and `note` says why, as in the CSV.
 */
export function tableParquet(rows: readonly TableRow[], createdBy: string): Uint8Array {
  const columnData: ColumnSource[] = TABLE_COLUMN_SPECS.map((column) => ({
    name: column.name,
    type: PARQUET_TYPE[column.kind],
    nullable: column.kind !== 'text',
    data: rows.map((row) => cellValue(column, row)),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy }));
}
