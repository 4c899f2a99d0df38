import { Model, type ItemValue, type QuestionRadiogroupModel } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { catalogFromFiles, findInstrument, type Instrument } from '../../scoring/index.ts';
import { readLibraryFiles } from '../../src/library/disk.ts';
import { batteryToSurveyJson } from '../../src/survey/toSurveyJson.ts';
import { verbatimSurvey } from '../../src/survey/verbatimSurvey.ts';

const asq = findInstrument(catalogFromFiles(readLibraryFiles()).catalog, 'asq');
if (!asq) throw new Error('asq is not in the library');

/** The shipped ASQ with braces in the texts a student reads: an item title, a choice label, the instructions. */
const withBraces: Instrument = {
  ...asq,
  instructions: { ...asq.instructions, 'zh-CN': '说明 {asq_1} {pageno}' },
  items: asq.items.map((item, index) => index === 1 ? { ...item, text: { ...item.text, 'zh-CN': '你上一题的答案是 {asq_1}；页码 {pageno}' } } : item),
  optionSets: { ...asq.optionSets, yesno: (asq.optionSets.yesno ?? []).map((option) => ({ ...option, label: { ...option.label, 'zh-CN': `${option.label['zh-CN']} {asq_2}` } })) },
};
const json = () => batteryToSurveyJson([withBraces], 'zh-CN', { layout: 'page' });
const radio = (model: Model, name: string) => model.getQuestionByName(name) as QuestionRadiogroupModel;

describe('survey texts are shown exactly as the definition has them', () => {
  it('survey-core on its own expands placeholders (what this guards against)', () => {
    const plain = new Model(json());
    plain.data = { asq_1: 1 };
    expect(radio(plain, 'asq_2').locTitle.renderedHtml).not.toBe('你上一题的答案是 {asq_1}；页码 {pageno}');
  });

  it('keeps braces in titles, choices and descriptions, with answers given', () => {
    const survey = verbatimSurvey(json());
    survey.data = { asq_1: 1, asq_2: 0 };
    expect(radio(survey, 'asq_2').locTitle.renderedHtml).toBe('你上一题的答案是 {asq_1}；页码 {pageno}');
    expect(radio(survey, 'asq_2').processedTitle).toBe('你上一题的答案是 {asq_1}；页码 {pageno}');
    expect(radio(survey, 'asq_1').choices.map((choice: ItemValue) => choice.locText.renderedHtml)).toEqual(
      (withBraces.optionSets.yesno ?? []).map((option) => option.label['zh-CN']),
    );
    expect(survey.pages[0]?.locDescription.renderedHtml.startsWith('说明 {asq_1} {pageno}')).toBe(true);
  });

  it('still runs show-if conditions: ASQ 5 appears after a yes to 1–4 and hides again', () => {
    const survey = verbatimSurvey(json());
    expect(radio(survey, 'asq_5').isVisible).toBe(false);
    survey.setValue('asq_3', 1);
    expect(radio(survey, 'asq_5').isVisible).toBe(true);
    survey.setValue('asq_3', 0);
    expect(radio(survey, 'asq_5').isVisible).toBe(false);
  });
});
