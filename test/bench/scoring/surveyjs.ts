import { ExpressionRunner, Model } from 'survey-core';
import type { Answers } from '../../../scoring/index.ts';
import type { Battery } from './battery.ts';
import { OUTPUT, conditionExpression, type ScoringExpressions } from './expressions.ts';
import { COMPARED_TOTALS, asScore, asTierText, type Summary } from './summary.ts';

/** Reads one summary from named values, however the variant keeps them. */
function readSummary(expressions: ScoringExpressions, valueOf: (name: string) => unknown): Summary {
  const totals: Record<string, number | null> = {};
  for (const key of COMPARED_TOTALS) totals[key] = asScore(valueOf(expressions.totals[key] ?? ''));
  return { totals, tier: asTierText(valueOf(OUTPUT.tier)), urgent: valueOf(OUTPUT.urgent) === true, acute: valueOf(OUTPUT.acute) === true };
}

/** The battery as a SurveyJS survey: one radio group per item, show-ifs as visibleIf, scoring as calculatedValues. */
export function surveyJson(battery: Battery, expressions: ScoringExpressions): object {
  const elements = battery.instruments.flatMap((instrument) => instrument.items.map((item) => ({
    type: 'radiogroup',
    name: item.id,
    title: item.text.en,
    choices: (instrument.optionSets[item.options] ?? []).map((option) => ({ value: option.value, text: option.label.en })),
    ...(item.showIf ? { visibleIf: conditionExpression(item.showIf) } : {}),
  })));
  return {
    elements,
    calculatedValues: expressions.expressions.map(({ name, expression }) => ({ name, expression })),
  };
}

/** Only answered items go into survey data, as SurveyJS itself stores them. */
function surveyData(answers: Answers): Record<string, number> {
  const data: Record<string, number> = {};
  for (const [id, value] of Object.entries(answers)) if (typeof value === 'number') data[id] = value;
  return data;
}

/** SurveyJS scoring as a form would do it: a new Model per response, data set, calculated values read. */
export function modelScorer(json: object, expressions: ScoringExpressions): (answers: Answers) => Summary {
  return (answers) => {
    const model = new Model(json);
    model.data = surveyData(answers);
    const summary = readSummary(expressions, (name) => model.getVariable(name));
    model.dispose();
    return summary;
  };
}

/** SurveyJS's expression engine alone: every expression parsed once, run per response over a values object. */
export function expressionRunnerScorer(expressions: ScoringExpressions): (answers: Answers) => Summary {
  const runners = expressions.expressions.map(({ name, expression }) => ({ name, runner: new ExpressionRunner(expression) }));
  for (const { name, runner } of runners) if (!runner.canRun()) throw new Error(`SurveyJS cannot parse expression ${name}`);
  return (answers) => {
    const values: Record<string, unknown> = surveyData(answers);
    for (const { name, runner } of runners) values[name] = runner.runValues(values);
    return readSummary(expressions, (name) => values[name]);
  };
}
