import { useState } from 'react';
import { formatIssueWithPath, refOf, type Instrument, type Locale } from '../../scoring/index.ts';
import { bundledCatalog, bundledProblems } from '../library/bundled.ts';
import { InstrumentPreview } from './InstrumentPreview.tsx';
import type { AppText } from './text.ts';

function InstrumentCard({ def, locale, text, open, onToggle }: { def: Instrument; locale: Locale; text: AppText; open: boolean; onToggle: () => void }) {
  const ref = refOf(def);
  return (
    <article className="instrument" data-instrument={def.id}>
      <header>
        <h2>{def.abbreviation} <span className="name">{def.name[locale]}</span></h2>
        <p className="meta">
          <code title={ref}>{`${def.id}@${def.version}#${ref.split('#')[1]?.slice(0, 10) ?? ''}…`}</code>
          {' · '}{text.grades(def.grades.min, def.grades.max)}{' · '}{text.ages(def.ages.min, def.ages.max)}{' · '}{text.items(def.items.length)}
          {def.wordingVerified ? null : <span className="badge" title={text.unverifiedHint}>{text.unverified}</span>}
        </p>
      </header>
      <p className="small"><strong>{text.source}:</strong> {def.source.citation}</p>
      <p className="small"><strong>{text.licence}:</strong> {def.licence.notice[locale]}</p>
      <button type="button" onClick={onToggle} aria-expanded={open}>{open ? text.closePreview : text.preview}</button>
      {open ? <div className="preview"><InstrumentPreview def={def} locale={locale} text={text} /></div> : null}
    </article>
  );
}

export function LibraryPage({ locale, text }: { locale: Locale; text: AppText }) {
  const [open, setOpen] = useState<string>();
  return (
    <>
      {bundledProblems.length > 0 ? (
        <div className="issues" role="alert">
          <p>{text.problems}</p>
          <ul>{bundledProblems.flatMap((problem) => problem.issues.map((found, i) => <li key={`${problem.path}${i}`}>{problem.path}: {formatIssueWithPath(found, locale)}</li>))}</ul>
        </div>
      ) : null}
      <h2 className="section">{text.library}</h2>
      {bundledCatalog.instruments.map((def) => (
        <InstrumentCard key={refOf(def)} def={def} locale={locale} text={text} open={open === def.id} onToggle={() => setOpen(open === def.id ? undefined : def.id)} />
      ))}
    </>
  );
}
