import type { RateEstimate, TableRow } from '../../scoring/index.ts';
import type { Funnel } from './funnel.ts';
import type { GroupRows } from './groupRows.ts';
import { noteText } from './noteText.ts';
import { shownCount, shownText, type ColumnKind } from './shown.ts';
import type { BureauText } from './ui/bureauText.ts';
import type { UnitRow } from './unitRows.ts';
import type { YearOverYear } from './yearOverYear.ts';

export type TableCell = string | number;

/** A table for CSV and Excel: a sheet name, a header row and rows of text and numbers. */
export interface ExportTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** A proportion as a percentage with two decimals (a number, so a spreadsheet can compute with it). */
const percent = (value: number | undefined): TableCell => (value === undefined ? '' : Math.round(value * 10_000) / 100);

function rateCells(estimate: RateEstimate | undefined, suppressed: string): TableCell[] {
  if (!estimate) return [suppressed, '', ''];
  if (estimate.rate === undefined) return ['', '', ''];
  return [percent(estimate.rate), percent(estimate.interval?.low), percent(estimate.interval?.high)];
}

function rateHeader(name: string, text: BureauText): string[] {
  return [`${name} (%)`, `${name} ${text.ci} −`, `${name} ${text.ci} +`];
}

/** A count as a number, or the words for a suppressed one ("<5", "suppressed"): never 0 for unknown. */
function countCell(value: number | undefined, note: string, column: ColumnKind, k: number, text: BureauText): TableCell {
  const shown = shownCount(value, note, column);
  return shown.kind === 'exact' || shown.kind === 'atLeast' ? shown.value : shownText(shown, k, text);
}

export function unitsTable(units: readonly UnitRow[], k: number, text: BureauText): ExportTable {
  return {
    name: text.sheetNames.units,
    header: [text.code, text.name, text.schools, text.roster, text.completed, text.declined, ...rateHeader(text.participation, text), text.resultsN,
      ...rateHeader(text.medium, text), ...rateHeader(text.high, text), ...rateHeader(text.urgent, text), text.note],
    rows: units.map((unit) => {
      const count = (value: number | undefined, column: ColumnKind) => countCell(value, unit.note, column, k, text);
      const suppressed = shownText(shownCount(undefined, unit.note, 'results'), k, text);
      return [unit.code, unit.name, unit.schools, count(unit.roster, 'participation'), count(unit.completed, 'participation'), count(unit.declined, 'participation'),
        ...rateCells(unit.participation, suppressed), count(unit.resultsN, 'results'),
        ...rateCells(unit.medium, suppressed), ...rateCells(unit.high, suppressed), ...rateCells(unit.urgent, suppressed), noteText(unit.note, k, text.notes)];
    }),
  };
}

export function groupLabelOf(row: TableRow, text: BureauText): string {
  if (row.grade === 'all' && row.sex === 'all') return text.countyTotal;
  if (row.sex === 'all') return text.grade(row.grade);
  if (row.grade === 'all') return text.sexes[row.sex];
  return `${text.grade(row.grade)} ${text.sexes[row.sex]}`;
}

export function groupTable(name: string, rows: readonly TableRow[], k: number, text: BureauText): ExportTable {
  return {
    name,
    header: [text.group, text.roster, text.completed, text.declined, ...rateHeader(text.participation, text), text.resultsN,
      ...rateHeader(text.medium, text), ...rateHeader(text.high, text), ...rateHeader(text.urgent, text), text.note],
    rows: rows.map((row) => {
      const count = (value: number | undefined, column: ColumnKind) => countCell(value, row.note, column, k, text);
      const suppressed = shownText(shownCount(undefined, row.note, 'results'), k, text);
      return [groupLabelOf(row, text), count(row.roster, 'participation'), count(row.completed, 'participation'), count(row.declined, 'participation'),
        ...rateCells(row.participation, suppressed), count(row.resultsN, 'results'),
        ...rateCells(row.medium, suppressed), ...rateCells(row.high, suppressed), ...rateCells(row.urgentRate, suppressed), noteText(row.note, k, text.notes)];
    }),
  };
}

export function yearOverYearTable(yoy: YearOverYear, text: BureauText): ExportTable {
  const measure = text.funnelMeasures[yoy.measure];
  return {
    name: text.sheetNames.yoy,
    header: [text.code, text.name, ...rateHeader(`${measure} ${yoy.earlierYear}`, text), ...rateHeader(`${measure} ${yoy.laterYear}`, text),
      text.change, `${text.change} ${text.ci} −`, `${text.change} ${text.ci} +`, text.note],
    rows: yoy.rows.map((row) => [
      row.code, row.name, ...rateCells(row.earlier, text.suppressed), ...rateCells(row.later, text.suppressed),
      percent(row.change?.difference), percent(row.change?.interval.low), percent(row.change?.interval.high),
      [row.change ? text.directions[row.change.direction] : '', row.partial ? text.partialMark : ''].filter(Boolean).join(', '),
    ]),
  };
}

export function funnelAboveTable(funnel: Funnel, text: BureauText): ExportTable {
  return {
    name: text.sheetNames.above,
    header: [text.code, text.name, text.resultsN, `${text.funnelMeasures[funnel.measure]} (%)`, `${text.pooledLine} (%)`],
    rows: funnel.above.map((point) => [point.code, point.name, point.n, percent(point.rate), percent(funnel.rate)]),
  };
}

export interface DashboardTables {
  readonly units: readonly UnitRow[];
  readonly groups: GroupRows;
  readonly funnel: Funnel | undefined;
  readonly yoy: YearOverYear | undefined;
  readonly k: number;
}

/** Every dashboard table, in the order of the sheets of the Excel export. */
export function dashboardTables(data: DashboardTables, text: BureauText): ExportTable[] {
  return [
    unitsTable(data.units, data.k, text),
    groupTable(text.sheetNames.grades, data.groups.byGrade, data.k, text),
    groupTable(text.sheetNames.sexes, data.groups.bySex, data.k, text),
    groupTable(text.sheetNames.cells, data.groups.cells, data.k, text),
    ...(data.funnel ? [funnelAboveTable(data.funnel, text)] : []),
    ...(data.yoy ? [yearOverYearTable(data.yoy, text)] : []),
  ];
}
