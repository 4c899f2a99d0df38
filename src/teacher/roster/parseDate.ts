import { cleanCell, parsed, rejected, type CellParse } from './cellParse.ts';

const pad = (value: number): string => String(value).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug is before any student's birth). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function fromExcelSerial(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
}

function checked(year: number, month: number, day: number): CellParse<string> {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return rejected('roster_date_impossible');
  return parsed(isoDate(year, month, day));
}

/**
 * A date cell as Chinese spreadsheets hold it: 2012-11-02, 2012/11/2, 2012.11.2, 2012年11月2日,
 * 20121102, with or without a time of day, or an Excel day number (a date cell saved as a number,
 * 5 digits: 41215 = 2012-11-02). Year-first only: 11/2/2012 is ambiguous between locales.
 */
export function parseDate(text: string): CellParse<string> {
  const cleaned = cleanCell(text).replace(/\s*(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/, '');
  if (cleaned === '') return rejected('roster_value_missing');
  const separated = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cleaned);
  if (separated) return checked(Number(separated[1]), Number(separated[2]), Number(separated[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(cleaned);
  if (compact) return checked(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const serial = /^(\d{5})(?:\.0+)?$/.exec(cleaned);
  if (serial) return parsed(fromExcelSerial(Number(serial[1])));
  if (/^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$/.test(cleaned) || /^\d{6}$/.test(cleaned)) return rejected('roster_date_no_day');
  return rejected('roster_date_unreadable');
}

/** Whole years between two ISO dates: the age on `on` of someone born on `born`. */
export function ageOn(born: string, on: string): number {
  const [bornYear, bornMonthDay] = [Number(born.slice(0, 4)), born.slice(5)];
  const [onYear, onMonthDay] = [Number(on.slice(0, 4)), on.slice(5)];
  return onYear - bornYear - (onMonthDay < bornMonthDay ? 1 : 0);
}
