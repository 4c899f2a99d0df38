import { useMemo, useState } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { compileBattery, normsFor, type BatteryResult, type Instrument, type Locale } from '../../scoring/index.ts';
import { bundledCatalog } from '../library/bundled.ts';
import { instrumentToSurveyJson, surveyDataToAnswers } from '../survey/toSurveyJson.ts';
import { PreviewResult } from './PreviewResult.tsx';
import type { AppText } from './text.ts';

const previewStudent = { id: 'preview', grade: 8, sex: 'female' } as const;

/** An instrument rendered by SurveyJS from its definition, scored by the core when completed. */
export function InstrumentPreview({ def, locale, text }: { def: Instrument; locale: Locale; text: AppText }) {
  const [result, setResult] = useState<BatteryResult>();
  const [round, setRound] = useState(0);
  const model = useMemo(() => {
    const survey = new Model(instrumentToSurveyJson(def, { locale, layout: 'page' }));
    const policy = bundledCatalog.policies.find((candidate) => candidate.id === 'default');
    survey.onComplete.add((sender) => {
      if (!policy) return;
      const engine = compileBattery({ instruments: [def], norms: normsFor(bundledCatalog, def), policy });
      const scored = engine.score({ respondent: { ...previewStudent, grade: Math.max(def.grades.min, Math.min(8, def.grades.max)) }, answers: surveyDataToAnswers(sender.data as Record<string, unknown>) });
      if (scored.ok) setResult(scored.value);
    });
    return survey;
    // `round` restarts the preview.
  }, [def, locale, round]);
  if (result) {
    return (
      <>
        <PreviewResult result={result} text={text} />
        <button type="button" onClick={() => { setResult(undefined); setRound((n) => n + 1); }}>{text.again}</button>
      </>
    );
  }
  return <Survey model={model} />;
}
