import readXlsxFile from 'read-excel-file/universal';
import { fail, issue, succeed, type Outcome } from '../../../scoring/index.ts';
import { cleanCell } from '../roster/cellParse.ts';
import { decodeText } from '../roster/decodeText.ts';
import { detectDelimiter, parseDelimited } from '../roster/parseDelimited.ts';
import { cellText } from '../roster/readXlsx.ts';
import { isBlankRow, type SheetRow } from '../roster/sheetTable.ts';

/** A filled instrument template as sheets of text rows, whatever file it came in. */
export interface TemplateSheet {
  readonly name: string;
  /** Every row with its spreadsheet row number (1 = first row); blank rows may be included. */
  readonly rows: readonly SheetRow[];
}
export interface TemplateBook {
  readonly kind: 'xlsx' | 'csv';
  readonly sheets: readonly TemplateSheet[];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

/**
 * Reads a template file: an .xlsx workbook (every sheet) or a CSV in any encoding Excel writes, in
 * which a row holding only "[题目]" (or "【题目】", "[Items]") starts the section for that sheet.
 * Excel saves only the active sheet as CSV, so the CSV form keeps every sheet in one table.
 */
export async function readTemplateFile(bytes: Uint8Array): Promise<Outcome<TemplateBook>> {
  if (bytes.length === 0) return fail([issue('template_file_empty', [])]);
  if (startsWith(bytes, OLE_SIGNATURE)) return fail([issue('template_old_excel_format', [])]);
  if (startsWith(bytes, ZIP_SIGNATURE)) return readWorkbook(bytes);
  const { text } = decodeText(bytes);
  const rows = parseDelimited(text, detectDelimiter(text));
  if (!rows.ok) return fail([issue('template_unclosed_quote', [], { row: Number(rows.issues[0]?.params?.row ?? 0) })]);
  return bookFromSections(rows.value);
}

async function readWorkbook(bytes: Uint8Array): Promise<Outcome<TemplateBook>> {
  let sheets;
  try {
    sheets = await readXlsxFile(bytes.slice().buffer);
  } catch (error) {
    return fail([issue('template_xlsx_unreadable', [], { detail: error instanceof Error ? error.message : String(error) })]);
  }
  const read = sheets.map((sheet) => ({
    name: sheet.sheet,
    rows: sheet.data.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => cellText(cell as Parameters<typeof cellText>[0])) })),
  }));
  if (read.every((sheet) => sheet.rows.every(isBlankRow))) return fail([issue('template_file_empty', [])]);
  return succeed({ kind: 'xlsx', sheets: read });
}

/** "[题目]" or "【题目】" alone in the first cell of a row: the section's sheet name. */
export function sectionName(row: SheetRow): string | undefined {
  const [first = '', ...rest] = row.cells;
  if (rest.some((cell) => cell.trim() !== '')) return undefined;
  const marker = /^(?:\[(.+)\]|【(.+)】)$/.exec(cleanCell(first));
  return marker ? (marker[1] ?? marker[2] ?? '').trim() : undefined;
}

/** One CSV table split into sections; row numbers stay those of the file. */
export function bookFromSections(rows: readonly SheetRow[]): Outcome<TemplateBook> {
  const sheets: { name: string; rows: SheetRow[] }[] = [];
  for (const row of rows) {
    const name = sectionName(row);
    if (name !== undefined) {
      sheets.push({ name, rows: [] });
      continue;
    }
    const current = sheets.at(-1);
    if (current) current.rows.push(row);
    else if (!isBlankRow(row)) return fail([issue('template_csv_no_section', [], { row: row.rowNumber })]);
  }
  if (sheets.length === 0) return fail([issue('template_file_empty', [])]);
  return succeed({ kind: 'csv', sheets });
}
