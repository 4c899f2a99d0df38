import type { z } from 'zod';
import type { Issue, JsonPath } from '../outcome.ts';
import { shownValue } from './shownValue.ts';

type ZodIssue = z.core.$ZodIssue;

const describe = (value: unknown): string => {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
};

/**
 * Turns zod's issues into ours: a stable code, the JSON path, and the parameters a localized message
 * needs. Our own checks carry their code in `params.code` (refinements) or as the message (formats).
 */
export function fromZodIssues(issues: readonly ZodIssue[], base: JsonPath = []): Issue[] {
  return issues.flatMap((zodIssue) => convert(zodIssue, [...base, ...zodIssue.path.map(pathSegment)]));
}

const pathSegment = (segment: PropertyKey): string | number => (typeof segment === 'number' ? segment : String(segment));

function convert(zodIssue: ZodIssue, path: JsonPath): Issue[] {
  switch (zodIssue.code) {
    case 'invalid_type':
      return zodIssue.input === undefined
        ? [{ code: 'required', path, params: { expected: zodIssue.expected } }]
        : [{ code: 'wrong_type', path, params: { expected: zodIssue.expected, received: describe(zodIssue.input) } }];
    case 'unrecognized_keys':
      return zodIssue.keys.map((key) => ({ code: 'unknown_key', path: [...path, key], params: { key } }));
    case 'invalid_value':
      return [{ code: 'not_allowed', path, params: { allowed: zodIssue.values.map(shownValue).join(' | '), received: shownValue(zodIssue.input) } }];
    case 'too_small':
      return [{ code: zodIssue.origin === 'array' ? 'too_few' : 'too_small', path, params: { minimum: Number(zodIssue.minimum), inclusive: zodIssue.inclusive === false ? 0 : 1 } }];
    case 'too_big':
      return [{ code: zodIssue.origin === 'array' ? 'too_many' : 'too_big', path, params: { maximum: Number(zodIssue.maximum), inclusive: zodIssue.inclusive === false ? 0 : 1 } }];
    case 'invalid_format':
      return [{ code: /^[a-z_]+$/.test(zodIssue.message) ? zodIssue.message : 'bad_format', path, params: { format: zodIssue.format } }];
    case 'invalid_union': {
      if (zodIssue.errors.length === 0) {
        const options = (zodIssue as { options?: unknown[] }).options ?? [];
        return [{ code: 'not_allowed', path, params: { allowed: options.map(shownValue).join(' | '), received: shownValue((zodIssue.input as Record<string, unknown> | undefined)?.[String(path.at(-1))]) } }];
      }
      // The branch that came closest is the one the author most likely meant.
      const closest = [...zodIssue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return fromZodIssues(closest, path);
    }
    case 'custom': {
      const params = (zodIssue.params ?? {}) as Record<string, string | number>;
      const fallback = /^[a-z_]+$/.test(zodIssue.message) ? zodIssue.message : 'invalid';
      const { code = fallback, ...rest } = params;
      return [{ code: String(code), path, params: rest }];
    }
    default:
      return [{ code: 'invalid', path, params: { detail: zodIssue.message } }];
  }
}
