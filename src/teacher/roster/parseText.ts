import { cleanCell, parsed, rejected, type CellParse } from './cellParse.ts';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/** Longer than any real name, class or id: a longer cell is a pasted paragraph or a hostile file. */
export const MAX_CELL_LENGTH = { name: 50, identifier: 40, className: 50 } as const;
const tooLong = (value: string, max: number): boolean => [...value].length > max;

/**
 * A student's name. Spaces between Chinese characters go: rosters pad two-character names to line
 * up with three-character ones ("张" + U+3000 + "三"). Spaces in other names stay, collapsed to one.
 */
export function parseName(text: string): CellParse<string> {
  const name = cleanCell(text).replace(SPACE_BETWEEN_CJK, '').replace(/\s+/g, ' ');
  if (name === '') return rejected('roster_value_missing');
  return tooLong(name, MAX_CELL_LENGTH.name) ? rejected('roster_value_too_long', { max: MAX_CELL_LENGTH.name }) : parsed(name);
}

/**
 * A student number or national student id, kept as text. A number Excel has shown in exponent form
 * (1.23457E+17) has already lost its last digits, and the teacher has to fix it in Excel.
 */
export function parseIdentifier(text: string): CellParse<string> {
  const identifier = cleanCell(text).replace(/\s+/g, '').replace(/\.0+$/, '');
  if (identifier === '') return rejected('roster_value_missing');
  if (/^\d+(?:\.\d+)?e\+?\d+$/i.test(identifier)) return rejected('roster_number_in_exponent_form');
  return tooLong(identifier, MAX_CELL_LENGTH.identifier) ? rejected('roster_value_too_long', { max: MAX_CELL_LENGTH.identifier }) : parsed(identifier);
}

/** The class cell as written; see withGradePrefix for what a bare class number becomes. */
export function parseClassName(text: string): CellParse<string> {
  const cell = cleanCell(text).replace(/\s+/g, ' ');
  if (cell === '') return rejected('roster_value_missing');
  return tooLong(cell, MAX_CELL_LENGTH.className) ? rejected('roster_value_too_long', { max: MAX_CELL_LENGTH.className }) : parsed(cell);
}

/**
 * The class as students and the kiosk's class list name it. A bare class number ("2", "2班",
 * "(2)班") is prefixed with the grade as the roster writes it, so classes of different grades
 * stay apart: grade "八年级", class "2" → "八年级(2)班". Anything else is kept as written.
 */
export function withGradePrefix(className: string, gradeLabel: string): string {
  const bare = /^\(?(\d{1,2})\)?\s*班?$/.exec(className);
  return bare ? `${gradeLabel}(${Number(bare[1])})班` : className;
}
