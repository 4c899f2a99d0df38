import { fail, issue, parseJsonText, type Outcome } from '../../scoring/index.ts';

/**
 * A PsyScreen JSON file's text as JSON. Text that does not even start like a JSON object is "not a
 * PsyScreen file"; one that does but breaks off or is garbled is a damaged file of the kind expected,
 * so the message names the real cause. Too deep or `__proto__` keep their own codes.
 */
export function readJsonFileText(text: string, expected: string): Outcome<unknown> {
  const json = parseJsonText(text);
  if (json.ok) return json;
  const first = json.issues[0];
  if (first?.code !== 'json_syntax') return json;
  if (!text.replace(/^\uFEFF/, '').trimStart().startsWith('{')) return fail([issue('not_psyscreen_file', [], { expected })]);
  return fail([issue('json_file_damaged', [], { expected, detail: String(first.params?.detail ?? '') })]);
}
