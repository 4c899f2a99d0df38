import { rateOf, type RateEstimate } from '../../../scoring/index.ts';
import type { FileSet } from '../fileSet.ts';
import { unitRow } from '../unitRows.ts';
import type { ExpectedSchool } from './schema.ts';

/** One expected school in one school year: whether a file covers it, and its participation against the list's enrolment. */
export interface ExpectedRow {
  readonly school: ExpectedSchool;
  /** The loaded file that holds it (its own file, or a lower bureau's merged file). */
  readonly file?: string;
  /** Completed results, when the school sent its own file (a merged file does not say per school). */
  readonly completed?: number;
  /** completed / enrolment, with its Wilson interval; undefined without an enrolment or an own file. */
  readonly participation?: RateEstimate;
}

export interface Reporting {
  readonly rows: readonly ExpectedRow[];
  readonly reported: number;
  /** Expected schools no loaded file covers, in list order: the reminder list. */
  readonly missing: readonly ExpectedSchool[];
  /** Schools in the loaded files that the list does not name. */
  readonly unlisted: readonly { readonly code: string; readonly name: string; readonly file: string }[];
  /**
   * Completed results over the list's enrolment, counting a school that sent nothing as 0 completed:
   * the county's real participation, not only inside the schools that reported. Over the schools
   * whose enrolment the list gives; undefined when it gives none.
   */
  readonly participation?: RateEstimate;
  /** Listed schools without an enrolment, left out of `participation`. */
  readonly withoutEnrolment: number;
  /** Reported schools inside a merged file, whose completed count is not known per school. */
  readonly inMergedFiles: number;
}

export function reportingOf(list: readonly ExpectedSchool[], set: FileSet): Reporting {
  const holder = new Map<string, { file: string; completed?: number }>();
  const unlisted: { code: string; name: string; file: string }[] = [];
  const listed = new Set(list.map((school) => school.code));
  for (const file of set.files) {
    const schools = file.aggregate.provenance.schools;
    const own = schools.length === 1 ? unitRow(file).completed : undefined;
    for (const school of schools) {
      holder.set(school.code, { file: file.name, ...(own === undefined ? {} : { completed: own }) });
      if (!listed.has(school.code)) unlisted.push({ code: school.code, name: school.name, file: file.name });
    }
  }
  let enrolment = 0;
  let completed = 0;
  let withoutEnrolment = 0;
  let inMergedFiles = 0;
  let known = true;
  const rows = list.map((school): ExpectedRow => {
    const found = holder.get(school.code);
    if (school.enrolment === undefined) withoutEnrolment += 1;
    else {
      enrolment += school.enrolment;
      if (found && found.completed === undefined) known = false;
      completed += found?.completed ?? 0;
    }
    if (found && found.completed === undefined) inMergedFiles += 1;
    if (!found) return { school };
    return {
      school, file: found.file,
      ...(found.completed === undefined ? {} : { completed: found.completed }),
      ...(found.completed !== undefined && school.enrolment !== undefined && school.enrolment > 0 ? { participation: rateOf(Math.min(found.completed, school.enrolment), school.enrolment) } : {}),
    };
  });
  return {
    rows,
    reported: rows.filter((row) => row.file !== undefined).length,
    missing: rows.filter((row) => row.file === undefined).map((row) => row.school),
    unlisted: unlisted.sort((a, b) => a.code.localeCompare(b.code)),
    ...(enrolment > 0 && known ? { participation: rateOf(Math.min(completed, enrolment), enrolment) } : {}),
    withoutEnrolment,
    inMergedFiles,
  };
}
