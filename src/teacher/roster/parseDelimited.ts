import { fail, issue, succeed, type Outcome } from '../../../scoring/index.ts';
import type { Delimiter, SheetRow } from './sheetTable.ts';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Our CSV writer (common/csv.ts) puts an apostrophe before a cell a spreadsheet would run as a formula. */
const asWritten = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * The separator of a CSV file: whichever of comma, semicolon and tab appears most often outside
 * quotes in its first line. Excel in European locales writes semicolons; "Unicode text" uses tabs.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as Delimiter)) counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; lines end
 * in CRLF, LF or CR. Each record is numbered as the spreadsheet row it becomes when Excel opens the
 * file (a quoted line break stays inside its cell), so messages can name the row the teacher sees.
 */
export function parseDelimited(text: string, delimiter: Delimiter): Outcome<SheetRow[]> {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteOpenedInRow = 0;
  let index = 0;
  const endRecord = (): void => {
    cells.push(asWritten(cell));
    rows.push({ rowNumber: rows.length + 1, cells });
    cells = [];
    cell = '';
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      quoteOpenedInRow = rows.length + 1;
    } else if (char === delimiter) {
      cells.push(asWritten(cell));
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRecord();
    } else {
      // A quote inside an unquoted field is literal, as Excel reads it.
      cell += char;
    }
    index += 1;
  }
  if (quoted) return fail([issue('roster_unclosed_quote', ['rows', quoteOpenedInRow], { row: quoteOpenedInRow })]);
  // A final line break ends the last record; it does not start an empty one.
  if (cell !== '' || cells.length > 0) endRecord();
  return succeed(rows);
}
