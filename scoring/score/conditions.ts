import type { Condition } from '../schema/condition.ts';
import type { Answers } from './types.ts';

/** True when the answers satisfy the condition; an unanswered item satisfies nothing. */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  if ('any' in condition) return condition.any.some((inner) => evaluateCondition(inner, answers));
  if ('all' in condition) return condition.all.every((inner) => evaluateCondition(inner, answers));
  const value = answers[condition.item];
  if (value === null || value === undefined) return false;
  switch (condition.op) {
    case 'eq': return value === condition.value;
    case 'ne': return value !== condition.value;
    case 'gte': return value >= condition.value;
    case 'lte': return value <= condition.value;
    case 'in': return condition.values.includes(value);
  }
}
