import type { Locale } from '../../../scoring/index.ts';

/**
 * Dates on the student page. Follow-up forms use `<input type="date">` (YYYY-MM-DD, the teacher's
 * calendar day); the record stores timestamps. Local noon keeps the day the same in every time zone
 * from UTC−11 to UTC+11, so the stored UTC date and the teacher's day never disagree.
 */
export function localNoonIso(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const noon = new Date(year, month - 1, date, 12);
  // new Date rolls 2026-02-30 over into March; such a day was never on the calendar.
  if (noon.getFullYear() !== year || noon.getMonth() !== month - 1 || noon.getDate() !== date) return day;
  return noon.toISOString();
}

/** A timestamp as the teacher's local date. */
export const formatDate = (iso: string, locale: Locale): string => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toLocaleDateString(locale);
};

export const formatDateTime = (iso: string, locale: Locale): string => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toLocaleString(locale);
};

/** A calendar day (birth date, due date): parsed as a local day, since `Date.parse` would read it as UTC midnight. */
export function formatDay(day: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toLocaleDateString(locale);
}
