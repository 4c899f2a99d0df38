import { shortRefOf } from '../library/ref.ts';
import { issue, type Issue, type JsonPath } from '../outcome.ts';
import type { Instrument } from '../schema/instrument.ts';
import type { TierPolicy } from '../schema/policy.ts';
import type { VectorCase, Vectors } from '../schema/vectors.ts';
import { compileBattery, type ScoringEngine } from './battery.ts';
import type { BatteryResult } from './types.ts';

/** How an instrument is named in a message: what a teacher recognises, then the exact version. */
export const instrumentLabel = (instrument: Instrument): string => `${instrument.abbreviation} (${shortRefOf(instrument)})`;

const shown = (value: unknown): string => (value === undefined ? '—' : JSON.stringify(value));
const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((value, i) => value === right[i]);
};
const sameScore = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

function compareResult(instrument: Instrument, entry: VectorCase, result: BatteryResult, compareTier: boolean, mismatch: (path: JsonPath, what: string, expected: unknown, actual: unknown) => void): void {
  const expect = entry.expect;
  if ('rejected' in expect) {
    mismatch(['expect', 'rejected'], 'rejected', expect.rejected, 'scored');
    return;
  }
  const scored = result.instruments[0];
  for (const scale of instrument.scales) {
    const wanted = expect.scales[scale.id];
    const actual = scored?.scales.find((candidate) => candidate.id === scale.id);
    if (!wanted) {
      mismatch(['expect', 'scales'], `${scale.id}`, undefined, actual ? { raw: actual.raw, band: actual.band ?? null } : undefined);
      continue;
    }
    const raw = actual?.raw ?? null;
    if (!sameScore(wanted.raw, raw)) mismatch(['expect', 'scales', scale.id, 'raw'], `${scale.id}.raw`, wanted.raw, raw);
    const band = actual?.band ?? null;
    if (wanted.band !== band) mismatch(['expect', 'scales', scale.id, 'band'], `${scale.id}.band`, wanted.band, band);
    if (wanted.prorated !== undefined && wanted.prorated !== actual?.prorated) mismatch(['expect', 'scales', scale.id, 'prorated'], `${scale.id}.prorated`, wanted.prorated, actual?.prorated);
  }
  for (const id of Object.keys(expect.scales)) {
    if (!instrument.scales.some((scale) => scale.id === id)) mismatch(['expect', 'scales', id], id, expect.scales[id], undefined);
  }
  if (compareTier && expect.tier !== result.tier) mismatch(['expect', 'tier'], 'tier', expect.tier, result.tier);
  for (const flag of ['urgent', 'acute'] as const) {
    if (expect.flags[flag] !== result.flags[flag]) mismatch(['expect', 'flags', flag], flag, expect.flags[flag], result.flags[flag]);
  }
  const fired = scored?.critical.map((hit) => hit.id) ?? [];
  if (!sameSet(expect.critical, fired)) mismatch(['expect', 'critical'], 'critical', expect.critical, fired);
}

function runCase(engine: ScoringEngine, instrument: Instrument, entry: VectorCase, compareTier: boolean, path: JsonPath): Issue[] {
  const issues: Issue[] = [];
  const label = instrumentLabel(instrument);
  const mismatch = (at: JsonPath, what: string, expected: unknown, actual: unknown) => {
    issues.push(issue('vector_mismatch', [...path, ...at], { instrument: label, case: entry.id, what, expected: shown(expected), actual: shown(actual) }));
  };
  const scored = engine.score({
    respondent: { id: `vector:${entry.id}`, grade: instrument.grades.min, sex: 'female' },
    answers: entry.answers,
  });
  if (scored.ok) compareResult(instrument, entry, scored.value, compareTier, mismatch);
  else {
    const codes = scored.issues.map((found) => found.code);
    if (!('rejected' in entry.expect)) mismatch(['expect'], 'rejected', 'scored', codes);
    else if (!sameSet(entry.expect.rejected, codes)) mismatch(['expect', 'rejected'], 'rejected', entry.expect.rejected, codes);
  }
  return issues;
}

/**
 * Scores every case of an instrument's conformance vectors alone (no norms) under a tier policy and
 * returns one issue per difference; none means the engine gives what the published rules give.
 * Tiers are compared only under the policy the vectors name: another policy may set other tiers,
 * while scores, bands, flags and critical items belong to the instrument and are always compared.
 */
export function runVectors(instrument: Instrument, vectors: Vectors, policy: TierPolicy, path: JsonPath = []): Issue[] {
  if (vectors.id !== instrument.id || vectors.version !== instrument.version) {
    return [issue('vectors_other_instrument', path, { instrument: instrumentLabel(instrument), vectors: `${vectors.id}@${vectors.version}` })];
  }
  const engine = compileBattery({ instruments: [instrument], norms: [], policy });
  const compareTier = shortRefOf(policy) === vectors.policy;
  return vectors.cases.flatMap((entry, i) => runCase(engine, instrument, entry, compareTier, [...path, 'cases', i]));
}
