import { parseRef } from '../library/ref.ts';
import { fail, issue, succeed, type Issue, type Outcome } from '../outcome.ts';
import { canonicalAggregate } from './canonical.ts';
import { addFollowUp } from './followUpPublish.ts';
import { groupKey } from './groups.ts';
import { addHistograms, addPooled } from './histogram.ts';
import {
  AGGREGATE_FORMAT, FOLLOW_UP_MEASURES, MIN_K,
  type Aggregate, type AggregateCell, type CellFollowUp, type AggregateMargin, type InstrumentSummary, type ScaleSummary, type Stage, type TierCounts,
} from './schema.ts';

/** The identity of merging: no school, no counts. Merging it with any file of the same year, k and stage gives that file. */
export function emptyAggregate(options: { readonly schoolYear: string; readonly k?: number; readonly stage?: Stage }): Aggregate {
  return {
    format: AGGREGATE_FORMAT, version: 1, stage: options.stage ?? 'published', schoolYear: options.schoolYear, k: options.k ?? MIN_K,
    provenance: { schools: [], stamps: [] }, plans: [], instruments: [], cells: [], margins: [], suppressed: [],
  };
}

/**
 * Adds two aggregates: every count by plain addition, histograms bin by bin, suppression records and
 * provenance by union. Associative and commutative, with `emptyAggregate` as identity. Refuses files of
 * different years, k or stage, one school twice, and two different definitions under one id@version.
 * In merged published files a group some producer suppressed holds only what the others published;
 * the `suppressed` list says so (see README, "Merging published files").
 */
export function mergeAggregates(a: Aggregate, b: Aggregate): Outcome<Aggregate> {
  const issues = incompatibilities(a, b);
  if (issues.length > 0) return fail(issues);
  return succeed(canonicalAggregate(addAggregates(a, b)));
}

/**
 * The sum of two files already known to be compatible, in no particular order: `canonicalAggregate`
 * of it is `mergeAggregates`. A bureau adding hundreds of files canonicalizes once at the end instead
 * of after every file (sorting every list of a growing sum each time cost most of the import).
 */
export function addAggregates(a: Aggregate, b: Aggregate): Aggregate {
  const followUp = addFollowUp(a.followUp, b.followUp);
  return {
    ...a,
    // Format 1 and 2 files add up; the sum is of the later format when either is.
    version: a.version >= b.version ? a.version : b.version,
    ...(followUp ? { followUp } : {}),
    provenance: { schools: [...a.provenance.schools, ...b.provenance.schools], stamps: [...a.provenance.stamps, ...b.provenance.stamps] },
    plans: [...new Set([...a.plans, ...b.plans])],
    instruments: [...new Set([...a.instruments, ...b.instruments])],
    cells: mergeByKey(a.cells, b.cells, groupKey, addCells),
    margins: mergeByKey(a.margins, b.margins, groupKey, addMargins),
    suppressed: [...a.suppressed, ...b.suppressed],
  };
}

/** Folds any number of files; the first refusal stops it, naming the file (by index) that caused it. */
export function mergeAll(files: readonly Aggregate[], identity: Aggregate): Outcome<Aggregate> {
  let merged = identity;
  for (const [index, file] of files.entries()) {
    const issues = incompatibilities(merged, file);
    if (issues.length > 0) return fail(issues.map((found) => ({ ...found, params: { ...found.params, file: index } })));
    merged = addAggregates(merged, file);
  }
  return succeed(canonicalAggregate(merged));
}

/** Why two files cannot be added; paths point into the second file. */
export function incompatibilities(a: Aggregate, b: Aggregate): Issue[] {
  const issues: Issue[] = [];
  if (a.schoolYear !== b.schoolYear) issues.push(issue('aggregate_year_mismatch', ['schoolYear'], { a: a.schoolYear, b: b.schoolYear }));
  if (a.k !== b.k) issues.push(issue('aggregate_k_mismatch', ['k'], { a: a.k, b: b.k }));
  if (a.stage !== b.stage) issues.push(issue('aggregate_stage_mismatch', ['stage'], { a: a.stage, b: b.stage }));
  const schools = new Map(a.provenance.schools.map((school) => [school.code, school]));
  b.provenance.schools.forEach((school, index) => {
    if (schools.has(school.code)) issues.push(issue('aggregate_duplicate_school', ['provenance', 'schools', index, 'code'], { code: school.code, name: school.name }));
  });
  const hashes = new Map(a.instruments.map((ref) => [versionOf(ref), ref]));
  b.instruments.forEach((ref, index) => {
    const other = hashes.get(versionOf(ref));
    if (other !== undefined && other !== ref) {
      issues.push(issue('aggregate_instrument_conflict', ['instruments', index], { instrument: versionOf(ref), a: parseRef(other)?.hash ?? other, b: parseRef(ref)?.hash ?? ref }));
    }
  });
  return issues;
}

const versionOf = (ref: string): string => ref.split('#')[0] ?? ref;

function mergeByKey<T>(a: readonly T[], b: readonly T[], keyOf: (item: T) => string, add: (x: T, y: T) => T): T[] {
  const merged = new Map(a.map((item) => [keyOf(item), item] as const));
  for (const item of b) {
    const key = keyOf(item);
    const seen = merged.get(key);
    merged.set(key, seen === undefined ? item : add(seen, item));
  }
  return [...merged.values()];
}

const addTiers = (x: TierCounts, y: TierCounts): TierCounts => ({ low: x.low + y.low, medium: x.medium + y.medium, high: x.high + y.high });

const addMargins = (x: AggregateMargin, y: AggregateMargin): AggregateMargin => ({
  ...x, roster: x.roster + y.roster, completed: x.completed + y.completed, declined: x.declined + y.declined,
});

const addCells = (x: AggregateCell, y: AggregateCell): AggregateCell => ({
  ...addMargins(x, y),
  grade: x.grade, sex: x.sex,
  invalid: x.invalid + y.invalid,
  tiers: addTiers(x.tiers, y.tiers),
  urgent: x.urgent + y.urgent,
  instruments: mergeByKey(x.instruments, y.instruments, (summary) => summary.instrument, addInstruments),
  ...(x.followUp || y.followUp ? { followUp: addCellFollowUp(x.followUp, y.followUp) } : {}),
});

/** Exact files only (a school adding its own waves): a cell without follow-up counts adds nothing to them. */
const addCellFollowUp = (x: CellFollowUp | undefined, y: CellFollowUp | undefined): CellFollowUp =>
  Object.fromEntries(FOLLOW_UP_MEASURES.map((measure) => [measure, (x?.[measure] ?? 0) + (y?.[measure] ?? 0)])) as CellFollowUp;

const addInstruments = (x: InstrumentSummary, y: InstrumentSummary): InstrumentSummary => ({
  instrument: x.instrument,
  completed: x.completed + y.completed,
  tiers: addTiers(x.tiers, y.tiers),
  urgent: x.urgent + y.urgent,
  scales: mergeByKey(x.scales, y.scales, (scale) => scale.scale, addScales),
});

/** Same instrument hash, so the same range and bands in the same order. */
const addScales = (x: ScaleSummary, y: ScaleSummary): ScaleSummary => ({
  ...x,
  scored: x.scored + y.scored,
  histogram: addHistograms(x.histogram, y.histogram),
  pooled: addPooled(x.pooled, y.pooled),
  bands: x.bands.map((band, index) => ({ ...band, count: band.count + (y.bands[index]?.count ?? 0) })),
});
