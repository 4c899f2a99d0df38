import fc from 'fast-check';
import { Model, type ItemValue, type PageModel, type Question, type QuestionRadiogroupModel } from 'survey-core';
import { describe, expect, it } from 'vitest';
import {
  LOCALES, catalogFromFiles, compileBattery, evaluateCondition, findInstrument, formatIssueWithPath,
  type Catalog, type Condition, type Instrument,
} from '../../scoring/index.ts';
import { readLibraryFiles } from '../../src/library/disk.ts';
import { batteryToSurveyJson, conditionToExpression, instrumentToSurveyJson, surveyDataToAnswers } from '../../src/survey/toSurveyJson.ts';

/** The library exactly as shipped, read from disk; a file that fails validation fails the suite. */
function shippedLibrary(): Catalog {
  const { catalog, problems } = catalogFromFiles(readLibraryFiles());
  expect(problems.map((p) => `${p.path}: ${p.issues.map((i) => formatIssueWithPath(i, 'en')).join('; ')}`)).toEqual([]);
  return catalog;
}
const library = shippedLibrary();
const instrument = (id: string): Instrument => {
  const found = findInstrument(library, id);
  if (!found) throw new Error(`${id} is not in the library`);
  return found;
};
const radio = (model: Model, name: string): QuestionRadiogroupModel => model.getQuestionByName(name) as QuestionRadiogroupModel;

