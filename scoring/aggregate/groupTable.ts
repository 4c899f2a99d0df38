import type { Sex } from '../schema/common.ts';
import { SEXES, compareGroups, groupKey, type Group } from './groups.ts';

/**
 * A grade × sex table with its totals, seen as a flow network so that "what do the published totals
 * reveal" becomes a question about cycles. Every group is an arc and every line of the table (a grade
 * row, a sex column, the total row and the total column) is a node where inflow equals outflow:
 *   source →(grade g, all)→ grade g →(g, sex)→ sex →(all, sex)→ total →(all, all)→ source.
 */
export interface GroupTable {
  readonly grades: readonly number[];
  /** Every group of the table (cells, then totals), in file order. */
  readonly groups: readonly Group[];
  /** The count suppression protects (students who completed the battery), by group key. */
  readonly counts: ReadonlyMap<string, number>;
}

export interface Arc {
  readonly group: Group;
  readonly key: string;
  readonly from: string;
  readonly to: string;
}

const SOURCE = 'source';
const TOTAL = 'total';
const gradeNode = (grade: number): string => `grade ${grade}`;

/** The table of a set of cells: cells missing for a grade present count as zero. */
export function groupTable(cells: readonly { grade: number; sex: Sex; completed: number }[]): GroupTable {
  const grades = [...new Set(cells.map((cell) => cell.grade))].sort((a, b) => a - b);
  const groups: Group[] = [
    ...grades.flatMap((grade) => SEXES.map((sex) => ({ grade, sex }))),
    ...grades.map((grade) => ({ grade, sex: 'all' as const })),
    ...SEXES.map((sex) => ({ grade: 'all' as const, sex })),
    { grade: 'all', sex: 'all' },
  ];
  const counts = new Map(groups.map((group) => [groupKey(group), 0]));
  for (const cell of cells) {
    for (const group of [cell, { grade: cell.grade, sex: 'all' }, { grade: 'all', sex: cell.sex }, { grade: 'all', sex: 'all' }] as const) {
      const key = groupKey(group);
      counts.set(key, (counts.get(key) ?? 0) + cell.completed);
    }
  }
  return { grades, groups: [...groups].sort(compareGroups), counts };
}

export function arcOf(group: Group): Arc {
  const key = groupKey(group);
  if (group.grade === 'all') return group.sex === 'all' ? { group, key, from: TOTAL, to: SOURCE } : { group, key, from: group.sex, to: TOTAL };
  return group.sex === 'all' ? { group, key, from: SOURCE, to: gradeNode(group.grade) } : { group, key, from: gradeNode(group.grade), to: group.sex };
}

/** The lines of the table: each node with the arcs that meet there. */
export function linesOf(table: GroupTable): Arc[][] {
  const arcs = table.groups.map(arcOf);
  const nodes = [SOURCE, ...table.grades.map(gradeNode), ...SEXES, TOTAL];
  return nodes.map((node) => arcs.filter((arc) => arc.from === node || arc.to === node));
}
