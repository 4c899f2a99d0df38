import { levelOf, producerOf, tableRows, type Level, type RateEstimate, type TableRow } from '../../scoring/index.ts';
import type { LoadedFile } from './fileSet.ts';

/**
 * One loaded file as one unit of the dashboard: a school (its own published file) or a lower bureau
 * (its merged file). Counts and rates are those of the file's grand total: participation from the
 * published total, results from the published cells (`note` says when some were suppressed).
 */
export interface UnitRow {
  readonly id: string;
  readonly file: string;
  /** The school's code, or the issuing bureau's; "" for an unstamped merge of several schools. */
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  readonly schools: number;
  readonly counties: readonly string[];
  readonly roster?: number;
  readonly completed?: number;
  readonly declined?: number;
  readonly participation?: RateEstimate;
  /** Completed results the tier rates are over. */
  readonly resultsN?: number;
  readonly medium?: RateEstimate;
  readonly high?: RateEstimate;
  readonly urgent?: RateEstimate;
  /** As in `tableRows`: "", "suppressed:…", "partial:N", "results-partial:N". */
  readonly note: string;
}

export const totalRow = (rows: readonly TableRow[], instrument = 'battery'): TableRow | undefined =>
  rows.find((row) => row.instrument === instrument && row.grade === 'all' && row.sex === 'all');

export function unitRow(file: LoadedFile): UnitRow {
  const aggregate = file.aggregate;
  const producer = producerOf(aggregate);
  const total = totalRow(tableRows(aggregate));
  const row = {
    id: file.id,
    file: file.name,
    code: producer?.code ?? '',
    name: producer?.name ?? file.name,
    level: levelOf(aggregate),
    schools: aggregate.provenance.schools.length,
    counties: [...new Set(aggregate.provenance.schools.map((school) => school.county))].sort(),
    note: total?.note ?? 'suppressed:0',
  };
  if (!total) return row;
  return {
    ...row,
    ...(total.roster === undefined ? {} : { roster: total.roster }),
    ...(total.completed === undefined ? {} : { completed: total.completed }),
    ...(total.declined === undefined ? {} : { declined: total.declined }),
    ...(total.participation ? { participation: total.participation } : {}),
    ...(total.resultsN === undefined ? {} : { resultsN: total.resultsN }),
    ...(total.medium ? { medium: total.medium } : {}),
    ...(total.high ? { high: total.high } : {}),
    ...(total.urgentRate ? { urgent: total.urgentRate } : {}),
  };
}

const byName = (a: UnitRow, b: UnitRow): number => a.code.localeCompare(b.code) || a.name.localeCompare(b.name, 'zh-CN');

export const unitRows = (files: readonly LoadedFile[]): UnitRow[] => files.map(unitRow).sort(byName);
