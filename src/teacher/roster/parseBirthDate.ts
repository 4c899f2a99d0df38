import { parsed, rejected, type CellParse } from './cellParse.ts';
import { ageOn, parseDate } from './parseDate.ts';

/** Outside these ages the date is a typo, not an unusual student (a warning covers unusual ones). */
const YOUNGEST_POSSIBLE_AGE = 5;
const OLDEST_POSSIBLE_AGE = 30;

/** A birth date: a real date, not after `today` (YYYY-MM-DD), and the age of a school student. */
export function parseBirthDate(text: string, today: string): CellParse<string> {
  const date = parseDate(text);
  if (!date.ok) return date;
  if (date.value > today) return rejected('roster_birth_date_in_future', { date: date.value, today });
  const age = ageOn(date.value, today);
  if (age < YOUNGEST_POSSIBLE_AGE || age > OLDEST_POSSIBLE_AGE) return rejected('roster_birth_date_implausible', { date: date.value, age });
  return parsed(date.value);
}
