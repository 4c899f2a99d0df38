import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { batteryToSurveyJson, conditionToExpression, instrumentToSurveyJson, surveyDataToAnswers } from '../../src/survey/toSurveyJson.ts';
import { shippedCatalog, shippedInstrument } from '../support/library.ts';

describe('instrument → SurveyJS JSON', () => {
  it.each(['zh-CN', 'en'] as const)('turns every shipped instrument into questions named by item id with its option values (%s)', (locale) => {
    for (const def of shippedCatalog().instruments) {
      const json = instrumentToSurveyJson(def, { locale, layout: 'page' });
      const questions = json.pages.flatMap((page) => page.elements);
      expect(questions.map((q) => q.name)).toEqual(def.items.map((item) => item.id));
      for (const [index, question] of questions.entries()) {
        const item = def.items[index]!;
        expect(question.title).toBe(item.text[locale]);
        expect(question.choices).toEqual((def.optionSets[item.options] ?? []).map((o) => ({ value: o.value, text: o.label[locale] })));
      }
      expect(json.pages[0]?.description).toContain(def.licence.notice[locale]);
    }
  });

  it('turns show-if conditions into expressions survey-core evaluates the same way', () => {
    const asq = shippedInstrument('asq');
    expect(conditionToExpression({ any: [{ item: 'asq_1', op: 'eq', value: 1 }, { item: 'asq_2', op: 'in', values: [1, 2] }] })).toBe('({asq_1} = 1) or ({asq_2} anyof [1, 2])');
    const model = new Model(instrumentToSurveyJson(asq, { locale: 'en', layout: 'page' }));
    const fifth = model.getQuestionByName('asq_5');
    model.data = { asq_1: 0, asq_2: 0, asq_3: 0, asq_4: 0 };
    expect(fifth.isVisible).toBe(false);
    model.setValue('asq_3', 1);
    expect(fifth.isVisible).toBe(true);
    model.setValue('asq_3', -1); // a refusal does not open item 5: only a "yes" does
    expect(fifth.isVisible).toBe(false);
    model.dispose();
  });

  it('puts the battery in order, one question per screen when asked', () => {
    const json = batteryToSurveyJson(['phq9', 'gad7', 'asq'].map(shippedInstrument), { locale: 'zh-CN', layout: 'question' });
    expect(json.pages.map((page) => page.name)).toEqual(['phq9', 'gad7', 'asq']);
    expect(json.questionsOnPageMode).toBe('questionPerPage');
    expect(json.pageNextText).toBe('下一题');
  });

  it('keeps markup in item text as literal text', () => {
    const def = shippedInstrument('gad7');
    const hostile = { ...def, items: def.items.map((item, i) => (i === 0 ? { ...item, text: { 'zh-CN': '<img src=x onerror=alert(1)>', en: '<b>bold</b>' } } : item)) };
    const json = instrumentToSurveyJson(hostile, { locale: 'zh-CN', layout: 'page' });
    expect(json.pages[0]?.elements[0]?.title).toBe('<img src=x onerror=alert(1)>');
    const model = new Model(json);
    // no markdown/HTML handler is registered, so the React renderer gets text, never HTML (see the kiosk e2e)
    expect(model.getQuestionByName('gad7_1').locTitle.hasHtml).toBe(false);
    model.dispose();
  });

  it('reads SurveyJS data back as scoring answers, dropping anything not an integer', () => {
    expect(surveyDataToAnswers({ phq9_1: 2, phq9_2: '1', other: null, phq9_3: 1.5 })).toEqual({ phq9_1: 2 });
  });
});
