import type { JsonPath } from '../../../scoring/index.ts';

/**
 * Where in a filled template a problem is: the sheet (or CSV section) as named in the file, the
 * spreadsheet row number, and the column header as written. Template issues carry it as their path,
 * `[sheet, row, column]`, with the parts that are known.
 */
export interface TemplateLocation {
  readonly sheet: string;
  readonly row?: number;
  readonly column?: string;
}

export function locationPath(location: TemplateLocation): JsonPath {
  const path: (string | number)[] = [location.sheet];
  if (location.row !== undefined) path.push(location.row);
  if (location.column !== undefined) path.push(location.column);
  return path;
}

export function locationOf(path: JsonPath): TemplateLocation | undefined {
  const [sheet, second, third] = path;
  if (typeof sheet !== 'string') return undefined;
  if (typeof second === 'number') return typeof third === 'string' ? { sheet, row: second, column: third } : { sheet, row: second };
  return typeof second === 'string' ? { sheet, column: second } : { sheet };
}
