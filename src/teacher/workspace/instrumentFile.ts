import { fail, issue, parseDefinition, parseJsonText, succeed, type Instrument, type Outcome } from '../../../scoring/index.ts';
import { decodeText } from '../roster/decodeText.ts';
import { parseInstrumentTemplate } from './instrumentTemplate.ts';
import { readTemplateFile } from './instrumentTemplateBook.ts';

/**
 * A file a teacher imports as an instrument: a definition in JSON (problems name the JSON path) or
 * the filled Excel/CSV template (problems name sheet, row and column). What the file is comes from
 * its bytes: JSON starts with "{", a workbook is a zip, anything else is read as CSV.
 */
export interface InstrumentFileRead {
  readonly format: 'json' | 'template';
  readonly outcome: Outcome<Instrument>;
}

export async function readInstrumentFile(bytes: Uint8Array): Promise<InstrumentFileRead> {
  const text = decodeText(bytes).text;
  if (/^\s*\{/.test(text)) return { format: 'json', outcome: instrumentFromJson(text) };
  const book = await readTemplateFile(bytes);
  return { format: 'template', outcome: book.ok ? parseInstrumentTemplate(book.value) : book };
}

export function instrumentFromJson(text: string): Outcome<Instrument> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseDefinition(json.value);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'instrument') return fail([issue('instrument_file_other_kind', ['kind'], { kind: parsed.value.kind })]);
  return succeed(parsed.value.value);
}
