/** Order of two ISO timestamps by the instant they name (offsets may differ, so not by text). */
export const compareTimes = (a: string, b: string): number => Date.parse(a) - Date.parse(b);
