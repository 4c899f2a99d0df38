import type { RateEstimate, TableRow } from '../../scoring/index.ts';

/**
 * The columns of `psyscreen aggregate table`, defined once so the CSV and the Parquet file cannot
 * drift apart: same names, same order, same values. `count` is an integer, `rate` a proportion
 * rounded to 4 decimals (as printed in the CSV), `text` always present; undefined = not published.
 */
export type TableColumnKind = 'text' | 'count' | 'rate';

export interface TableColumn {
  readonly name: string;
  readonly kind: TableColumnKind;
  readonly value: (row: TableRow) => string | number | undefined;
}

const rateDigits = 4;
/** A rate as the CSV prints it; the Parquet file holds the number this text reads as. */
export const rateText = (value: number): string => value.toFixed(rateDigits);

const text = (name: string, value: (row: TableRow) => string | number): TableColumn => ({ name, kind: 'text', value: (row) => String(value(row)) });
const count = (name: string, value: (row: TableRow) => number | undefined): TableColumn => ({ name, kind: 'count', value });
const rate = (name: string, value: (row: TableRow) => number | undefined): TableColumn => ({ name, kind: 'rate', value });
const rateOf = (estimate: (row: TableRow) => RateEstimate | undefined) => (row: TableRow) => estimate(row)?.rate;

export const TABLE_COLUMN_SPECS: readonly TableColumn[] = [
  text('scope', (row) => row.scope),
  count('schools', (row) => row.schools),
  text('instrument', (row) => row.instrument),
  text('grade', (row) => row.grade),
  text('sex', (row) => row.sex),
  count('roster', (row) => row.roster),
  count('completed', (row) => row.completed),
  count('declined', (row) => row.declined),
  count('invalid', (row) => row.invalid),
  count('results_n', (row) => row.resultsN),
  count('low', (row) => row.tiers?.low),
  count('medium', (row) => row.tiers?.medium),
  count('high', (row) => row.tiers?.high),
  count('urgent', (row) => row.urgent),
  rate('participation_rate', rateOf((row) => row.participation)),
  rate('high_rate', rateOf((row) => row.high)),
  rate('high_ci_low', (row) => row.high?.interval?.low),
  rate('high_ci_high', (row) => row.high?.interval?.high),
  rate('medium_rate', rateOf((row) => row.medium)),
  rate('urgent_rate', rateOf((row) => row.urgentRate)),
  text('note', (row) => row.note),
];
