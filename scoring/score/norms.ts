import { errorFunction } from 'simple-statistics';
import { shortRefOf } from '../library/ref.ts';
import type { NormGroup, NormTable } from '../schema/norms.ts';
import type { NormScore, Respondent } from './types.ts';

export interface NormLookup {
  /** T-score and percentile for a raw score, or why there are none. */
  convert(instrument: { id: string; version: string }, scale: string, respondent: Respondent, raw: number): NormScore | 'no_table' | 'no_group';
  readonly refs: readonly string[];
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

export const describeGroup = (group: NormGroup['group']): string => {
  const grades = group.grades.length > 1 ? `grades ${Math.min(...group.grades)}-${Math.max(...group.grades)}` : `grade ${group.grades[0] ?? '?'}`;
  return `${grades}, ${group.sex}`;
};

/** T = 50 + 10·z, from the group's mean and SD. */
export const tScore = (raw: number, group: Pick<NormGroup, 'mean' | 'sd'>): number => round1(50 + (10 * (raw - group.mean)) / group.sd);

/** Percentile from the group's table (linear between points, clamped at the ends), else the normal curve. */
export function percentileOf(raw: number, group: NormGroup): { percentile: number; method: 'table' | 'normal' } {
  const points = group.percentiles;
  if (!points || points.length === 0) {
    const z = (raw - group.mean) / group.sd;
    return { percentile: round1(50 * (1 + errorFunction(z / Math.SQRT2))), method: 'normal' };
  }
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) throw new Error('unreachable: non-empty percentile table');
  if (raw <= first.raw) return { percentile: first.percentile, method: 'table' };
  if (raw >= last.raw) return { percentile: last.percentile, method: 'table' };
  for (let i = 1; i < points.length; i++) {
    const upper = points[i];
    const lower = points[i - 1];
    if (!upper || !lower || raw > upper.raw) continue;
    const share = (raw - lower.raw) / (upper.raw - lower.raw);
    return { percentile: round1(lower.percentile + share * (upper.percentile - lower.percentile)), method: 'table' };
  }
  return { percentile: last.percentile, method: 'table' };
}

/**
 * Indexes norm tables by instrument version, scale, grade and sex. A respondent's group is the one
 * naming their sex, else the one for "any" sex; the first table listed that has a group wins.
 */
export function compileNorms(tables: readonly NormTable[]): NormLookup {
  const index = new Map<string, { ref: string; groups: Map<string, NormGroup> }[]>();
  for (const table of tables) {
    const ref = shortRefOf(table);
    for (const version of table.instrumentVersions) {
      for (const [scale, groups] of Object.entries(table.scales)) {
        const byKey = new Map<string, NormGroup>();
        for (const group of groups) for (const grade of group.group.grades) byKey.set(`${grade}/${group.group.sex}`, group);
        const key = `${table.instrument}@${version}/${scale}`;
        index.set(key, [...(index.get(key) ?? []), { ref, groups: byKey }]);
      }
    }
  }
  return {
    refs: tables.map(shortRefOf),
    convert(instrument, scale, respondent, raw) {
      const candidates = index.get(`${instrument.id}@${instrument.version}/${scale}`);
      if (!candidates) return 'no_table';
      for (const { ref, groups } of candidates) {
        const group = groups.get(`${respondent.grade}/${respondent.sex}`) ?? groups.get(`${respondent.grade}/any`);
        if (!group) continue;
        const { percentile, method } = percentileOf(raw, group);
        return { table: ref, group: describeGroup(group.group), n: group.n, t: tScore(raw, group), percentile, percentileMethod: method };
      }
      return 'no_group';
    },
  };
}
