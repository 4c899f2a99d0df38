import { evaluateCondition, scoredValues, type Condition, type Instrument, type Option, type ResponseInput, type Sex } from '../../../scoring/index.ts';
import { randomInt, seededRandom, type Random } from '../support/prng.ts';

/**
 * Random answers to a battery, reproducible from a seed. Each student has a severity (most are well,
 * a few are very distressed) that drives every item; some skip items (now and then most of the
 * battery), some refuse, and items hidden by their show-if are left out as the kiosk would.
 */
export interface GenerateOptions {
  readonly count: number;
  readonly seed: number;
}

interface Student {
  /** 0 (well) … 3 (every symptom nearly every day). */
  readonly severity: number;
  readonly missingRate: number;
  readonly refusalRate: number;
}

const CRITICAL_ITEM_OFFSET = 1.2;
const SEXES: readonly Sex[] = ['male', 'female'];

/** Share of students by severity range: most are well, a few very distressed. */
const SEVERITY_MIX: readonly { readonly share: number; readonly from: number; readonly to: number }[] = [
  { share: 0.62, from: 0, to: 0.6 },
  { share: 0.22, from: 0.6, to: 1.3 },
  { share: 0.11, from: 1.3, to: 2.1 },
  { share: 0.05, from: 2.1, to: 3 },
];

function drawSeverity(random: Random): number {
  let roll = random();
  for (const range of SEVERITY_MIX) {
    roll -= range.share;
    if (roll <= 0) return range.from + random() * (range.to - range.from);
  }
  return 3;
}

function drawStudent(random: Random): Student {
  const roll = random();
  const missingRate = roll < 0.88 ? 0 : roll < 0.98 ? 0.05 : 0.35;
  return { severity: drawSeverity(random), missingRate, refusalRate: random() < 0.9 ? 0.005 : 0.08 };
}

/** A scored value near the student's severity on a 4-point item; on a yes/no item, yes grows with severity. */
function drawScored(random: Random, severity: number, ascending: readonly number[]): number {
  if (ascending.length === 2) {
    const yes = 0.004 + 0.07 * severity * severity;
    return (random() < yes ? ascending[1] : ascending[0]) ?? 0;
  }
  const target = (severity / 3) * (ascending.length - 1);
  const weights = ascending.map((_, position) => Math.exp(-((position - target) ** 2) / 0.4));
  let pick = random() * weights.reduce((sum, weight) => sum + weight, 0);
  for (const [position, weight] of weights.entries()) {
    pick -= weight;
    if (pick <= 0) return ascending[position] ?? 0;
  }
  return ascending.at(-1) ?? 0;
}

function drawAnswer(random: Random, student: Student, severity: number, options: readonly Option[]): number | null | undefined {
  if (random() < student.missingRate) return random() < 0.5 ? null : undefined;
  const refusals = options.filter((option) => option.refusal === true);
  const refusal = refusals[0];
  if (refusal && random() < student.refusalRate) return refusal.value;
  return drawScored(random, severity, scoredValues(options).sort((a, b) => a - b));
}

/** Items a critical rule reads (self-harm, suicide risk) are endorsed less often than the others, as in real data. */
function criticalItemIds(instrument: Instrument): Set<string> {
  const ids = (condition: Condition): string[] =>
    'any' in condition ? condition.any.flatMap(ids) : 'all' in condition ? condition.all.flatMap(ids) : [condition.item];
  return new Set((instrument.critical ?? []).flatMap((rule) => ids(rule.when)));
}

function answerInstrument(random: Random, student: Student, instrument: Instrument, answers: Record<string, number | null>): void {
  // Depression, anxiety and risk move together but not in lock-step.
  const severity = Math.min(3, Math.max(0, student.severity + (random() - 0.5) * 0.8));
  const critical = criticalItemIds(instrument);
  for (const item of instrument.items) {
    if (item.showIf && !evaluateCondition(item.showIf, answers)) continue;
    const itemSeverity = critical.has(item.id) ? Math.max(0, severity - CRITICAL_ITEM_OFFSET) : severity;
    const answer = drawAnswer(random, student, itemSeverity, instrument.optionSets[item.options] ?? []);
    if (answer !== undefined) answers[item.id] = answer;
  }
}

export function generateResponses(instruments: readonly Instrument[], options: GenerateOptions): ResponseInput[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.count }, (_, index): ResponseInput => {
    const student = drawStudent(random);
    const answers: Record<string, number | null> = {};
    for (const instrument of instruments) answerInstrument(random, student, instrument, answers);
    const sex = SEXES[randomInt(random, 0, 1)] ?? 'female';
    return { respondent: { id: `s${index + 1}`, grade: randomInt(random, 7, 12), sex }, answers };
  });
}
