import { compareGroups, groupContains, groupKey, isCell, SEXES, type Group } from './groups.ts';
import { rateOf, type RateEstimate } from './rates.ts';
import type { Aggregate, AggregateCell, SuppressedEntry, TierCounts } from './schema.ts';

export interface TableRow extends Group {
  /** The school's code for one school's file, "merged" otherwise. */
  readonly scope: string;
  readonly schools: number;
  /** "battery" for the whole battery, else the instrument's id@version. */
  readonly instrument: string;
  /** Participation (battery rows only). Undefined = not published. */
  readonly roster?: number;
  readonly completed?: number;
  readonly declined?: number;
  readonly invalid?: number;
  /** How many completed results the tier counts and rates are over: in totals, those of the published cells. */
  readonly resultsN?: number;
  readonly tiers?: TierCounts;
  readonly urgent?: number;
  readonly participation?: RateEstimate;
  readonly high?: RateEstimate;
  readonly medium?: RateEstimate;
  readonly urgentRate?: RateEstimate;
  /**
   * "" complete; "suppressed:primary" / "suppressed:complementary" / "suppressed:N" nothing published;
   * "partial:N" the counts leave out N suppressed groups; "results-partial:N" participation is complete
   * but the results (summed from cells) leave out N suppressed cells.
   */
  readonly note: string;
}

interface Counts {
  completed: number;
  tiers: TierCounts;
  urgent: number;
  invalid: number;
}

/**
 * One row per group (cells, grade totals, sex totals, grand total) for the battery and for each
 * instrument, with counts and rates, as `psyscreen aggregate table` prints them. Totals take
 * participation from the published totals and results from the published cells they contain.
 */
export function tableRows(aggregate: Aggregate): TableRow[] {
  const scope = aggregate.provenance.schools.length === 1 ? (aggregate.provenance.schools[0]?.code ?? 'merged') : 'merged';
  const base = { scope, schools: aggregate.provenance.schools.length };
  const groups = groupsOf(aggregate);
  const battery = groups.map((group) => ({ ...base, ...group, instrument: 'battery', ...batteryRow(aggregate, group) }));
  const instruments = aggregate.instruments.flatMap((ref) => groups.flatMap((group) => {
    const row = instrumentRow(aggregate, group, ref);
    return row ? [{ ...base, ...group, instrument: ref.split('#')[0] ?? ref, ...row }] : [];
  }));
  return [...battery, ...instruments];
}

function groupsOf(aggregate: Aggregate): Group[] {
  const seen = new Map<string, Group>();
  const add = (group: Group) => seen.set(groupKey(group), { grade: group.grade, sex: group.sex });
  for (const group of [...aggregate.cells, ...aggregate.margins, ...aggregate.suppressed.filter((entry) => entry.instrument === undefined)]) add(group);
  const grades = [...new Set([...seen.values()].map((group) => group.grade).filter((grade) => grade !== 'all'))];
  if (seen.size > 0) {
    for (const grade of grades) add({ grade, sex: 'all' });
    for (const sex of SEXES) add({ grade: 'all', sex });
    add({ grade: 'all', sex: 'all' });
  }
  return [...seen.values()].sort(compareGroups);
}

const groupEntries = (aggregate: Aggregate, test: (entry: SuppressedEntry) => boolean): SuppressedEntry[] => aggregate.suppressed.filter(test);

function suppressedNote(entries: readonly SuppressedEntry[]): string {
  const [only] = entries;
  return entries.length === 1 && only ? `suppressed:${only.reason}` : `suppressed:${entries.length}`;
}

function sumCounts(cells: readonly AggregateCell[], pick: (cell: AggregateCell) => Counts | undefined): Counts | undefined {
  const parts = cells.map(pick).filter((part) => part !== undefined);
  if (parts.length === 0) return undefined;
  return parts.reduce((sum, part) => ({
    completed: sum.completed + part.completed, invalid: sum.invalid + part.invalid, urgent: sum.urgent + part.urgent,
    tiers: { low: sum.tiers.low + part.tiers.low, medium: sum.tiers.medium + part.tiers.medium, high: sum.tiers.high + part.tiers.high },
  }));
}

function resultColumns(counts: Counts, withInvalid: boolean) {
  return {
    completed: counts.completed,
    resultsN: counts.completed,
    ...(withInvalid ? { invalid: counts.invalid } : {}),
    tiers: counts.tiers,
    urgent: counts.urgent,
    high: rateOf(counts.tiers.high, counts.completed),
    medium: rateOf(counts.tiers.medium, counts.completed),
    urgentRate: rateOf(counts.urgent, counts.completed),
  };
}

function batteryRow(aggregate: Aggregate, group: Group) {
  const at = groupEntries(aggregate, (entry) => entry.instrument === undefined && entry.grade === group.grade && entry.sex === group.sex);
  const inside = groupEntries(aggregate, (entry) => entry.instrument === undefined && isCell(entry) && groupContains(group, entry));
  const cells = aggregate.cells.filter((cell) => groupContains(group, cell));
  const participation = isCell(group) ? cells[0] : aggregate.stage === 'exact' ? sumParticipation(cells) : aggregate.margins.find((margin) => margin.grade === group.grade && margin.sex === group.sex);
  const results = sumCounts(cells, (cell) => cell);
  if (!participation && !results) return { note: suppressedNote(at.length > 0 ? at : inside) };
  const shown = {
    ...(participation ? { roster: participation.roster, declined: participation.declined, participation: rateOf(participation.completed, participation.roster) } : {}),
    ...(results ? resultColumns(results, true) : {}),
    ...(participation ? { completed: participation.completed } : {}),
  };
  const resultsMissing = isCell(group) ? at.length : inside.length;
  const note = at.length > 0 ? `partial:${at.length}` : resultsMissing > 0 ? `results-partial:${resultsMissing}` : '';
  return { ...shown, note };
}

function sumParticipation(cells: readonly AggregateCell[]) {
  if (cells.length === 0) return undefined;
  return { roster: cells.reduce((s, c) => s + c.roster, 0), completed: cells.reduce((s, c) => s + c.completed, 0), declined: cells.reduce((s, c) => s + c.declined, 0) };
}

function instrumentRow(aggregate: Aggregate, group: Group, ref: string) {
  const cells = aggregate.cells.filter((cell) => groupContains(group, cell));
  const missing = groupEntries(aggregate, (entry) => isCell(entry) && groupContains(group, entry) && (entry.instrument === undefined || (entry.instrument === ref && entry.scale === undefined)));
  const counts = sumCounts(cells, (cell) => {
    const summary = cell.instruments.find((candidate) => candidate.instrument === ref);
    return summary ? { ...summary, invalid: 0 } : undefined;
  });
  const own = missing.filter((entry) => entry.instrument === ref);
  if (!counts) return own.length > 0 ? { note: suppressedNote(own) } : undefined;
  return { ...resultColumns(counts, false), note: missing.length > 0 ? `partial:${missing.length}` : '' };
}
