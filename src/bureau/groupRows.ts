import { tableRows, type Aggregate, type TableRow } from '../../scoring/index.ts';

/** What a group table can show: the whole battery, or one instrument (`id@version`) by its own tiers. */
export function measuresOf(aggregate: Aggregate): string[] {
  return ['battery', ...aggregate.instruments.map((ref) => ref.split('#')[0] ?? ref)];
}

export interface GroupRows {
  /** Each grade over both sexes, then all grades. */
  readonly byGrade: readonly TableRow[];
  /** Boys, girls, then everyone. */
  readonly bySex: readonly TableRow[];
  /** Every grade × sex cell. */
  readonly cells: readonly TableRow[];
}

/** The merged file's rows for one measure, split the way the dashboard shows them (see `tableRows`). */
export function groupRows(aggregate: Aggregate, measure = 'battery'): GroupRows {
  const rows = tableRows(aggregate).filter((row) => row.instrument === measure);
  return {
    byGrade: rows.filter((row) => row.sex === 'all'),
    bySex: rows.filter((row) => row.grade === 'all'),
    cells: rows.filter((row) => row.grade !== 'all' && row.sex !== 'all'),
  };
}
