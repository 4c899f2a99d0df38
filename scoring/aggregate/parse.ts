import { fail, issue, type Outcome } from '../outcome.ts';
import { parseJsonText, parseWith } from '../schema/parse.ts';
import { shownValue } from '../schema/shownValue.ts';
import { AGGREGATE_FORMAT, AGGREGATE_VERSION, ZAggregate, type Aggregate } from './schema.ts';

/**
 * Reads a `.psyagg` value. A file of another kind or a later format version gets one clear issue
 * instead of a list of every field that differs; anything else is checked field by field, each issue
 * naming its JSON path.
 */
export function parseAggregate(json: unknown): Outcome<Aggregate> {
  const head = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { format?: unknown; version?: unknown }) : {};
  if (head.format !== AGGREGATE_FORMAT) return fail([issue('not_an_aggregate', ['format'], { received: shownValue(head.format) })]);
  // Every version up to this program's is read; later ones get one clear issue.
  if (typeof head.version === 'number' && head.version > AGGREGATE_VERSION) {
    return fail([issue('aggregate_version_unsupported', ['version'], { version: head.version, supported: AGGREGATE_VERSION })]);
  }
  return parseWith(ZAggregate, json);
}

/** The same from the file's text (a damaged file reports where its JSON breaks). */
export function parseAggregateText(text: string): Outcome<Aggregate> {
  const json = parseJsonText(text);
  return json.ok ? parseAggregate(json.value) : json;
}
