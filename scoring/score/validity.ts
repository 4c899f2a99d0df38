import type { ValiditySettings } from '../schema/policy.ts';
import type { AnswerVector, CompiledInstrument, CompiledItem } from './compileInstrument.ts';
import type { InstrumentResult, ResponseInput, Validity, ValidityReason } from './types.ts';

const NONE: ValidityReason[] = [];

/** Position of an answer among the item's scored options (0 = lowest value); undefined if unscored. */
function position(item: CompiledItem, answer: number | null | undefined): number | undefined {
  if (answer === null || answer === undefined || item.refusals.has(answer)) return undefined;
  const index = item.ascending.indexOf(answer);
  return index < 0 ? undefined : index;
}

function timingReasons(battery: readonly CompiledInstrument[], input: ResponseInput, settings: ValiditySettings): ValidityReason[] {
  const seconds = input.seconds;
  if (!seconds) return [];
  let timed = 0;
  let total = 0;
  let fast = 0;
  for (const compiled of battery) {
    for (const item of compiled.items) {
      const spent = seconds[item.id];
      if (spent === undefined) continue;
      timed += 1;
      total += spent;
      if (spent < settings.minSecondsPerItem) fast += 1;
    }
  }
  if (timed === 0) return [];
  const mean = total / timed;
  if (mean < settings.minSecondsPerItem) {
    return [{ code: 'too_fast', status: 'invalid', detail: { meanSeconds: Math.round(mean * 100) / 100, threshold: settings.minSecondsPerItem } }];
  }
  if (fast / timed >= settings.fastItemShare) {
    return [{ code: 'many_fast_items', status: 'questionable', detail: { fastItems: fast, timedItems: timed } }];
  }
  return [];
}

/**
 * Straight-lining: the same option position on every answered item. Across a whole battery that is
 * suspicious only off the lowest option (all "not at all" is a plausible answer from a well student);
 * on an instrument with reverse-keyed items, it contradicts itself whatever the option.
 */
function longStringReasons(battery: readonly CompiledInstrument[], vectors: readonly AnswerVector[], settings: ValiditySettings): ValidityReason[] {
  let reasons: ValidityReason[] | undefined;
  let first = -1;
  let count = 0;
  let same = true;
  for (const [index, compiled] of battery.entries()) {
    let ownFirst = -1;
    let ownCount = 0;
    let ownSame = true;
    for (const item of compiled.items) {
      if (item.ascending.length <= 2) continue;
      const at = position(item, vectors[index]?.[item.slot]);
      if (at === undefined) continue;
      if (ownCount === 0) ownFirst = at; else if (at !== ownFirst) ownSame = false;
      if (count === 0) first = at; else if (at !== first) same = false;
      ownCount += 1;
      count += 1;
    }
    if (compiled.hasReverseKeys && ownCount >= 4 && ownSame) {
      (reasons ??= []).push({ code: 'long_string_contradicts_reverse_keys', status: 'questionable', instrument: compiled.ref, detail: { items: ownCount } });
    }
  }
  if (first > 0 && count >= settings.longStringMinItems && same) {
    (reasons ??= []).push({ code: 'long_string', status: 'questionable', detail: { items: count, position: first } });
  }
  return reasons ?? NONE;
}

function consistencyReasons(battery: readonly CompiledInstrument[], input: ResponseInput): ValidityReason[] {
  const reasons: ValidityReason[] = [];
  for (const compiled of battery) {
    const pairs = compiled.definition.consistencyPairs ?? [];
    let inconsistent = 0;
    let compared = 0;
    for (const pair of pairs) {
      const a = compiled.itemsById.get(pair.a);
      const b = compiled.itemsById.get(pair.b);
      const va = a && position(a, input.answers[pair.a]);
      const vb = b && position(b, input.answers[pair.b]);
      if (a === undefined || b === undefined || va === undefined || vb === undefined) continue;
      compared += 1;
      const expectedB = pair.relation === 'same' ? va : b.ascending.length - 1 - va;
      if (Math.abs(vb - expectedB) > pair.maxDifference) inconsistent += 1;
    }
    if (inconsistent === 0) continue;
    const status = inconsistent >= 2 && inconsistent * 2 >= compared ? 'invalid' : 'questionable';
    reasons.push({ code: 'inconsistent_pairs', status, instrument: compiled.ref, detail: { inconsistent, compared } });
  }
  return reasons;
}

function scorabilityReasons(results: readonly InstrumentResult[]): ValidityReason[] {
  let reasons: ValidityReason[] | undefined;
  for (const result of results) {
    for (const scale of result.scales) {
      if (scale.raw !== null) continue;
      (reasons ??= []).push({ code: 'scale_not_scorable', status: 'invalid', instrument: result.instrument, detail: { scale: scale.id, missing: scale.missing } });
    }
  }
  return reasons ?? NONE;
}

/** Validity of a battery. It never touches tier or flags: an invalid result with a flag keeps its flag. */
export function assessValidity(battery: readonly CompiledInstrument[], vectors: readonly AnswerVector[], input: ResponseInput, results: readonly InstrumentResult[], settings: ValiditySettings): Validity {
  const reasons = [
    ...scorabilityReasons(results),
    ...timingReasons(battery, input, settings),
    ...longStringReasons(battery, vectors, settings),
    ...consistencyReasons(battery, input),
  ];
  const status = reasons.some((reason) => reason.status === 'invalid') ? 'invalid' : reasons.length > 0 ? 'questionable' : 'ok';
  return { status, reasons, retest: status === 'invalid' };
}
