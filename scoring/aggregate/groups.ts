import type { Sex } from '../schema/common.ts';

/**
 * A group of students an aggregate counts: one grade × sex cell, or a total over grades, sexes or both
 * ("all"). Cells hold results; totals (margins) hold participation only (see README, "Aggregates").
 */
export type GroupGrade = number | 'all';
export type GroupSex = Sex | 'all';
export interface Group {
  readonly grade: GroupGrade;
  readonly sex: GroupSex;
}

export const SEXES: readonly Sex[] = ['male', 'female'];
const SEX_ORDER: readonly GroupSex[] = ['male', 'female', 'all'];

/** "8/female", "all/male", "all/all": a map key for a group. */
export const groupKey = (group: Group): string => `${group.grade}/${group.sex}`;

export const isCell = (group: Group): group is { grade: number; sex: Sex } => group.grade !== 'all' && group.sex !== 'all';

/** Grades ascending with "all" last, then male, female, all: the order of every list in a file. */
export function compareGroups(a: Group, b: Group): number {
  const gradeA = a.grade === 'all' ? Number.POSITIVE_INFINITY : a.grade;
  const gradeB = b.grade === 'all' ? Number.POSITIVE_INFINITY : b.grade;
  return gradeA !== gradeB ? gradeA - gradeB : SEX_ORDER.indexOf(a.sex) - SEX_ORDER.indexOf(b.sex);
}

/** Whether every student of `part` belongs to `whole` (a cell lies inside its grade, sex and grand totals). */
export const groupContains = (whole: Group, part: Group): boolean =>
  (whole.grade === 'all' || whole.grade === part.grade) && (whole.sex === 'all' || whole.sex === part.sex);

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
