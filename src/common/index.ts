/** Small pure helpers shared by every part of the app (no UI, no storage). */
export { localDay } from './localDay.ts';
export { csvCell, csvFile, csvLine, type CsvCell } from './csv.ts';
