import { issue, parseJsonText } from '../../scoring/index.ts';
import { canonicalAggregate } from '../../scoring/aggregate/canonical.ts';
import { addFile, type AdmitOptions, type FileReport, type IncomingFile } from './admit.ts';
import { EMPTY_SET, type FileSet } from './fileSet.ts';
import type { KnownKey } from './keyRegistry.ts';

/** Files of any number of school years, one set per year (for trends beyond the two sets). */
export type YearSets = ReadonlyMap<string, FileSet>;

const yearIn = (file: IncomingFile): string | undefined => {
  const json = file.text !== undefined ? parseJsonText(file.text) : { ok: true as const, value: file.json };
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return undefined;
  const year = (json.value as { schoolYear?: unknown }).schoolYear;
  return typeof year === 'string' ? year : undefined;
};

/**
 * Each file goes to the set of its own school year and is checked there as `admitFile` checks it (a
 * refused file changes nothing). A year already held by the current or comparison set is refused:
 * its files belong there, and one school year must not be counted twice.
 */
export function admitByYear(sets: YearSets, incoming: readonly IncomingFile[], options: AdmitOptions & { readonly taken?: readonly string[] } = {}): { sets: YearSets; reports: FileReport[]; learned: KnownKey[] } {
  const next = new Map(sets);
  const reports: FileReport[] = [];
  const learned: KnownKey[] = [];
  let keys = options.keys;
  for (const file of incoming) {
    const year = yearIn(file);
    if (year !== undefined && options.taken?.includes(year)) {
      reports.push({ file: file.name, accepted: false, issues: [issue('bureau_year_in_other_set', ['schoolYear'], { file: file.name, year })] });
      continue;
    }
    const done = addFile((year === undefined ? undefined : next.get(year)) ?? EMPTY_SET, file, { ...options, ...(keys ? { keys } : {}) });
    reports.push(done.report);
    if (done.report.accepted) next.set(done.report.year, done.set);
    if (done.learned && keys) {
      learned.push(done.learned);
      keys = new Map([...keys, [done.learned.sender, done.learned]]);
    }
  }
  // Sums are put in canonical order once per year, not after every file.
  for (const [year, set] of next) if (set !== sets.get(year) && set.merged) next.set(year, { ...set, merged: canonicalAggregate(set.merged) });
  return { sets: next, reports, learned };
}

/** Every loaded year with its set, oldest first; the current and comparison sets take part like any other. */
export function yearsOf(...groups: readonly (FileSet | YearSets)[]): { year: string; set: FileSet }[] {
  const all = new Map<string, FileSet>();
  for (const group of groups) {
    if ('files' in group) {
      if (group.merged) all.set(group.merged.schoolYear, group);
    } else for (const [year, set] of group) if (set.merged) all.set(year, set);
  }
  return [...all].map(([year, set]) => ({ year, set })).sort((a, b) => a.year.localeCompare(b.year));
}
