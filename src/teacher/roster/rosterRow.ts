import { z } from 'zod';
import { TRACKS, ZSex } from '../../../scoring/index.ts';
import type { CellParse } from './cellParse.ts';
import type { RosterField } from './columnMapping.ts';
import { parseBirthDate } from './parseBirthDate.ts';
import { parseGrade } from './parseGrade.ts';
import { parseSex } from './parseSex.ts';
import { parseClassName, parseIdentifier, parseName, withGradePrefix } from './parseText.ts';
import { parseTrack } from './parseTrack.ts';

/** The grades the screening serves: upper primary (4–6), junior (7–9), senior and vocational (10–12). */
export const LOWEST_GRADE = 4;
export const HIGHEST_GRADE = 12;
/** Vocational schools (中职) take students after junior high, so only grades 10–12. */
const FIRST_VOCATIONAL_GRADE = 10;

/** One student as imported: clean, typed, and with the spreadsheet row it came from. */
export const ZRosterRow = z.strictObject({
  rowNumber: z.number().int().min(1),
  name: z.string().min(1),
  studentNumber: z.string().min(1),
  nationalId: z.string().min(1).optional(),
  grade: z.number().int(),
  className: z.string().min(1),
  sex: ZSex,
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  track: z.enum(TRACKS).optional(),
}).superRefine((row, ctx) => {
  if (row.grade < LOWEST_GRADE || row.grade > HIGHEST_GRADE) {
    ctx.addIssue({ code: 'custom', path: ['grade'], message: 'roster_grade_out_of_range', params: { code: 'roster_grade_out_of_range', grade: row.grade } });
  }
  if (row.track === 'vocational' && row.grade < FIRST_VOCATIONAL_GRADE) {
    ctx.addIssue({ code: 'custom', path: ['track'], message: 'roster_vocational_grade', params: { code: 'roster_vocational_grade', grade: row.grade } });
  }
});
export type RosterRow = z.infer<typeof ZRosterRow>;

/** A row's cells by field, '' where the cell is empty or the field has no column. */
export type RosterCells = Readonly<Record<RosterField, string>>;

/** A zod step that runs a cell parser and reports its code (and parameters) on the cell. */
function cell<T>(parse: (text: string) => CellParse<T>) {
  return z.string().transform((text, ctx): T => {
    const result = parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.code, params: { ...result.params, code: result.code } });
    return z.NEVER;
  });
}

/** Like cell(), for columns a roster may leave empty: an empty cell is simply undefined. */
const optionalCell = <T>(parse: (text: string) => CellParse<T>) =>
  cell((text): CellParse<T | undefined> => (text.trim() === '' ? { ok: true, value: undefined } : parse(text)));

/**
 * Cells → RosterRow. Each cell is parsed on its own (so a row reports every bad cell at once); the
 * class name and track then need the grade, and ZRosterRow checks ranges and cross-field rules.
 * `today` (YYYY-MM-DD) is passed in so a birth date "in the future" is testable.
 */
export function rosterCellsSchema(today: string) {
  return z.strictObject({
    name: cell(parseName),
    studentNumber: cell(parseIdentifier),
    nationalId: optionalCell(parseIdentifier),
    grade: cell(parseGrade),
    className: cell(parseClassName),
    sex: cell(parseSex),
    birthDate: optionalCell((text) => parseBirthDate(text, today)),
    track: cell(parseTrack),
  }).transform((cells, ctx) => {
    if (cells.grade.vocational && cells.track === 'general') {
      ctx.addIssue({ code: 'custom', path: ['track'], message: 'roster_track_conflict', params: { code: 'roster_track_conflict', grade: cells.grade.label } });
      return z.NEVER;
    }
    const track = cells.track ?? (cells.grade.vocational ? 'vocational' : undefined);
    return {
      name: cells.name,
      studentNumber: cells.studentNumber,
      ...(cells.nationalId === undefined ? {} : { nationalId: cells.nationalId }),
      grade: cells.grade.grade,
      className: withGradePrefix(cells.className, cells.grade.label),
      sex: cells.sex,
      ...(cells.birthDate === undefined ? {} : { birthDate: cells.birthDate }),
      ...(track === undefined ? {} : { track }),
    };
  });
}
