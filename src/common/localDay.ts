/**
 * The teacher's calendar day (YYYY-MM-DD, local time zone) of a timestamp. Follow-up dates are chosen
 * by day and stored at local noon, so they are compared with screenings by day: a closure on the
 * afternoon of the screening day is not "before" it.
 */
export function localDay(iso: string): string {
  const time = new Date(iso);
  return [time.getFullYear(), time.getMonth() + 1, time.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}
