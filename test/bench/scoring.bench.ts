/**
 * Scoring throughput: PsyScreen's compiled engine against SurveyJS (a Model per response, and its
 * ExpressionRunner alone) and a hand-written function, on the same 20,000 seeded random PHQ-9 + GAD-7 +
 * ASQ batteries. Every variant must agree with PsyScreen on every response (totals, tier, flags);
 * any disagreement fails the bench. Speeds are printed, never asserted.
 */
import type { ResponseInput } from '../../scoring/index.ts';
import { loadShippedBattery, type Battery } from './scoring/battery.ts';
import { compareVariants, type VariantResults } from './scoring/compare.ts';
import { buildScoringExpressions, type ScoringExpressions } from './scoring/expressions.ts';
import { generateResponses } from './scoring/generate.ts';
import { outcomeMix } from './scoring/mix.ts';
import { scorePlain } from './scoring/plain.ts';
import { psyScreenScorer } from './scoring/psyscreen.ts';
import { COMPARED_TOTALS, type Summary } from './scoring/summary.ts';
import { expressionRunnerScorer, modelScorer, surveyJson } from './scoring/surveyjs.ts';
import { BenchFailure } from './support/failure.ts';
import { formatRate, formatRatio, measureInSlices, measureThroughput, type Throughput } from './support/timing.ts';

const RESPONSES = 20_000;
const SEED = 0x5eed2026;
const TARGET_VS_EXPRESSION_RUNNER = 100;
/** Fast variants: the correctness pass, then this many untimed and timed rounds over all responses. */
const FAST_TIMING = { warmupRounds: 1, rounds: 9 };
/** A Model per response is too slow to repeat: its one pass is cut in slices, the first one the warm-up. */
const MODEL_SLICES = 5;
/** survey-core defers work to microtasks; a tight loop of Models must yield now and then or memory runs out. */
const MODELS_BETWEEN_YIELDS = 200;

type ScoreAll = (responses: readonly ResponseInput[]) => Summary[] | Promise<Summary[]>;

interface Variant {
  readonly name: string;
  readonly scoreAll: ScoreAll;
  readonly repeatable: boolean;
}

const scoringEach = (scoreOne: (input: ResponseInput) => Summary): ScoreAll => (responses) => responses.map(scoreOne);

const scoringEachYielding = (scoreOne: (input: ResponseInput) => Summary): ScoreAll => async (responses) => {
  const summaries: Summary[] = [];
  for (const [index, response] of responses.entries()) {
    summaries.push(scoreOne(response));
    if ((index + 1) % MODELS_BETWEEN_YIELDS === 0) await new Promise(setImmediate);
  }
  return summaries;
};

function buildVariants(battery: Battery, expressions: ScoringExpressions): Variant[] {
  const model = modelScorer(surveyJson(battery, expressions), expressions);
  const runner = expressionRunnerScorer(expressions);
  return [
    { name: 'PsyScreen engine.score', repeatable: true, scoreAll: scoringEach(psyScreenScorer(battery)) },
    { name: 'SurveyJS ExpressionRunner', repeatable: true, scoreAll: scoringEach((input) => runner(input.answers)) },
    { name: 'SurveyJS Model per response', repeatable: false, scoreAll: scoringEachYielding((input) => model(input.answers)) },
    { name: 'plain function', repeatable: true, scoreAll: scoringEach((input) => scorePlain(input.answers)) },
  ];
}

/** Scores every response with every variant (the results are compared) and measures each one's rate. */
async function scoreAndTime(variants: readonly Variant[], responses: readonly ResponseInput[]): Promise<{ results: VariantResults[]; throughputs: Throughput[] }> {
  const results: VariantResults[] = [];
  const throughputs: Throughput[] = [];
  for (const variant of variants) {
    if (variant.repeatable) {
      results.push({ name: variant.name, summaries: await variant.scoreAll(responses) });
      throughputs.push(await measureThroughput(variant.name, responses.length, FAST_TIMING, () => variant.scoreAll(responses)));
    } else {
      console.log(`(${variant.name}: one pass over all ${responses.length.toLocaleString('en')} responses, this takes minutes)`);
      const { results: summaries, throughput } = await measureInSlices(variant.name, responses, MODEL_SLICES, variant.scoreAll);
      results.push({ name: variant.name, summaries });
      throughputs.push(throughput);
    }
  }
  return { results, throughputs };
}

