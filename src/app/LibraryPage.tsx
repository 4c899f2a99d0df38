import { useEffect } from 'react';
import type { Instrument, Locale } from '../../scoring/index.ts';
import { bundledCatalog, bundledProblems } from '../library/bundled.ts';
import { previewButtonId } from './focusTargets.ts';
import type { AppText } from './i18n.ts';
import { InstrumentCard } from './InstrumentCard.tsx';
import { LibraryProblems } from './LibraryProblems.tsx';

interface Props {
  readonly locale: Locale;
  readonly text: AppText;
  readonly onPreview: (def: Instrument) => void;
  /** The instrument whose preview was just closed: its button gets focus back, so a keyboard user keeps their place. */
  readonly returnedFrom?: { id: string; version: string } | undefined;
}

export function LibraryPage({ locale, text, onPreview, returnedFrom }: Props) {
  useEffect(() => {
    if (returnedFrom) document.getElementById(previewButtonId(returnedFrom))?.focus();
  }, [returnedFrom]);
  return (
    <>
      <section className="cta">
        <a className="button" href="kiosk.html">{text.tryKiosk}</a>
        <span className="muted">{text.tryKioskHint}</span>
        <a className="button" href="teacher.html">{text.openWorkspace}</a>
      </section>
      <LibraryProblems problems={bundledProblems} title={text.problems} locale={locale} />
      <div className="section-head">
        <h2>{text.library}</h2>
        <span className="muted">{text.libraryCount(bundledCatalog.instruments.length)}</span>
      </div>
      {bundledCatalog.instruments.map((def) => (
        <InstrumentCard key={`${def.id}@${def.version}`} def={def} locale={locale} text={text}
          onPreview={() => onPreview(def)} />
      ))}
    </>
  );
}
