import { emptyAggregate, mergeAll, type RateEstimate } from '../../scoring/index.ts';
import type { FileSet, LoadedFile } from './fileSet.ts';
import { trackOf, type ExpectedSchool, type Track } from './schoolList/schema.ts';
import { unitRow, type UnitRow } from './unitRows.ts';
import { rateChange, type RateChange } from './yearOverYear.ts';

export const TREND_MEASURES = ['participation', 'medium', 'high', 'urgent'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export interface TrendPoint {
  readonly year: string;
  /** Undefined when the unit sent nothing that year, or its results were suppressed. */
  readonly estimate: RateEstimate | undefined;
  /** The rate covers part of the unit (some groups suppressed). */
  readonly partial: boolean;
}

export interface TrendSeries {
  /** "county", "general", "vocational", or a school's (or lower bureau's) code. */
  readonly id: string;
  readonly name: string;
  /** One point per year of the trend, oldest first. */
  readonly points: readonly TrendPoint[];
  /** Last year against the first year with a rate, with Newcombe's interval; undefined with fewer than two. */
  readonly change: RateChange | undefined;
}

export interface Trends {
  readonly measure: TrendMeasure;
  readonly years: readonly string[];
  readonly county: TrendSeries;
  /** Senior-school tracks, from the school list's types: present when the list names schools of that track. */
  readonly tracks: readonly TrendSeries[];
  readonly units: readonly TrendSeries[];
}

const partialNote = (note: string): boolean => note.startsWith('partial:') || note.startsWith('results-partial:');

function pointOf(year: string, unit: UnitRow | undefined, measure: TrendMeasure): TrendPoint {
  const estimate = unit?.[measure];
  return { year, estimate, partial: unit !== undefined && partialNote(unit.note) && measure !== 'participation' };
}

function seriesOf(id: string, name: string, points: TrendPoint[]): TrendSeries {
  const known = points.filter((point) => point.estimate?.rate !== undefined);
  const first = known[0]?.estimate;
  const last = known.length > 1 ? known[known.length - 1]?.estimate : undefined;
  return { id, name, points, change: first && last ? rateChange(first, last) : undefined };
}

/** The files of one year merged again over a subset (a track): merging is exact, so the subset's rates are too. */
function mergedOver(files: readonly LoadedFile[]): UnitRow | undefined {
  const [first] = files;
  if (!first) return undefined;
  const identity = emptyAggregate({ schoolYear: first.aggregate.schoolYear, k: first.aggregate.k, stage: first.aggregate.stage });
  const merged = mergeAll(files.map((file) => file.aggregate), identity);
  return merged.ok ? unitRow({ id: 'subset', name: '', aggregate: merged.value }) : undefined;
}

/**
 * A rate over any number of school years: the county (every file of the year merged), the senior
 * tracks (普通高中 / 中职, by the list's school types, over schools that sent their own file), and
 * each unit matched by code across the years.
 */
export function trendsOf(years: readonly { year: string; set: FileSet }[], measure: TrendMeasure, list: readonly ExpectedSchool[] = [], names: { county: string; general: string; vocational: string } = { county: 'county', general: 'general', vocational: 'vocational' }): Trends {
  const sorted = [...years].sort((a, b) => a.year.localeCompare(b.year));
  const trackByCode = new Map<string, Track>();
  for (const school of list) {
    const track = trackOf(school.type);
    if (track) trackByCode.set(school.code, track);
  }
  const county = seriesOf('county', names.county, sorted.map(({ year, set }) =>
    pointOf(year, set.merged ? unitRow({ id: 'county', name: '', aggregate: set.merged }) : undefined, measure)));
  const tracks = (['general', 'vocational'] as const)
    .filter((track) => [...trackByCode.values()].includes(track))
    .map((track) => seriesOf(track, names[track], sorted.map(({ year, set }) => {
      const files = set.files.filter((file) => file.aggregate.provenance.schools.length === 1 && trackByCode.get(file.aggregate.provenance.schools[0]?.code ?? '') === track);
      return pointOf(year, mergedOver(files), measure);
    })));
  const unitsByYear = sorted.map(({ year, set }) => ({ year, units: new Map(set.files.map(unitRow).filter((unit) => unit.code !== '').map((unit) => [unit.code, unit])) }));
  const codes = new Map<string, string>();
  for (const { units } of unitsByYear) for (const unit of units.values()) codes.set(unit.code, unit.name);
  const units = [...codes].sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => seriesOf(code, name, unitsByYear.map(({ year, units: byCode }) => pointOf(year, byCode.get(code), measure))));
  return { measure, years: sorted.map((entry) => entry.year), county, tracks, units };
}
