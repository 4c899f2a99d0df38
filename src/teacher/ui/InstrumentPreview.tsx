import { useCallback, useEffect, useRef, useState } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import { PreviewSurvey } from '../../app/PreviewSurvey.tsx';
import type { InstrumentVersion } from '../workspace/instrumentLibrary.ts';
import { INSTRUMENTS_TEXT } from './instrumentsText.ts';

interface Props {
  readonly version: InstrumentVersion;
  readonly locale: Locale;
  readonly onClose: () => void;
}

/** An instrument (any version, drafts included) in SurveyJS, through the adapter the kiosk uses; nothing is kept. */
export function InstrumentPreview({ version, locale, onClose }: Props) {
  const t = INSTRUMENTS_TEXT[locale];
  const { def } = version;
  const heading = useRef<HTMLHeadingElement>(null);
  const [finished, setFinished] = useState(false);
  // A new round is a fresh survey with no answers.
  const [round, setRound] = useState(0);
  const onComplete = useCallback(() => setFinished(true), []);

  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [version]);

  return (
    <section className="panel instrument-preview" aria-labelledby="instrument-preview-title" data-instrument={def.id} data-version={def.version}>
      <div className="page-head">
        <h3 id="instrument-preview-title" ref={heading} tabIndex={-1}>{t.previewTitle(def.abbreviation, def.version)} · {t.statusNames[version.status]}</h3>
        <button type="button" onClick={onClose}>{t.closePreview}</button>
      </div>
      <p className="muted">{t.previewHint}</p>
      {finished ? (
        <p role="status">
          {t.previewDone}{' '}
          <button type="button" onClick={() => { setFinished(false); setRound((n) => n + 1); }}>{t.previewAgain}</button>
        </p>
      ) : (
        <PreviewSurvey key={`${version.ref}:${round}`} def={def} locale={locale} layout="page" onComplete={onComplete} />
      )}
    </section>
  );
}
