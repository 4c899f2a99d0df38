import type { Instrument, Locale } from '../../scoring/index.ts';
import type { AppText } from './i18n.ts';
import { previewButtonId } from './focusTargets.ts';
import { InstrumentFacts } from './InstrumentFacts.tsx';

/** One instrument as a teacher needs to judge it: what it is, who it is for, where it comes from, its terms. */
export function InstrumentCard({ def, locale, text, onPreview }: { def: Instrument; locale: Locale; text: AppText; onPreview: () => void }) {
  return (
    <article className="instrument" data-instrument={def.id} data-version={def.version} aria-labelledby={`title-${def.id}-${def.version}`}>
      <div className="instrument-head">
        <h3 id={`title-${def.id}-${def.version}`}>
          <span className="abbreviation">{def.abbreviation}</span> <span className="name">{def.name[locale]}</span>
        </h3>
        <button type="button" className="primary" id={previewButtonId(def)} aria-label={`${text.preview} ${def.abbreviation}`} onClick={onPreview}>
          {text.preview}
        </button>
      </div>
      <InstrumentFacts def={def} text={text} />
      <dl className="facts">
        <dt>{text.source}</dt>
        <dd>{def.source.citation}</dd>
        {def.source.translation ? <><dt>{text.translation}</dt><dd>{def.source.translation}</dd></> : null}
        <dt>{text.licence}</dt>
        <dd>{def.licence.notice[locale]}</dd>
      </dl>
    </article>
  );
}
