import {
  DEFAULT_BANDS, deriveNorms, fail, issue, parseRef, refOf, succeed,
  type Catalog, type CohortMember, type Instrument, type Issue, type LocalizedText, type NormTable, type Outcome,
} from '../../../scoring/index.ts';
import type { StudentRecord, Wave } from '../../records/index.ts';
import { waveOfPlan } from './summary.ts';

/**
 * Local norms from a past screening (DESIGN.md invariant 3): the raw scale scores of its completed,
 * valid waves, grouped by grade or grade band (× sex), through scoring's `deriveNorms`. Groups that
 * are too small or have no spread are listed with their n, never silently dropped.
 */

export type NormsGrouping = 'band' | 'grade';
export type NormsSex = 'male' | 'female' | 'any';

export interface LocalNormsRequest {
  /** The screening, `id@version`, as its waves name it. */
  readonly plan: string;
  /** Instrument id; the version is the one the screening gave. */
  readonly instrument: string;
  readonly grouping: NormsGrouping;
  readonly bySex: boolean;
  readonly minGroupSize: number;
  /** Questionable results (fast or straight-lined answers) are left out unless asked for; invalid ones always are. */
  readonly includeQuestionable?: boolean;
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  /** YYYY-MM-DD from the caller's clock. */
  readonly date: string;
}

export interface NormsGroupReport {
  readonly scale: string;
  readonly grades: readonly number[];
  readonly sex: NormsSex;
  readonly n: number;
  readonly status: 'derived' | 'too_small' | 'no_spread';
  readonly mean?: number;
  readonly sd?: number;
}

export interface LocalNorms {
  /** Absent when no group reached the minimum size (`issues` says so). */
  readonly table?: NormTable;
  readonly groups: readonly NormsGroupReport[];
  /** Students whose scores went in. */
  readonly cohort: number;
  readonly excluded: { readonly declined: number; readonly invalid: number; readonly questionable: number; readonly otherVersion: number };
  readonly issues: readonly Issue[];
}

export const DEFAULT_MIN_GROUP_SIZE = 50;

/** A slug for ids from a school name or code: ASCII letters and digits, else "school". */
export function schoolSlug(text: string): string {
  const slug = text.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30).replace(/-+$/, '');
  if (slug === '') return 'school';
  return /^[a-z]/.test(slug) ? slug : `s${slug}`;
}

export const localNormsId = (school: string, instrument: string, year: number): string => `local-${schoolSlug(school)}-${instrument}-${year}`;

/** The instrument ids a screening's completed waves gave (in the order first seen). */
export function instrumentsOfScreening(records: readonly StudentRecord[], plan: string): string[] {
  const ids = new Set<string>();
  for (const record of records) {
    const wave = waveOfPlan(record, plan);
    if (wave?.status !== 'completed') continue;
    for (const ref of wave.instruments) {
      const parsed = parseRef(ref);
      if (parsed) ids.add(parsed.id);
    }
  }
  return [...ids];
}

/** The year the screening took place: the latest finish among its completed waves. */
export function yearOfScreening(records: readonly StudentRecord[], plan: string): number | undefined {
  let latest: string | undefined;
  for (const record of records) {
    const wave = waveOfPlan(record, plan);
    if (wave?.status === 'completed' && (latest === undefined || wave.finishedAt > latest)) latest = wave.finishedAt;
  }
  return latest === undefined ? undefined : Number(latest.slice(0, 4));
}

interface Scored { readonly wave: Wave; readonly ref: string; readonly member: CohortMember }

function gradeGroupsOf(grouping: NormsGrouping, cohort: readonly CohortMember[]): number[][] {
  const present = [...new Set(cohort.map((member) => member.grade))].sort((a, b) => a - b);
  if (grouping === 'grade') return present.map((grade) => [grade]);
  const groups: number[][] = [];
  for (const band of DEFAULT_BANDS) {
    const grades = [...band.grades].sort((a, b) => a - b);
    if (groups.some((group) => group.join() === grades.join())) continue; // vocational shares grades 10–12
    if (grades.some((grade) => present.includes(grade))) groups.push(grades);
  }
  const covered = new Set(groups.flat());
  for (const grade of present) if (!covered.has(grade)) groups.push([grade]);
  return groups;
}

