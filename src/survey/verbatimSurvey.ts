import { Model } from 'survey-core';
import type { SurveyJson } from './toSurveyJson.ts';

/** The two SurveyModel methods through which every title, description and choice text is expanded. */
interface TextExpansion {
  processText(text: string): string;
  processTextEx(params: { text: string }): { text: string; hasAllValuesOnLastRun: boolean };
}

/**
 * A SurveyJS model that shows every text exactly as the instrument definition has it. survey-core
 * expands `{name}` placeholders in titles, descriptions and choices (`{pageno}`, any item's answer), so
 * a licensed item with braces would read differently from its hashed definition, and a choice that
 * names its own question recurses until the stack overflows. Our texts are never templates, so the
 * model's text expansion is switched off; expressions (show-if conditions) do not go through it.
 */
export function verbatimSurvey(json: SurveyJson): Model {
  const survey = new Model(json);
  const expansion = survey as unknown as TextExpansion;
  expansion.processText = (text) => text;
  expansion.processTextEx = (params) => ({ text: params.text, hasAllValuesOnLastRun: true });
  return survey;
}
