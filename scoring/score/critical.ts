import { conditionItems } from '../schema/condition.ts';
import type { CompiledInstrument } from './compileInstrument.ts';
import { evaluateCondition } from './conditions.ts';
import type { Answers, CriticalHit } from './types.ts';

/**
 * Critical items that fired. An item that was asked but left unanswered or refused counts as
 * positive when the rule says so (a student who will not say "no" to a self-harm question is
 * treated as having said "yes"); an item never asked because of its show-if is not unanswered.
 */
export function criticalHits(instrument: CompiledInstrument, answers: Answers): CriticalHit[] {
  const hits: CriticalHit[] = [];
  for (const rule of instrument.critical) {
    let because: CriticalHit['because'] | undefined;
    if (evaluateCondition(rule.when, answers)) because = 'answer';
    else if (rule.positiveIfUnanswered && conditionItems(rule.when).some((id) => askedButUnanswered(instrument, id, answers))) because = 'unanswered';
    if (because) hits.push({ id: rule.id, instrument: instrument.ref, flag: rule.flag, because });
  }
  return hits;
}

function askedButUnanswered(instrument: CompiledInstrument, itemId: string, answers: Answers): boolean {
  const item = instrument.itemsById.get(itemId);
  if (!item) return false;
  const answer = answers[itemId];
  const unanswered = answer === null || answer === undefined || item.refusals.has(answer);
  return unanswered && (item.showIf === undefined || evaluateCondition(item.showIf, answers));
}
