import type { Condition, Instrument, Locale } from '../../scoring/index.ts';

/**
 * The one adapter from instrument definitions to SurveyJS JSON. No instrument has hand-written survey
 * JSON: everything a student sees comes from the definition, so what is scored is what was asked.
 *
 * Texts are passed as plain strings. survey-core 3 renders a title or description as text (React
 * children, not innerHTML) unless an `onTextMarkdown` handler returns HTML, and this app registers none;
 * markup in an instrument file therefore shows as literal characters. `{…}` placeholders would still be
 * expanded by survey-core: models are made with verbatimSurvey.ts, which turns that off.
 */

export type SurveyLayout = 'question' | 'page';

export interface SurveyJsonOptions {
  /** One question per screen (younger students, small screens) or one instrument per screen. */
  readonly layout: SurveyLayout;
}

export interface SurveyChoiceJson {
  readonly value: number;
  readonly text: string;
}
export interface SurveyQuestionJson {
  readonly type: 'radiogroup';
  readonly name: string;
  readonly title: string;
  readonly choices: readonly SurveyChoiceJson[];
  readonly visibleIf?: string;
  /** Only on an instrument's first item: its licence notice, below the choices. */
  readonly description?: string;
  readonly descriptionLocation?: 'underInput';
}
export interface SurveyPageJson {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly elements: readonly SurveyQuestionJson[];
}
export interface SurveyJson {
  readonly pages: readonly SurveyPageJson[];
  readonly locale: string;
  readonly showQuestionNumbers: 'off';
  /** The kiosk shows its own counter (questionCounter.ts), which starts at 1 and keeps its total. */
  readonly showProgressBar: false;
  readonly questionsOnPageMode: 'standard' | 'questionPerPage';
  readonly showCompletePage: false;
  readonly checkErrorsMode: 'onComplete';
  readonly clearInvisibleValues: 'onHidden';
  readonly completeText: string;
  readonly pageNextText: string;
  readonly pagePrevText: string;
}

const NAVIGATION: Record<Locale, { next: string; prev: string; complete: string }> = {
  'zh-CN': { next: '下一题', prev: '上一题', complete: '提交' },
  en: { next: 'Next', prev: 'Back', complete: 'Submit' },
};

/** survey-core names its bundled Simplified Chinese strings `zh-cn`. */
const SURVEY_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/**
 * A show-if condition as a SurveyJS expression; item ids are the question names. It must agree with the
 * scoring core's `evaluateCondition`, where an unanswered item satisfies nothing: SurveyJS finds an empty
 * value "not equal" to anything, so `ne` also requires an answer.
 */
export function conditionToExpression(condition: Condition): string {
  if ('any' in condition) return condition.any.map((inner) => `(${conditionToExpression(inner)})`).join(' or ');
  if ('all' in condition) return condition.all.map((inner) => `(${conditionToExpression(inner)})`).join(' and ');
  const field = `{${condition.item}}`;
  switch (condition.op) {
    case 'eq': return `${field} = ${condition.value}`;
    case 'ne': return `${field} notempty and ${field} <> ${condition.value}`;
    case 'gte': return `${field} >= ${condition.value}`;
    case 'lte': return `${field} <= ${condition.value}`;
    case 'in': return `${field} anyof [${condition.values.join(', ')}]`;
  }
}

/** The item that opens an instrument for every student: the first one no condition can hide. */
export const firstShownItem = (def: Instrument): string | undefined => def.items.find((item) => !item.showIf)?.id;

function instrumentPage(def: Instrument, locale: Locale): SurveyPageJson {
  const first = firstShownItem(def);
  return {
    name: def.id,
    title: def.name[locale],
    // The instructions frame every item (e.g. "over the last 2 weeks"), so they stay on every screen of the page.
    description: def.instructions[locale],
    elements: def.items.map((item): SurveyQuestionJson => ({
      type: 'radiogroup',
      name: item.id,
      title: item.text[locale],
      // Refusal options stay in as ordinary choices: "prefer not to answer" is an answer the scoring core reads.
      choices: (def.optionSets[item.options] ?? []).map((option) => ({ value: option.value, text: option.label[locale] })),
      ...(item.showIf ? { visibleIf: conditionToExpression(item.showIf) } : {}),
      // The licence notice goes with the instrument's first screen, once, not with every question.
      ...(item.id === first ? { description: def.licence.notice[locale], descriptionLocation: 'underInput' as const } : {}),
    })),
  };
}

/** A battery (instruments in order, one SurveyJS page each) as SurveyJS JSON; question names are item ids. */
export function batteryToSurveyJson(defs: readonly Instrument[], locale: Locale, options: SurveyJsonOptions): SurveyJson {
  const navigation = NAVIGATION[locale];
  return {
    pages: defs.map((def) => instrumentPage(def, locale)),
    locale: SURVEY_LOCALE[locale],
    showQuestionNumbers: 'off',
    showProgressBar: false,
    questionsOnPageMode: options.layout === 'question' ? 'questionPerPage' : 'standard',
    // The app shows its own screen after completion (thank-you or score), never SurveyJS's HTML page.
    showCompletePage: false,
    // Nothing is required: a student may skip any item, and the scoring core applies the missing-item rules.
    checkErrorsMode: 'onComplete',
    // An answer to a question that is hidden again (ASQ 5 after ASQ 1–4 turn back to "no") is removed at
    // once, so neither the autosaved draft nor the score sees an answer to a question that was not asked.
    clearInvisibleValues: 'onHidden',
    completeText: navigation.complete,
    pageNextText: navigation.next,
    pagePrevText: navigation.prev,
  };
}

export const instrumentToSurveyJson = (def: Instrument, locale: Locale, options: SurveyJsonOptions): SurveyJson =>
  batteryToSurveyJson([def], locale, options);

/**
 * SurveyJS data (the whole `survey.data`, or one changed value) → the `Answers` map the scoring core takes.
 * Anything that is not an integer option value, including a value SurveyJS cleared, becomes `null`
 * (unanswered), so merging a change over earlier answers also removes an answer that was withdrawn.
 */
export function surveyDataToAnswers(data: Readonly<Record<string, unknown>>): Record<string, number | null> {
  const answers: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(data)) answers[name] = typeof value === 'number' && Number.isInteger(value) ? value : null;
  return answers;
}
