import type { Condition, Instrument, Locale } from '../../scoring/index.ts';

export type SurveyLayout = 'question' | 'page';

export interface SurveyJsonOptions {
  readonly locale: Locale;
  /** One question per screen (younger students, small screens) or one instrument per screen. */
  readonly layout: SurveyLayout;
}

interface SurveyQuestionJson {
  type: 'radiogroup';
  name: string;
  title: string;
  choices: { value: number; text: string }[];
  visibleIf?: string;
}
interface SurveyPageJson {
  name: string;
  title: string;
  description: string;
  elements: SurveyQuestionJson[];
}
export interface SurveyJson {
  pages: SurveyPageJson[];
  showQuestionNumbers: 'on' | 'off';
  showProgressBar: boolean;
  progressBarLocation?: 'top';
  progressBarType: 'questions';
  questionsOnPageMode: 'standard' | 'questionPerPage';
  locale: string;
  showCompletePage: boolean;
  completeText: string;
  pageNextText: string;
  pagePrevText: string;
  checkErrorsMode: 'onComplete';
}

const NAV: Record<Locale, { next: string; prev: string; complete: string }> = {
  'zh-CN': { next: '下一题', prev: '上一题', complete: '提交' },
  en: { next: 'Next', prev: 'Back', complete: 'Submit' },
};

/** A show-if condition as a SurveyJS expression; item ids are the question names. */
export function conditionToExpression(condition: Condition): string {
  if ('any' in condition) return condition.any.map((inner) => `(${conditionToExpression(inner)})`).join(' or ');
  if ('all' in condition) return condition.all.map((inner) => `(${conditionToExpression(inner)})`).join(' and ');
  const field = `{${condition.item}}`;
  switch (condition.op) {
    case 'eq': return `${field} = ${condition.value}`;
    case 'ne': return `${field} <> ${condition.value}`;
    case 'gte': return `${field} >= ${condition.value}`;
    case 'lte': return `${field} <= ${condition.value}`;
    case 'in': return `${field} anyof [${condition.values.join(', ')}]`;
  }
}

function instrumentPage(def: Instrument, locale: Locale): SurveyPageJson {
  return {
    name: def.id,
    title: def.name[locale],
    // Plain text: survey-core renders titles and descriptions as text unless a markdown handler is added, and none is.
    description: `${def.instructions[locale]}\n${def.licence.notice[locale]}`,
    elements: def.items.map((item) => ({
      type: 'radiogroup',
      name: item.id,
      title: item.text[locale],
      choices: (def.optionSets[item.options] ?? []).map((option) => ({ value: option.value, text: option.label[locale] })),
      ...(item.showIf ? { visibleIf: conditionToExpression(item.showIf) } : {}),
    })),
  };
}

/** A battery (instruments in order) as SurveyJS JSON; question names are item ids, values are option values. */
export function batteryToSurveyJson(instruments: readonly Instrument[], options: SurveyJsonOptions): SurveyJson {
  const nav = NAV[options.locale];
  return {
    pages: instruments.map((def) => instrumentPage(def, options.locale)),
    showQuestionNumbers: 'off',
    showProgressBar: true,
    progressBarLocation: 'top',
    progressBarType: 'questions',
    questionsOnPageMode: options.layout === 'question' ? 'questionPerPage' : 'standard',
    locale: options.locale === 'zh-CN' ? 'zh-cn' : 'en',
    showCompletePage: false,
    completeText: nav.complete,
    pageNextText: nav.next,
    pagePrevText: nav.prev,
    checkErrorsMode: 'onComplete',
  };
}

export const instrumentToSurveyJson = (def: Instrument, options: SurveyJsonOptions): SurveyJson => batteryToSurveyJson([def], options);

/** SurveyJS data → the answers map the scoring core takes (non-numeric values are dropped). */
export function surveyDataToAnswers(data: Readonly<Record<string, unknown>>): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const [name, value] of Object.entries(data)) if (typeof value === 'number' && Number.isInteger(value)) answers[name] = value;
  return answers;
}
