import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Answers, Instrument, Locale } from '../../scoring/index.ts';
import { bundledCatalog } from '../library/bundled.ts';
import { PREVIEW_HEADING_ID } from './focusTargets.ts';
import { InstrumentFacts } from './InstrumentFacts.tsx';
import type { AppText } from './i18n.ts';
import { PreviewResult } from './PreviewResult.tsx';
import { PreviewSettings, type PreviewChoices } from './PreviewSettings.tsx';
import { PreviewSurvey } from './PreviewSurvey.tsx';
import { previewRespondent, scorePreview } from './scorePreview.ts';

interface Props {
  readonly id: string;
  readonly version: string;
  readonly locale: Locale;
  readonly text: AppText;
  readonly onBack: () => void;
}

/** Grade 8 when the instrument allows it: the middle of the junior-high years most screenings cover. */
const TYPICAL_GRADE = 8;

const initialChoices = (def: Instrument | undefined): PreviewChoices => ({
  grade: def ? previewRespondent(def, TYPICAL_GRADE, 'female').grade : TYPICAL_GRADE,
  sex: 'female',
  layout: 'page',
});

/** One instrument as students will see it, then its score under the library's default policy and norms. */
export function PreviewPage({ id, version, locale, text, onBack }: Props) {
  const def = bundledCatalog.instruments.find((candidate) => candidate.id === id && candidate.version === version);
  const [choices, setChoices] = useState(() => initialChoices(def));
  const [answers, setAnswers] = useState<Answers>();
  // A new round is a fresh survey with no answers.
  const [round, setRound] = useState(0);

  useEffect(() => {
    window.scrollTo(0, 0);
    document.getElementById(PREVIEW_HEADING_ID)?.focus();
  }, []);

  // Re-scored when the preview student's grade or sex changes, so a teacher can see how norms respond.
  const score = useMemo(
    () => (def && answers ? scorePreview(bundledCatalog, def, previewRespondent(def, choices.grade, choices.sex), answers) : undefined),
    [def, answers, choices.grade, choices.sex],
  );
  const onComplete = useCallback((given: Answers) => setAnswers(given), []);

  if (!def) {
    return (
      <section className="preview-page">
        <button type="button" className="link" onClick={onBack}>← {text.back}</button>
        <h2 id={PREVIEW_HEADING_ID} tabIndex={-1}>{text.notFound}</h2>
        <p><code>{id}@{version}</code></p>
      </section>
    );
  }

  return (
    <section className="preview-page" data-instrument={def.id}>
      <button type="button" className="link" onClick={onBack}>← {text.back}</button>
      <div className="preview-head">
        <h2 id={PREVIEW_HEADING_ID} tabIndex={-1}>
          <span className="abbreviation">{def.abbreviation}</span> <span className="name">{def.name[locale]}</span>
        </h2>
        <InstrumentFacts def={def} text={text} />
        <p className="muted">{text.previewIntro}</p>
        <PreviewSettings def={def} value={choices} onChange={setChoices} finished={answers !== undefined} text={text} />
      </div>
      {score
        ? (
          <>
            <PreviewResult score={score} def={def} catalog={bundledCatalog} locale={locale} text={text} />
            <button type="button" onClick={() => { setAnswers(undefined); setRound((n) => n + 1); }}>{text.again}</button>
          </>
        )
        : <div className="survey-frame"><PreviewSurvey key={round} def={def} locale={locale} layout={choices.layout} onComplete={onComplete} /></div>}
    </section>
  );
}