describe('every shipped instrument as SurveyJS JSON', () => {
  it('finds instruments to test', () => {
    expect(library.instruments.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(library.instruments.map((def) => [`${def.id}@${def.version}`, def] as const))('%s', (_, def) => {
    it.each(LOCALES)('has one radiogroup per item, named by item id, with the option values and texts (%s)', (locale) => {
      const json = instrumentToSurveyJson(def, locale, { layout: 'page' });
      expect(json.pages).toHaveLength(1);
      const page = json.pages[0]!;
      expect(page.title).toBe(def.name[locale]);
      expect(page.description).toBe(def.instructions[locale]);
      // the licence notice once per instrument: on its first item, below the choices, on no other item
      expect(page.elements.filter((question) => question.description !== undefined).map((question) => [question.name, question.description, question.descriptionLocation]))
        .toEqual([[def.items[0]!.id, def.licence.notice[locale], 'underInput']]);
      expect(page.elements.map((question) => question.name)).toEqual(def.items.map((item) => item.id));
      for (const [index, question] of page.elements.entries()) {
        const item = def.items[index]!;
        const options = def.optionSets[item.options] ?? [];
        expect(question.type).toBe('radiogroup');
        expect(question.title).toBe(item.text[locale]);
        // refusal options ("prefer not to answer") are choices like any other
        expect(question.choices.map((choice) => choice.value)).toEqual(options.map((option) => option.value));
        expect(question.choices.map((choice) => choice.text)).toEqual(options.map((option) => option.label[locale]));
        expect(question.visibleIf).toBe(item.showIf ? conditionToExpression(item.showIf) : undefined);
      }
    });

    it.each(LOCALES)('is shown by survey-core with exactly the instrument texts, as text (%s)', (locale) => {
      const model = new Model(instrumentToSurveyJson(def, locale, { layout: 'page' }));
      expect(model.getAllQuestions().map((question) => question.name)).toEqual(def.items.map((item) => item.id));
      expect(model.pages[0]?.locTitle.renderedHtml).toBe(def.name[locale]);
      for (const item of def.items) {
        const question = radio(model, item.id);
        // renderedHtml is what the React renderer prints; equality also proves no {placeholder} was substituted
        expect(question.locTitle.renderedHtml).toBe(item.text[locale]);
        expect(question.locTitle.hasHtml).toBe(false);
        expect((question.choices as ItemValue[]).map((choice) => choice.locText.renderedHtml)).toEqual((def.optionSets[item.options] ?? []).map((option) => option.label[locale]));
      }
      model.dispose();
    });
  });
});

describe('show-if conditions', () => {
  it('gives ASQ item 5 its show-if, and survey-core shows it only after a "yes" to items 1–4', () => {
    const asq = instrument('asq');
    const fifth = asq.items.find((item) => item.id === 'asq_5');
    expect(fifth?.showIf).toBeDefined();
    const json = instrumentToSurveyJson(asq, 'zh-CN', { layout: 'page' });
    const question = json.pages[0]?.elements.find((element) => element.name === 'asq_5');
    expect(question?.visibleIf).toBe(conditionToExpression(fifth!.showIf!));
    expect(question?.visibleIf).toBe('({asq_1} = 1) or ({asq_2} = 1) or ({asq_3} = 1) or ({asq_4} = 1)');

    const model = new Model(json);
    const asq5 = model.getQuestionByName('asq_5');
    expect(asq5.isVisible).toBe(false); // nothing answered yet
    model.setValue('asq_1', 1);
    expect(asq5.isVisible).toBe(true);
    model.data = { asq_1: 0, asq_2: 0, asq_3: 0, asq_4: 0 };
    expect(asq5.isVisible).toBe(false);
    model.setValue('asq_4', -1); // a refusal is not a "yes"
    expect(asq5.isVisible).toBe(false);
    model.setValue('asq_3', 1);
    expect(asq5.isVisible).toBe(true);
    model.dispose();
  });

  it('drops the answer to a question that is hidden again, so it is neither saved nor scored', () => {
    const model = new Model(instrumentToSurveyJson(instrument('asq'), 'en', { layout: 'question' }));
    const changes: Record<string, unknown>[] = [];
    model.onValueChanged.add((_, change) => changes.push({ [change.name]: change.value as unknown }));
    model.setValue('asq_1', 1);
    model.setValue('asq_5', 1);
    model.setValue('asq_1', 0);
    expect(model.data).toEqual({ asq_1: 0 });
    // the kiosk merges each change into its draft: the clearing change must withdraw the answer
    const draft = changes.reduce<Record<string, number | null>>((answers, change) => ({ ...answers, ...surveyDataToAnswers(change) }), {});
    expect(draft).toEqual({ asq_1: 0, asq_5: null });
    model.dispose();
  });

  it('writes each operator as SurveyJS syntax', () => {
    expect(conditionToExpression({ item: 'x_1', op: 'eq', value: 1 })).toBe('{x_1} = 1');
    expect(conditionToExpression({ item: 'x_1', op: 'ne', value: 1 })).toBe('{x_1} notempty and {x_1} <> 1');
    expect(conditionToExpression({ item: 'x_1', op: 'gte', value: 2 })).toBe('{x_1} >= 2');
    expect(conditionToExpression({ item: 'x_1', op: 'lte', value: 2 })).toBe('{x_1} <= 2');
    expect(conditionToExpression({ item: 'x_1', op: 'in', values: [1, 3] })).toBe('{x_1} anyof [1, 3]');
    expect(conditionToExpression({ all: [{ item: 'x_1', op: 'eq', value: 1 }, { any: [{ item: 'x_2', op: 'eq', value: 0 }, { item: 'x_3', op: 'ne', value: 0 }] }] }))
      .toBe('({x_1} = 1) and (({x_2} = 0) or ({x_3} notempty and {x_3} <> 0))');
  });

  it('are evaluated by survey-core exactly as the scoring core evaluates them, answered or not', () => {
    const names = ['x_1', 'x_2', 'x_3'] as const;
    const values = [-1, 0, 1, 2, 3];
    const leaf: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({ item: fc.constantFrom(...names), op: fc.constantFrom('eq' as const, 'ne' as const, 'gte' as const, 'lte' as const), value: fc.constantFrom(...values) }),
      fc.record({ item: fc.constantFrom(...names), op: fc.constant('in' as const), values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }) }),
    );
    const condition = fc.letrec<{ node: Condition }>((tie) => ({
      node: fc.oneof({ maxDepth: 3, depthIdentifier: 'condition' },
        leaf,
        fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) })),
    })).node;
    const answers = fc.record({ x_1: fc.option(fc.constantFrom(...values), { nil: undefined }), x_2: fc.option(fc.constantFrom(...values), { nil: undefined }), x_3: fc.option(fc.constantFrom(...values), { nil: undefined }) });

    fc.assert(fc.property(condition, answers, (shown, given) => {
      const model = new Model({
        elements: [
          ...names.map((name) => ({ type: 'radiogroup', name, choices: values })),
          { type: 'radiogroup', name: 'y_1', choices: [1], visibleIf: conditionToExpression(shown) },
        ],
      });
      const data = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
      model.data = data;
      const visible = model.getQuestionByName('y_1').isVisible;
      model.dispose();
      return visible === evaluateCondition(shown, data);
    }), { numRuns: 150 });
    // 150 survey-core models take ~2 s alone and over 5 s (vitest's default) on a loaded CI machine.
  }, 30_000);
});