function printThroughputs(throughputs: readonly Throughput[]): void {
  console.log('\nThroughput (median round; rounds in ms):');
  for (const { name, perSecond, itemsPerRound, roundsMs } of throughputs) {
    const rounds = roundsMs.map((ms) => ms.toFixed(1)).join(' ');
    console.log(`  ${name.padEnd(28)} ${formatRate(perSecond).padStart(13)}   ${itemsPerRound.toLocaleString('en')} responses/round: [${rounds}]`);
  }
  const [psyScreen, runner, model, plain] = throughputs;
  if (!psyScreen || !runner || !model || !plain) return;
  const vsRunner = psyScreen.perSecond / runner.perSecond;
  console.log('\nPsyScreen engine.score vs');
  console.log(`  SurveyJS ExpressionRunner    ${formatRatio(vsRunner).padStart(7)}   (target ≥ ${TARGET_VS_EXPRESSION_RUNNER}×: ${vsRunner >= TARGET_VS_EXPRESSION_RUNNER ? 'met' : 'NOT met'})`);
  console.log(`  SurveyJS Model per response  ${formatRatio(psyScreen.perSecond / model.perSecond).padStart(7)}`);
  console.log(`  plain function               ${formatRatio(psyScreen.perSecond / plain.perSecond).padStart(7)}`);
}

function printComparison(battery: Battery, responses: readonly ResponseInput[], results: readonly VariantResults[]): number {
  const [reference, ...others] = results;
  if (!reference) throw new Error('no variants');
  const mix = outcomeMix(battery, responses, reference.summaries);
  console.log(`\nOutcome mix (${reference.name}): ${[...mix.counts].map(([key, count]) => `${key} ${count}`).join(', ')}`);
  if (mix.absent.length > 0) throw new BenchFailure(`the generated batteries never produce: ${mix.absent.join(', ')}; the check would not cover them`);

  const comparison = compareVariants(responses, reference, others);
  console.log(`\nDisagreements with ${reference.name}: ${comparison.disagreeing} of ${responses.length} responses`);
  for (const { name, disagreeing, examples } of comparison.perVariant) {
    console.log(`  ${name.padEnd(28)} ${disagreeing}`);
    for (const example of examples) console.log(`    ${example}`);
  }
  return comparison.disagreeing;
}

export const run = (): Promise<void> => scoringBench(loadShippedBattery());

/** The bench over a given battery (the shipped one for `npm run bench`) and number of responses. */
export async function scoringBench(battery: Battery, responseCount: number = RESPONSES): Promise<void> {
  const expressions = buildScoringExpressions(battery);
  const variants = buildVariants(battery, expressions);
  const responses = generateResponses(battery.instruments, { count: responseCount, seed: SEED });
  const instruments = battery.instruments.map((instrument) => `${instrument.id}@${instrument.version}`).join(' + ');
  console.log(`${responseCount.toLocaleString('en')} random batteries (${instruments}; policy ${battery.policy.id}@${battery.policy.version}), seed ${SEED}.`);
  console.log(`Compared on every response: ${COMPARED_TOTALS.join(', ')} (prorated as round(mean × length), half up, within the scale's maxMissing, else no score), tier, urgent, acute.`);
  console.log('PsyScreen also computes bands, reasons, validity and definition refs, which the other variants do not.');
  console.log(`The SurveyJS variants evaluate ${expressions.expressions.length} expressions per response (calculated values in a Model; parsed once for ExpressionRunner).`);

  const { results, throughputs } = await scoreAndTime(variants, responses);
  const disagreeing = printComparison(battery, responses, results);
  printThroughputs(throughputs);
  if (disagreeing > 0) throw new BenchFailure(`${disagreeing} of ${responseCount} responses were scored differently by the variants`);
}
