import { fail, issue, succeed, type JsonPath, type Outcome } from '../../scoring/index.ts';
import { FORMATS, currentVersion, isFormatName, type FormatName } from './formats.ts';

/**
 * Reads `format` and `version` before the strict schema runs, so that a file of another kind or a
 * newer version gets that message instead of a list of unknown fields.
 */
export function checkFormat(input: unknown, expected: readonly FormatName[], path: JsonPath = []): Outcome<{ format: FormatName; version: number }> {
  const first = expected[0];
  if (first === undefined) throw new Error('checkFormat needs at least one expected format');
  const wanted = expected.map((format) => FORMATS[format].label).join(' / ');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail([issue('not_psyscreen_file', path, { expected: wanted })]);
  const { format, version } = input as { format?: unknown; version?: unknown };
  if (!isFormatName(format)) {
    return fail([issue(typeof format === 'string' ? 'wrong_file_kind' : 'not_psyscreen_file', [...path, 'format'], { expected: wanted, received: String(format) })]);
  }
  if (!expected.includes(format)) {
    return fail([issue('wrong_file_kind', [...path, 'format'], { expected: wanted, received: FORMATS[format].label })]);
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) return fail([issue('file_damaged', [...path, 'version'])]);
  const supported = currentVersion(format);
  const label = FORMATS[format].label;
  if (version > supported) return fail([issue('made_by_newer_version', [...path, 'version'], { kind: label, version, supported })]);
  if (!(FORMATS[format].versions as readonly number[]).includes(version)) return fail([issue('unknown_version', [...path, 'version'], { kind: label, version })]);
  return succeed({ format, version });
}