describe('battery and layout', () => {
  it('puts a battery in order, one page per instrument, one question per screen when asked', () => {
    const defs = ['phq9', 'gad7', 'asq'].map(instrument);
    const perQuestion = batteryToSurveyJson(defs, 'zh-CN', { layout: 'question' });
    expect(perQuestion.pages.map((page) => page.name)).toEqual(['phq9', 'gad7', 'asq']);
    expect(perQuestion.questionsOnPageMode).toBe('questionPerPage');
    expect(perQuestion.locale).toBe('zh-cn');
    expect(perQuestion.pageNextText).toBe('下一题');
    // the kiosk's own counter replaces SurveyJS's, whose total changed when a conditional item appeared
    expect(perQuestion.showProgressBar).toBe(false);

    const oneQuestion = new Model(perQuestion);
    expect(oneQuestion.isSingleVisibleQuestion).toBe(true);
    expect(oneQuestion.currentSingleQuestion?.name).toBe('phq9_1');
    oneQuestion.performNext();
    expect(oneQuestion.currentSingleQuestion?.name).toBe('phq9_2');
    oneQuestion.dispose();

    const perPage = new Model(batteryToSurveyJson(defs, 'en', { layout: 'page' }));
    expect(perPage.isSingleVisibleQuestion).toBe(false);
    expect((perPage.currentPage as PageModel).visibleQuestions.map((question: Question) => question.name)).toEqual(defs[0]!.items.filter((item) => !item.showIf).map((item) => item.id));
    expect(perPage.completeText).toBe('Submit');
    perPage.dispose();
  });
});

describe('markup in a text', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const gad7 = instrument('gad7');
  const withMarkup: Instrument = {
    ...gad7,
    instructions: { 'zh-CN': `<b>${gad7.instructions['zh-CN']}</b>`, en: gad7.instructions.en },
    items: gad7.items.map((item, index) => (index === 0 ? { ...item, text: { 'zh-CN': hostile, en: `<script>alert(1)</script>${item.text.en}` } } : item)),
  };

  it('is kept as literal text in the JSON', () => {
    const json = instrumentToSurveyJson(withMarkup, 'zh-CN', { layout: 'page' });
    expect(json.pages[0]?.elements[0]?.title).toBe(hostile);
    expect(json.pages[0]?.description.startsWith(`<b>${gad7.instructions['zh-CN']}</b>`)).toBe(true);
    expect(instrumentToSurveyJson(withMarkup, 'en', { layout: 'page' }).pages[0]?.elements[0]?.title).toBe(`<script>alert(1)</script>${gad7.items[0]!.text.en}`);
  });

  it('reaches the renderer as text, not HTML, because no markdown handler is registered', () => {
    const model = new Model(instrumentToSurveyJson(withMarkup, 'zh-CN', { layout: 'page' }));
    const title = model.getQuestionByName('gad7_1').locTitle;
    expect(title.hasHtml).toBe(false);
    expect(title.renderedHtml).toBe(hostile);
    expect(model.pages[0]?.locDescription.hasHtml).toBe(false);
    model.dispose();
  });
});

describe('survey data → answers', () => {
  it('keeps integer option values and turns anything else into "unanswered"', () => {
    expect(surveyDataToAnswers({ phq9_1: 2, phq9_2: '1', phq9_3: 1.5, phq9_4: null, phq9_5: undefined, phq9_6: -1 }))
      .toEqual({ phq9_1: 2, phq9_2: null, phq9_3: null, phq9_4: null, phq9_5: null, phq9_6: -1 });
  });

  it('gives the scoring core what the student chose: the total of a completed PHQ-9 is the sum of its answers', () => {
    const phq9 = instrument('phq9');
    const model = new Model(instrumentToSurveyJson(phq9, 'zh-CN', { layout: 'page' }));
    const chosen = [1, 2, 0, 3, 1, 0, 2, 1, 0];
    chosen.forEach((value, index) => model.setValue(`phq9_${index + 1}`, value));
    expect(model.getQuestionByName('phq9_10').isVisible).toBe(true);
    model.setValue('phq9_10', 1);
    model.doComplete();
    const policy = library.policies.find((candidate) => candidate.id === 'default');
    const scored = compileBattery({ instruments: [phq9], norms: [], policy: policy! }).score({
      respondent: { id: 's', grade: 8, sex: 'female' },
      answers: surveyDataToAnswers(model.data as Record<string, unknown>),
    });
    model.dispose();
    expect(scored.ok && scored.value.instruments[0]?.scales.find((scale) => scale.id === 'total')?.raw).toBe(chosen.reduce((a, b) => a + b, 0));
  });
});
