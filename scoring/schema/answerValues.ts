import type { Condition } from './condition.ts';
import type { Option } from './instrument.ts';

// Helpers both the schemas (cross-field checks) and the engine need; zod-free so the engine stays light.

/** Scored values of an option set: refusal options are never scored. */
export function scoredValues(options: readonly Option[]): number[] {
  return options.filter((option) => option.refusal !== true).map((option) => option.value);
}

/** Item ids a condition reads, so a schema can check they exist. */
export function conditionItems(condition: Condition): string[] {
  if ('any' in condition) return condition.any.flatMap(conditionItems);
  if ('all' in condition) return condition.all.flatMap(conditionItems);
  return [condition.item];
}
