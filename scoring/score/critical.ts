import { conditionItems } from '../schema/answerValues.ts';
import type { Condition } from '../schema/condition.ts';
import type { AnswerVector, CompiledInstrument } from './compileInstrument.ts';
import type { CriticalHit } from './types.ts';

type Test = (answers: AnswerVector) => boolean;

/** A condition turned into a closure over an instrument's answer vector (an unanswered slot satisfies nothing). */
export function compileCondition(condition: Condition, slotOf: (id: string) => number): Test {
  if ('any' in condition) {
    const parts = condition.any.map((inner) => compileCondition(inner, slotOf));
    return (answers) => parts.some((part) => part(answers));
  }
  if ('all' in condition) {
    const parts = condition.all.map((inner) => compileCondition(inner, slotOf));
    return (answers) => parts.every((part) => part(answers));
  }
  const slot = slotOf(condition.item);
  switch (condition.op) {
    case 'eq': { const x = condition.value; return (answers) => answers[slot] === x; }
    case 'ne': { const x = condition.value; return (answers) => answers[slot] !== undefined && answers[slot] !== x; }
    case 'gte': { const x = condition.value; return (answers) => (answers[slot] ?? -Infinity) >= x; }
    case 'lte': { const x = condition.value; return (answers) => (answers[slot] ?? Infinity) <= x; }
    case 'in': { const xs = condition.values; return (answers) => { const a = answers[slot]; return a !== undefined && xs.includes(a); }; }
  }
}

interface CompiledRule {
  readonly id: string;
  readonly flag: 'urgent' | 'acute';
  readonly fires: Test;
  /** Present when a missing or refused answer to an asked item counts as positive. */
  readonly unansweredFires: Test | undefined;
}

const compiledRules = new WeakMap<CompiledInstrument, readonly CompiledRule[]>();

function rulesOf(instrument: CompiledInstrument): readonly CompiledRule[] {
  const cached = compiledRules.get(instrument);
  if (cached) return cached;
  const slotOf = (id: string): number => instrument.itemsById.get(id)?.slot ?? -1;
  const rules = instrument.critical.map((rule): CompiledRule => {
    const askedButUnanswered = conditionItems(rule.when).map((id): Test => {
      const item = instrument.itemsById.get(id);
      const asked = item?.showIf ? compileCondition(item.showIf, slotOf) : () => true;
      const slot = slotOf(id);
      return (answers) => {
        const answer = answers[slot];
        return (answer === undefined || item?.refusals.has(answer) === true) && asked(answers);
      };
    });
    return {
      id: rule.id,
      flag: rule.flag,
      fires: compileCondition(rule.when, slotOf),
      unansweredFires: rule.positiveIfUnanswered ? (answers) => askedButUnanswered.some((test) => test(answers)) : undefined,
    };
  });
  compiledRules.set(instrument, rules);
  return rules;
}

/**
 * Critical items that fired. An item that was asked but left unanswered or refused counts as
 * positive when the rule says so (a student who will not say "no" to a self-harm question is
 * treated as having said "yes"); an item never asked because of its show-if is not unanswered.
 * Answers to items whose show-if is false are still read: a "yes" to a self-harm question is
 * never ignored, whatever led to it being given.
 */
export function criticalHits(instrument: CompiledInstrument, answers: AnswerVector): CriticalHit[] {
  let hits: CriticalHit[] | undefined;
  for (const rule of rulesOf(instrument)) {
    const because = rule.fires(answers) ? 'answer' : rule.unansweredFires?.(answers) ? 'unanswered' : undefined;
    if (because) (hits ??= []).push({ id: rule.id, instrument: instrument.ref, flag: rule.flag, because });
  }
  return hits ?? [];
}