function reports(instrument: Instrument, cohort: readonly CohortMember[], groups: readonly number[][], bySex: boolean, minimum: number, table: NormTable | undefined): NormsGroupReport[] {
  const sexes: NormsSex[] = bySex ? ['female', 'male'] : ['any'];
  const out: NormsGroupReport[] = [];
  for (const scale of instrument.scales) {
    for (const grades of groups) {
      for (const sex of sexes) {
        const n = cohort.filter((member) => grades.includes(member.grade) && (sex === 'any' || member.sex === sex) && typeof member.scales[scale.id] === 'number').length;
        const derived = table?.scales[scale.id]?.find((group) => group.group.sex === sex && group.group.grades.join() === grades.join());
        if (derived) out.push({ scale: scale.id, grades, sex, n, status: 'derived', mean: derived.mean, sd: derived.sd });
        else out.push({ scale: scale.id, grades, sex, n, status: n < minimum ? 'too_small' : 'no_spread' });
      }
    }
  }
  return out;
}

/**
 * Derives a norm table from one screening. Each student counts once (their latest wave of the plan);
 * the instrument version is the one most of the screening's waves gave, and the catalog must hold it.
 */
export function deriveLocalNorms(records: readonly StudentRecord[], catalog: Catalog, request: LocalNormsRequest): Outcome<LocalNorms> {
  if (!Number.isInteger(request.minGroupSize) || request.minGroupSize < 2) return fail([issue('norms_min_group_invalid', ['minGroupSize'], { value: request.minGroupSize })]);
  const excluded = { declined: 0, invalid: 0, questionable: 0, otherVersion: 0 };
  const scored: Scored[] = [];
  for (const record of records) {
    const wave = waveOfPlan(record, request.plan);
    if (!wave) continue;
    const result = wave.results[0]?.result;
    if (wave.status !== 'completed' || !result) { excluded.declined += 1; continue; }
    const ref = wave.instruments.find((candidate) => parseRef(candidate)?.id === request.instrument);
    const given = result.instruments.find((candidate) => candidate.instrument === ref);
    if (!ref || !given) continue;
    if (result.validity.status === 'invalid') { excluded.invalid += 1; continue; }
    if (result.validity.status === 'questionable' && request.includeQuestionable !== true) { excluded.questionable += 1; continue; }
    const scales = Object.fromEntries(given.scales.map((scale) => [scale.id, scale.raw]));
    scored.push({ wave, ref, member: { grade: result.respondent.grade, sex: result.respondent.sex, scales } });
  }
  if (scored.length === 0) return fail([issue('norms_no_waves', ['plan'], { plan: request.plan, instrument: request.instrument })]);

  const byRef = new Map<string, number>();
  for (const entry of scored) byRef.set(entry.ref, (byRef.get(entry.ref) ?? 0) + 1);
  const [ref] = [...byRef].sort(([, a], [, b]) => b - a)[0] ?? [''];
  const instrument = catalog.instruments.find((candidate) => refOf(candidate) === ref);
  if (!instrument) return fail([issue('norms_instrument_missing', ['instrument'], { ref })]);
  if (instrument.scales.length === 0) return fail([issue('norms_instrument_no_scales', ['instrument'], { instrument: instrument.abbreviation })]);
  const cohort = scored.filter((entry) => entry.ref === ref).map((entry) => entry.member);
  excluded.otherVersion = scored.length - cohort.length;

  const gradeGroups = gradeGroupsOf(request.grouping, cohort);
  const derived = deriveNorms({
    instrument, cohort, gradeGroups, bySex: request.bySex, minGroupSize: request.minGroupSize,
    id: request.id, version: request.version, name: request.name, date: request.date,
    from: `${request.plan}: ${cohort.length} completed ${request.includeQuestionable === true ? 'non-invalid' : 'valid'} waves`,
  });
  const table = derived.ok ? derived.value.table : undefined;
  const groups = reports(instrument, cohort, gradeGroups, request.bySex, request.minGroupSize, table);
  const issues = derived.ok ? [] : derived.issues.filter((found) => found.code === 'no_norm_group_large_enough');
  return succeed({ ...(table ? { table } : {}), groups, cohort: cohort.length, excluded, issues });
}
