import { unzipSync } from 'fflate';
import { fail, issue, succeed, type Outcome } from '../../../scoring/index.ts';
import { decodeText } from './decodeText.ts';
import { detectDelimiter, parseDelimited } from './parseDelimited.ts';
import { readXlsx } from './readXlsx.ts';
import type { SheetTable } from './sheetTable.ts';
import { tableFromRows } from './tableFromRows.ts';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** The old binary Excel format (.xls), and also any password-protected .xlsx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A school of 3,000 is well under 1 MB as CSV or .xlsx; larger files are refused before parsing. */
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024;
/** What an .xlsx may unpack to: a zip bomb is refused from its directory, before anything is inflated. */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

/**
 * Reads a roster the teacher chose: an .xlsx workbook or a CSV/TSV text in any encoding Excel
 * writes. What the file is comes from its bytes, not its name (teachers rename files).
 */
export async function readRosterFile(bytes: Uint8Array): Promise<Outcome<SheetTable>> {
  if (bytes.length === 0) return fail([issue('roster_file_empty', [])]);
  if (bytes.length > MAX_ROSTER_BYTES) return fail([issue('roster_file_too_large', [], { maxMb: MAX_ROSTER_BYTES / 1024 / 1024 })]);
  if (startsWith(bytes, OLE_SIGNATURE)) return fail([issue('roster_old_excel_format', [])]);
  if (startsWith(bytes, ZIP_SIGNATURE)) return readWorkbook(bytes);
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const parsed = parseDelimited(text, delimiter);
  if (!parsed.ok) return parsed;
  const table = tableFromRows(parsed.value, { kind: 'text', encoding, delimiter });
  return table ? succeed(table) : fail([issue('roster_file_empty', [])]);
}

async function readWorkbook(bytes: Uint8Array): Promise<Outcome<SheetTable>> {
  const unpacked = unpackedSize(bytes);
  if (unpacked === undefined) return fail([issue('roster_xlsx_unreadable', [], { detail: 'zip directory' })]);
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) return fail([issue('roster_file_too_large', [], { maxMb: MAX_ROSTER_BYTES / 1024 / 1024 })]);
  let sheet;
  try {
    sheet = await readXlsx(bytes);
  } catch (error) {
    return fail([issue('roster_xlsx_unreadable', [], { detail: error instanceof Error ? error.message : String(error) })]);
  }
  const table = sheet && tableFromRows(sheet.rows, { kind: 'xlsx', sheetName: sheet.sheetName });
  return table ? succeed(table) : fail([issue('roster_file_empty', [])]);
}

/** The sizes the zip's directory declares for its entries, summed without inflating any of them. */
function unpackedSize(bytes: Uint8Array): number | undefined {
  let total = 0;
  try {
    unzipSync(bytes, { filter: (entry) => { total += entry.originalSize; return false; } });
  } catch {
    return undefined;
  }
  return total;
}
