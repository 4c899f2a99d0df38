import { issue, type Issue } from '../../../scoring/index.ts';
import { isBlankRow } from '../roster/sheetTable.ts';
import type { TemplateBook, TemplateSheet } from './instrumentTemplateBook.ts';
import { locationPath } from './instrumentTemplateLocation.ts';
import { SHEETS, columnFor, nameKey, sheetFor, type SheetKey, type SheetSpec } from './instrumentTemplateSpec.ts';

/** A data row of a template sheet: its row number and its cells by column key (empty when blank). */
export interface TemplateRecord<K extends string> {
  readonly row: number;
  readonly cell: (key: K) => string;
}

/** A sheet read against its spec: the sheet's own name and header texts, for messages that point into it. */
export interface SheetRecords<K extends string> {
  readonly spec: SheetSpec<K>;
  readonly sheetName: string;
  readonly headerRow: number;
  /** The header as the teacher wrote it, by column key (the spec's name when the column is absent). */
  readonly header: (key: K) => string;
  readonly records: readonly TemplateRecord<K>[];
}

export type SheetsRead = { readonly [S in SheetKey]?: SheetRecords<string> };

/**
 * Matches a book's sheets and columns to the spec. Problems here are about the file's layout (a
 * missing or unknown sheet, a missing, unknown or doubled column); when any exist, no row is read,
 * so the teacher fixes the layout before seeing errors that follow from it.
 */
export function readSheets(book: TemplateBook): { sheets: SheetsRead; issues: Issue[] } {
  const issues: Issue[] = [];
  const found = new Map<SheetKey, TemplateSheet>();
  for (const sheet of book.sheets) {
    const spec = sheetFor(sheet.name);
    if (spec === 'help') continue;
    if (!spec) {
      if (sheet.rows.some((row) => !isBlankRow(row))) {
        issues.push(issue('template_sheet_unknown', locationPath({ sheet: sheet.name }), { sheet: sheet.name, knownZh: SHEETS.map((known) => known.name['zh-CN']).join('、'), knownEn: SHEETS.map((known) => known.name.en).join(', ') }));
      }
      continue;
    }
    const first = found.get(spec.key);
    if (first) issues.push(issue('template_sheet_twice', locationPath({ sheet: sheet.name }), { sheet: sheet.name, first: first.name }));
    else found.set(spec.key, sheet);
  }
  for (const spec of SHEETS) {
    if (spec.required && !found.has(spec.key)) issues.push(issue('template_sheet_missing', [], { sheetZh: spec.name['zh-CN'], sheetEn: spec.name.en }));
  }
  const sheets: Partial<Record<SheetKey, SheetRecords<string>>> = {};
  for (const [key, sheet] of found) {
    const read = readSheet(sheet, SHEETS.find((spec) => spec.key === key) as SheetSpec, issues);
    if (read) sheets[key] = read;
  }
  return { sheets, issues };
}

function readSheet(sheet: TemplateSheet, spec: SheetSpec, issues: Issue[]): SheetRecords<string> | undefined {
  // Names of absent columns are given in the language the sheet is named in.
  const locale = nameKey(sheet.name) === nameKey(spec.name.en) ? 'en' : 'zh-CN';
  const rows = sheet.rows.filter((row) => !isBlankRow(row));
  const headerRow = rows[0];
  if (!headerRow) {
    if (spec.required) issues.push(issue('template_sheet_empty', locationPath({ sheet: sheet.name }), { sheet: sheet.name }));
    return undefined;
  }
  const columns = new Map<string, number>();
  const headerText = new Map<string, string>();
  headerRow.cells.forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') return;
    const column = columnFor(spec, text);
    const at = locationPath({ sheet: sheet.name, row: headerRow.rowNumber, column: text });
    if (column === 'notes') return;
    if (!column) {
      issues.push(issue('template_column_unknown', at, { column: text, knownZh: spec.columns.map((known) => known.name['zh-CN']).join('、'), knownEn: spec.columns.map((known) => known.name.en).join(', ') }));
      return;
    }
    if (columns.has(column.key)) {
      issues.push(issue('template_column_twice', at, { column: text, first: headerText.get(column.key) ?? '' }));
      return;
    }
    columns.set(column.key, index);
    headerText.set(column.key, text);
  });
  for (const column of spec.columns) {
    if (column.required && !columns.has(column.key)) {
      issues.push(issue('template_column_missing', locationPath({ sheet: sheet.name, row: headerRow.rowNumber }), { columnZh: column.name['zh-CN'], columnEn: column.name.en }));
    }
  }
  const cellOf = (cells: readonly string[], key: string): string => {
    const index = columns.get(key);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const records = rows.slice(1)
    .filter((row) => [...columns.keys()].some((key) => cellOf(row.cells, key) !== ''))
    .map((row) => ({ row: row.rowNumber, cell: (key: string) => cellOf(row.cells, key) }));
  return {
    spec, sheetName: sheet.name, headerRow: headerRow.rowNumber, records,
    header: (key) => headerText.get(key) ?? spec.columns.find((column) => column.key === key)?.name[locale] ?? key,
  };
}
