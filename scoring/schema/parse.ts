import type { z } from 'zod';
import { fail, issue, succeed, type Outcome } from '../outcome.ts';
import { ZInstrument, type Instrument } from './instrument.ts';
import { ZNormTable, type NormTable } from './norms.ts';
import { ZPlan, type Plan } from './plan.ts';
import { ZTierPolicy, type TierPolicy } from './policy.ts';
import { ZVectors, type Vectors } from './vectors.ts';
import { MAX_JSON_DEPTH, jsonNestingDepth, protoKeyPath } from './jsonShape.ts';
import { shownValue } from './shownValue.ts';
import { fromZodIssues } from './zodIssues.ts';

/** Validates unknown input against a schema, returning our issues (never throwing). */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Outcome<T> {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? succeed(parsed.data) : fail(fromZodIssues(parsed.error.issues));
}

export const parseInstrument = (input: unknown): Outcome<Instrument> => parseWith(ZInstrument, input);
export const parseNormTable = (input: unknown): Outcome<NormTable> => parseWith(ZNormTable, input);
export const parseTierPolicy = (input: unknown): Outcome<TierPolicy> => parseWith(ZTierPolicy, input);
export const parsePlan = (input: unknown): Outcome<Plan> => parseWith(ZPlan, input);
export const parseVectors = (input: unknown): Outcome<Vectors> => parseWith(ZVectors, input);

export type Definition =
  | { kind: 'instrument'; value: Instrument }
  | { kind: 'norms'; value: NormTable }
  | { kind: 'policy'; value: TierPolicy }
  | { kind: 'plan'; value: Plan }
  | { kind: 'vectors'; value: Vectors };

const KINDS = ['instrument', 'norms', 'policy', 'plan', 'vectors'] as const;

/** Reads any definition file by its `kind` field. */
export function parseDefinition(input: unknown): Outcome<Definition> {
  const kind = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { kind?: unknown }).kind : undefined;
  switch (kind) {
    case 'instrument': return wrap('instrument', parseInstrument(input));
    case 'norms': return wrap('norms', parseNormTable(input));
    case 'policy': return wrap('policy', parseTierPolicy(input));
    case 'plan': return wrap('plan', parsePlan(input));
    case 'vectors': return wrap('vectors', parseVectors(input));
    default: return fail([issue(kind === undefined ? 'kind_missing' : 'kind_unknown', ['kind'], { allowed: KINDS.join(' | '), received: shownValue(kind) })]);
  }
}

function wrap<K extends Definition['kind']>(kind: K, outcome: Outcome<Extract<Definition, { kind: K }>['value']>): Outcome<Definition> {
  return outcome.ok ? succeed({ kind, value: outcome.value } as Definition) : outcome;
}

/** JSON text → value, with the line and column of a syntax error. */
export function parseJsonText(text: string): Outcome<unknown> {
  const body = text.replace(/^\uFEFF/, '');
  if (jsonNestingDepth(body) > MAX_JSON_DEPTH) return fail([issue('json_too_deep', [], { max: MAX_JSON_DEPTH })]);
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail([issue('json_syntax', [], { detail })]);
  }
  const proto = protoKeyPath(body, value);
  return proto ? fail([issue('json_proto_key', proto)]) : succeed(value);
}
