import type { Answers } from '../../../scoring/index.ts';
import type { Summary } from './summary.ts';

/**
 * The floor: PHQ-9 + GAD-7 + ASQ scored by hand, from the published scoring rules, the project's
 * rules for skipped critical items and the default policy, not from the instrument files, so it
 * also checks the files.
 */
const PHQ9_ITEMS = ['phq9_1', 'phq9_2', 'phq9_3', 'phq9_4', 'phq9_5', 'phq9_6', 'phq9_7', 'phq9_8', 'phq9_9'];
const GAD7_ITEMS = ['gad7_1', 'gad7_2', 'gad7_3', 'gad7_4', 'gad7_5', 'gad7_6', 'gad7_7'];
const ASQ_RISK_ITEMS = ['asq_1', 'asq_2', 'asq_3', 'asq_4'];
const YES = 1;
const NO = 0;

/** Sum of the items, prorated as round(mean × length) half up with at most one item missing. */
function proratedSum(answers: Answers, items: readonly string[]): number | null {
  let sum = 0;
  let answered = 0;
  for (const id of items) {
    const value = answers[id];
    if (typeof value !== 'number') continue;
    sum += value;
    answered += 1;
  }
  const missing = items.length - answered;
  if (missing > 1 || answered === 0) return null;
  return missing === 0 ? sum : Math.floor((sum / answered) * items.length + 0.5);
}

/** Default policy: high at 15 or more on PHQ-9 or GAD-7, medium at 10–14. */
const HIGH_FROM = 15;
const MEDIUM_FROM = 10;
const reaches = (score: number | null, cutOff: number): boolean => score !== null && score >= cutOff;

/**
 * Critical items as the project specifies them (`positiveIfUnanswered` in instruments/README.md): an
 * item that was asked but skipped or refused counts as a positive answer. ASQ 1–4 and
 * PHQ-9 item 9 are always asked; ASQ 5 only after a "yes" to one of ASQ 1–4.
 */
export function scorePlain(answers: Answers): Summary {
  const phq9 = proratedSum(answers, PHQ9_ITEMS);
  const gad7 = proratedSum(answers, GAD7_ITEMS);

  const item9 = answers['phq9_9'];
  const phq9SelfHarm = typeof item9 !== 'number' || item9 >= 1;
  const asqPositive = ASQ_RISK_ITEMS.some((id) => answers[id] !== NO);
  const asq5Asked = ASQ_RISK_ITEMS.some((id) => answers[id] === YES);
  const acute = asq5Asked && answers['asq_5'] !== NO;

  const urgent = phq9SelfHarm || asqPositive || acute;
  const tier = urgent || reaches(phq9, HIGH_FROM) || reaches(gad7, HIGH_FROM) ? 'high'
    : reaches(phq9, MEDIUM_FROM) || reaches(gad7, MEDIUM_FROM) ? 'medium' : 'low';
  return { totals: { 'phq9.total': phq9, 'gad7.total': gad7 }, tier, urgent, acute };
}
