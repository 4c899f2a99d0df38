import type { z } from 'zod';
import { parseWith } from '../../scoring/index.ts';
import type { Refusal } from './reply.ts';

/** Where a request value came from, the first segment of every issue path. */
export type Part = 'params' | 'query' | 'body';

/** At most this many schema problems are listed; a fuzzer's garbage need not fill the reply. */
const MAX_DETAILS = 20;

/** Validates one part of a request: the value, or a 400 `bad_request` refusal that lists what is wrong. */
export function check<T>(schema: z.ZodType<T>, value: unknown, part: Part): { ok: true; value: T } | { ok: false; refusal: Refusal } {
  const parsed = parseWith(schema, value);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const details = parsed.issues.slice(0, MAX_DETAILS).map((found) => ({ code: found.code, path: [part, ...found.path] }));
  return { ok: false, refusal: { status: 400, issues: [{ code: 'bad_request', path: [part] }, ...details] } };
}

/** A query string as an object; a key given twice is refused (the schemas expect one value each). */
export function queryObject(search: URLSearchParams): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  for (const [key, value] of search) {
    if (Object.hasOwn(result, key)) return undefined;
    result[key] = value;
  }
  return result;
}
