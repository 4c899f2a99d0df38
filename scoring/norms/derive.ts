import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { LocalizedText } from '../locale.ts';
import { fail, issue, succeed, type Issue, type Outcome } from '../outcome.ts';
import type { Instrument } from '../schema/instrument.ts';
import type { NormGroup, NormGroupKey, NormTable } from '../schema/norms.ts';
import type { Sex } from '../schema/common.ts';
import { describeGroup } from '../score/norms.ts';

/** One scored student of the cohort: their group and raw scale scores (null = not scorable). */
export interface CohortMember {
  readonly grade: number;
  readonly sex: Sex;
  readonly scales: Readonly<Record<string, number | null>>;
}

export interface DeriveNormsRequest {
  readonly instrument: Pick<Instrument, 'id' | 'version' | 'scales'>;
  readonly cohort: readonly CohortMember[];
  /** Groups of grades to pool (e.g. [[7,8,9],[10,11,12]]); default one group per grade. */
  readonly gradeGroups?: readonly (readonly number[])[];
  readonly bySex: boolean;
  readonly minGroupSize: number;
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  /** Date of derivation, passed in so that derivation stays pure. */
  readonly date: string;
  readonly from: string;
}

export interface DerivedNorms {
  readonly table: NormTable;
  /** Groups left out because they were too small or had no spread. */
  readonly refused: readonly Issue[];
}

const round = (value: number, places: number): number => Number(value.toFixed(places));

/** Mid-rank percentile of every observed raw score: 100 × (below + ½·equal) / n. */
function percentilePoints(sorted: readonly number[]): { raw: number; percentile: number }[] {
  const points: { raw: number; percentile: number }[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end < sorted.length && sorted[end] === sorted[start]) end += 1;
    points.push({ raw: sorted[start] ?? 0, percentile: round((100 * (start + (end - start) / 2)) / sorted.length, 1) });
    start = end;
  }
  return points;
}

/**
 * Local norms from a cohort: n, mean, SD and a percentile table per grade group (× sex), for every
 * scale. Groups below the minimum size are refused by name; if no group qualifies, nothing is derived.
 */
export function deriveNorms(request: DeriveNormsRequest): Outcome<DerivedNorms> {
  const gradeGroups = request.gradeGroups ?? [...new Set(request.cohort.map((member) => member.grade))].sort((a, b) => a - b).map((grade) => [grade]);
  const sexes: NormGroupKey['sex'][] = request.bySex ? ['female', 'male'] : ['any'];
  const refused: Issue[] = [];
  const scales: Record<string, NormGroup[]> = {};
  for (const scale of request.instrument.scales) {
    for (const grades of gradeGroups) {
      for (const sex of sexes) {
        const key: NormGroupKey = { grades: [...grades], sex };
        const raws = request.cohort
          .filter((member) => grades.includes(member.grade) && (sex === 'any' || member.sex === sex))
          .map((member) => member.scales[scale.id])
          .filter((raw): raw is number => typeof raw === 'number')
          .sort((a, b) => a - b);
        const label = `${scale.id}: ${describeGroup(key)}`;
        if (raws.length < request.minGroupSize) {
          refused.push(issue('norm_group_too_small', ['scales', scale.id], { group: label, n: raws.length, minimum: request.minGroupSize }));
          continue;
        }
        const sd = sampleStandardDeviation(raws);
        if (!(sd > 0)) {
          refused.push(issue('norm_group_no_spread', ['scales', scale.id], { group: label, n: raws.length }));
          continue;
        }
        (scales[scale.id] ??= []).push({ group: key, n: raws.length, mean: round(mean(raws), 3), sd: round(sd, 3), percentiles: percentilePoints(raws) });
      }
    }
  }
  if (Object.keys(scales).length === 0) return fail([issue('no_norm_group_large_enough', [], { minimum: request.minGroupSize }), ...refused]);
  const table: NormTable = {
    kind: 'norms',
    id: request.id,
    version: request.version,
    name: request.name,
    instrument: request.instrument.id,
    instrumentVersions: [request.instrument.version],
    derived: { n: request.cohort.length, date: request.date, from: request.from, minGroupSize: request.minGroupSize },
    scales,
  };
  return succeed({ table, refused });
}
