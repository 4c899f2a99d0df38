import { refOf } from '../library/ref.ts';
import type { Condition } from '../schema/condition.ts';
import { scoredValues } from '../schema/answerValues.ts';
import type { Band, CriticalItem, Instrument, MissingRule } from '../schema/instrument.ts';

export type AnswerVector = (number | undefined)[];

export interface CompiledItem {
  readonly id: string;
  readonly slot: number;
  readonly min: number;
  readonly max: number;
  /** Values that are valid answers, refusals included. */
  readonly allowed: ReadonlySet<number>;
  readonly refusals: ReadonlySet<number>;
  /** Scored values in ascending order; an answer's position in it is what straight-lining repeats. */
  readonly ascending: readonly number[];
  readonly reverse: boolean;
  readonly showIf: Condition | undefined;
}

export interface CompiledScale {
  readonly id: string;
  readonly items: readonly CompiledItem[];
  readonly method: 'sum' | 'mean';
  readonly multiplier: number;
  readonly missing: MissingRule;
  readonly bands: readonly Band[];
}

/** An instrument turned into lookup tables once, so scoring each response does no searching. */
export interface CompiledInstrument {
  readonly definition: Instrument;
  readonly ref: string;
  readonly items: readonly CompiledItem[];
  readonly itemsById: ReadonlyMap<string, CompiledItem>;
  readonly scales: readonly CompiledScale[];
  readonly critical: readonly CriticalItem[];
  readonly hasReverseKeys: boolean;
}

export function compileInstrument(definition: Instrument): CompiledInstrument {
  const items = definition.items.map((item, slot): CompiledItem => {
    const options = definition.optionSets[item.options] ?? [];
    const ascending = scoredValues(options).sort((a, b) => a - b);
    return {
      id: item.id,
      slot,
      min: ascending[0] ?? 0,
      max: ascending.at(-1) ?? 0,
      allowed: new Set(options.map((option) => option.value)),
      refusals: new Set(options.filter((option) => option.refusal === true).map((option) => option.value)),
      ascending,
      reverse: item.reverse === true,
      showIf: item.showIf,
    };
  });
  const itemsById = new Map(items.map((item) => [item.id, item]));
  const scales = definition.scales.map((scale): CompiledScale => ({
    id: scale.id,
    items: scale.items.map((id) => itemsById.get(id)).filter((item) => item !== undefined),
    method: scale.method,
    multiplier: scale.multiplier ?? 1,
    missing: scale.missing,
    bands: scale.bands ?? [],
  }));
  return {
    definition,
    ref: refOf(definition),
    items,
    itemsById,
    scales,
    critical: definition.critical ?? [],
    hasReverseKeys: items.some((item) => item.reverse),
  };
}

/** The scored value of an answer, or undefined when it is unanswered or refused. */
export function scoredValue(item: CompiledItem, answer: number | null | undefined): number | undefined {
  if (answer === null || answer === undefined || item.refusals.has(answer)) return undefined;
  return item.reverse ? item.min + item.max - answer : answer;
}

