import { useEffect, useMemo, useRef } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { Instrument, Locale } from '../../scoring/index.ts';
import { instrumentToSurveyJson, surveyDataToAnswers, type SurveyLayout } from '../survey/toSurveyJson.ts';
import { verbatimSurvey } from '../survey/verbatimSurvey.ts';

interface Props {
  readonly def: Instrument;
  readonly locale: Locale;
  readonly layout: SurveyLayout;
  readonly onComplete: (answers: Record<string, number | null>) => void;
}

/** The instrument in SurveyJS, built by the same adapter the student kiosk uses. */
export function PreviewSurvey({ def, locale, layout, onComplete }: Props) {
  // Switching language or layout builds a new model; the answers given so far carry over to it.
  const answersSoFar = useRef<Record<string, unknown>>({});
  const model = useMemo(() => {
    const survey = verbatimSurvey(instrumentToSurveyJson(def, locale, { layout }));
    survey.data = answersSoFar.current;
    return survey;
  }, [def, locale, layout]);

  useEffect(() => {
    const keep = (sender: Model) => { answersSoFar.current = { ...(sender.data as Record<string, unknown>) }; };
    const done = (sender: Model) => onComplete(surveyDataToAnswers(sender.data as Record<string, unknown>));
    model.onValueChanged.add(keep);
    model.onComplete.add(done);
    return () => {
      model.onValueChanged.remove(keep);
      model.onComplete.remove(done);
    };
  }, [model, onComplete]);

  return <Survey model={model} />;
}
