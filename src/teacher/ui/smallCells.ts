import { TIERS, type Tier } from '../../../scoring/index.ts';
import type { GroupSummary, ScreeningSummary } from '../workspace/summary.ts';

/**
 * Small-cell suppression for the class summary report (ClassSummaryReport.tsx). A leader who knows a
 * class of 40 could otherwise tell which one or two students a count of 1 or 2 is about.
 *
 * Primary: a count of 1 to k − 1 is shown as "<k". Complementary: wherever a reader knows that some
 * cells add up (a class's tiers to its completed count, a grade's classes to the grade), a hidden cell
 * must not be recoverable by subtraction; while one is, the smallest visible cell of that relation is
 * hidden as well ("<k" if it is 0, "≥k" otherwise). The check is exact for each relation on its own;
 * chains across several relations are not followed (scoring/aggregate does that for county exports).
 */

export const SMALL_CELL_K = 5;

export type Suppression = 'primary' | 'complementary';

/** A relation the reader knows: Σ plus − Σ minus = constant. Cells that are never hidden are folded into the constant. */
export interface CellLine {
  readonly plus: readonly string[];
  readonly minus: readonly string[];
  readonly constant: number;
}

interface Range {
  readonly low: number;
  readonly high: number;
}

/** What a reader learns from a hidden cell's label: "<k" could be 0 (a hidden zero), "≥k" has no upper end. */
const boundsOf = (count: number, k: number): Range => (count < k ? { low: 0, high: k - 1 } : { low: k, high: Number.POSITIVE_INFINITY });

const cellsOf = (line: CellLine): string[] => [...line.plus, ...line.minus];

/** True when the line leaves a reader exactly one possible value for the hidden cell `key`. */
function isPinned(line: CellLine, key: string, counts: ReadonlyMap<string, number>, hidden: ReadonlyMap<string, Suppression>, k: number): boolean {
  const valueOf = (cell: string) => counts.get(cell) ?? 0;
  let known = line.constant;
  let othersLow = 0;
  let othersHigh = 0;
  const signed = [...line.plus.map((cell) => [cell, 1] as const), ...line.minus.map((cell) => [cell, -1] as const)];
  let own: 1 | -1 = 1;
  for (const [cell, sign] of signed) {
    if (cell === key) own = sign;
    else if (!hidden.has(cell)) known -= sign * valueOf(cell);
    else {
      const bounds = boundsOf(valueOf(cell), k);
      othersLow += sign > 0 ? bounds.low : -bounds.high;
      othersHigh += sign > 0 ? bounds.high : -bounds.low;
    }
  }
  // own · x = known − others, so x lies in [known − othersHigh, known − othersLow] (mirrored when own = −1).
  const fromLine = own > 0 ? { low: known - othersHigh, high: known - othersLow } : { low: othersLow - known, high: othersHigh - known };
  const bounds = boundsOf(valueOf(key), k);
  return Math.max(fromLine.low, bounds.low) === Math.min(fromLine.high, bounds.high);
}

/** Which cells to hide, and why. Each round hides one more cell or gives up on one line, so this ends. */
export function suppressCells(counts: ReadonlyMap<string, number>, lines: readonly CellLine[], k = SMALL_CELL_K): Map<string, Suppression> {
  const hidden = new Map<string, Suppression>();
  for (const [key, count] of counts) if (count > 0 && count < k) hidden.set(key, 'primary');
  // A line whose cells are all hidden and still pinned (e.g. a class of 12 with 4 in each tier) cannot be
  // mended by hiding tier cells; only hiding its total would, and the report keeps totals visible.
  const hopeless = new Set<CellLine>();
  for (;;) {
    const exposed = lines.find((line) => !hopeless.has(line) && cellsOf(line).some((key) => hidden.has(key) && isPinned(line, key, counts, hidden, k)));
    if (!exposed) return hidden;
    const pick = cellsOf(exposed)
      .filter((key) => !hidden.has(key))
      .sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || a.localeCompare(b))[0];
    if (pick === undefined) hopeless.add(exposed);
    else hidden.set(pick, 'complementary');
  }
}

/** A count as the report prints it. */
export function cellText(count: number, suppression: Suppression | undefined, k = SMALL_CELL_K): string {
  if (suppression === undefined) return String(count);
  return count < k ? `<${k}` : `≥${k}`;
}

export type SummaryMeasure = Tier | 'urgent';
export const SUMMARY_MEASURES: readonly SummaryMeasure[] = [...TIERS, 'urgent'];

const rowKeyOf = (group: GroupSummary): string =>
  group.className !== undefined ? `class:${group.className}` : group.grade !== undefined ? `grade:${group.grade}` : 'school';

export const summaryCellKey = (group: GroupSummary, measure: SummaryMeasure): string => JSON.stringify([rowKeyOf(group), measure]);

const countOf = (group: GroupSummary, measure: SummaryMeasure): number => (measure === 'urgent' ? group.urgent : group.tiers[measure]);

/**
 * The relations a reader of the summary knows: in every row the tiers add up to the completed count
 * (which is shown), and for each measure the classes of a grade add up to the grade, the grades to the school.
 */
export function protectSummary(summary: ScreeningSummary, k = SMALL_CELL_K): Map<string, Suppression> {
  const rows = [summary.school, ...summary.grades, ...summary.classes];
  const counts = new Map<string, number>();
  for (const row of rows) for (const measure of SUMMARY_MEASURES) counts.set(summaryCellKey(row, measure), countOf(row, measure));
  const lines: CellLine[] = rows.map((row) => ({ plus: TIERS.map((tier) => summaryCellKey(row, tier)), minus: [], constant: row.completed }));
  for (const measure of SUMMARY_MEASURES) {
    lines.push({ plus: summary.grades.map((grade) => summaryCellKey(grade, measure)), minus: [summaryCellKey(summary.school, measure)], constant: 0 });
    for (const grade of summary.grades) {
      const classes = summary.classes.filter((group) => group.grade === grade.grade);
      lines.push({ plus: classes.map((group) => summaryCellKey(group, measure)), minus: [summaryCellKey(grade, measure)], constant: 0 });
    }
  }
  return suppressCells(counts, lines, k);
}
