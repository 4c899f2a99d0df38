import { fail, issue, type Outcome } from '../outcome.ts';
import { parseWith } from '../schema/parse.ts';
import { canonicalAggregate } from './canonical.ts';
import { coarsenHistogram } from './coarsen.ts';
import { publishFollowUp } from './followUpPublish.ts';
import { groupKey, isCell, type Group } from './groups.ts';
import { groupTable } from './groupTable.ts';
import { ZAggregate, type Aggregate, type AggregateCell, type AggregateMargin, type InstrumentSummary, type SuppressedEntry } from './schema.ts';
import { suppressionPattern } from './suppression.ts';
import { producerOf } from './stamp.ts';

export interface PublishOptions {
  /** Raise the threshold for this copy; it can never go below the aggregate's own k. */
  readonly k?: number;
  /** Code recorded as the suppressor; the school (or the latest stamp's bureau) when absent. */
  readonly by?: string;
}

/**
 * The copy of an exact aggregate that may leave the school: groups with 0 < completed < k and their
 * complements suppressed (see `suppressionPattern`), totals published for participation only, and in
 * every published cell small instrument groups, small scales and rare scores withheld or pooled.
 * Every suppression is listed with its reason.
 */
export function publishAggregate(aggregate: Aggregate, options: PublishOptions = {}): Outcome<Aggregate> {
  if (aggregate.stage !== 'exact') return fail([issue('already_published', ['stage'])]);
  const k = options.k ?? aggregate.k;
  if (!Number.isInteger(k) || k < aggregate.k) return fail([issue('k_lowered', ['k'], { k, minimum: aggregate.k })]);
  const by = options.by ?? producerOf(aggregate)?.code;
  if (by === undefined) return fail([issue('publish_needs_producer', [])]);

  const table = groupTable(aggregate.cells);
  const hidden = suppressionPattern(table, k);
  const suppressed: SuppressedEntry[] = table.groups
    .filter((group) => hidden.has(groupKey(group)))
    .map((group) => ({ by, grade: group.grade, sex: group.sex, reason: hidden.get(groupKey(group)) ?? 'primary' }));
  const shown = aggregate.cells.filter((cell) => !hidden.has(groupKey(cell)));
  const followUp = publishFollowUp(aggregate.cells, shown, k, by);
  const cells = shown.map((cell) => publishCell(cell, k, by, suppressed));
  const margins = table.groups
    .filter((group) => !isCell(group) && !hidden.has(groupKey(group)))
    .map((group) => marginOf(group, aggregate.cells))
    .filter((margin) => margin.roster > 0);
  return parseWith(ZAggregate, canonicalAggregate({ ...aggregate, stage: 'published', k, cells, margins, suppressed, ...(followUp ? { followUp } : {}) }));
}

function publishCell(cell: AggregateCell, k: number, by: string, suppressed: SuppressedEntry[]): AggregateCell {
  const where = { by, grade: cell.grade, sex: cell.sex };
  const instruments = cell.instruments.flatMap((summary): InstrumentSummary[] => {
    // Grades 10–12 can mix bands (general and vocational) that give different instruments.
    if (summary.completed > 0 && summary.completed < k) {
      suppressed.push({ ...where, instrument: summary.instrument, reason: 'primary' });
      return [];
    }
    const scales = summary.scales.flatMap((scale) => {
      if (scale.scored > 0 && scale.scored < k) {
        suppressed.push({ ...where, instrument: summary.instrument, scale: scale.scale, reason: 'primary' });
        return [];
      }
      return [{ ...scale, ...coarsenHistogram(scale, k) }];
    });
    return [{ ...summary, scales }];
  });
  // The cell's own follow-up counts stay in the school; the file carries one summary (publishFollowUp).
  const rest: AggregateCell = { ...cell, instruments };
  delete rest.followUp;
  return rest;
}

function marginOf(group: Group, cells: readonly AggregateCell[]): AggregateMargin {
  const inside = cells.filter((cell) => (group.grade === 'all' || cell.grade === group.grade) && (group.sex === 'all' || cell.sex === group.sex));
  const sum = (field: 'roster' | 'completed' | 'declined') => inside.reduce((total, cell) => total + cell[field], 0);
  return { grade: group.grade, sex: group.sex, roster: sum('roster'), completed: sum('completed'), declined: sum('declined') };
}
