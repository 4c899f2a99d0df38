import type { Locale } from '../../../scoring/index.ts';
import { describeIssue } from '../../issueMessages.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import type { InstrumentEntry, InstrumentVersion } from '../workspace/instrumentLibrary.ts';
import { InstrumentVersionRow } from './InstrumentVersionRow.tsx';
import { INSTRUMENTS_TEXT } from './instrumentsText.ts';

interface Props {
  readonly library: { entries: readonly InstrumentEntry[]; problems: readonly { key: string; codes: string[] }[] };
  readonly db: TeacherDb;
  readonly locale: Locale;
  readonly onPreview: (version: InstrumentVersion) => void;
  readonly onReview: (version: InstrumentVersion, next: string) => void;
  readonly onChanged: (message: string) => void;
}

/** Every instrument id with its versions (newest first), its source and licence. */
export function InstrumentLibraryList({ library, db, locale, onPreview, onReview, onChanged }: Props) {
  const t = INSTRUMENTS_TEXT[locale];
  return (
    <>
      <h3>{t.libraryTitle}</h3>
      {library.entries.some((entry) => entry.versions.some((version) => !version.def.wordingVerified)) && (
        <details className="unverified-meaning">
          <summary>{t.unverifiedQuestion}</summary>
          <p>{t.unverifiedMeaning}</p>
        </details>
      )}
      {library.problems.length > 0 && (
        <div className="warning">
          <p>{t.problemsTitle}</p>
          <ul>{library.problems.map((problem) => <li key={problem.key}><code>{problem.key}</code>: {problem.codes.map((code) => describeIssue({ code, path: [] }, locale)).join(' ')}</li>)}</ul>
        </div>
      )}
      {library.entries.map((entry) => {
        const newest = entry.versions[0];
        if (!newest) return null;
        const def = newest.def;
        const headingId = `instrument-${entry.id}`;
        const taken = entry.versions.map((version) => version.def.version);
        return (
          <article key={entry.id} className="panel instrument-entry" data-instrument={entry.id} aria-labelledby={headingId}>
            <h4 id={headingId}><span className="abbreviation">{def.abbreviation}</span> {def.name[locale]}</h4>
            <table className="data">
              <caption className="visually-hidden">{t.versions}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.version}</th><th scope="col">{t.status}</th><th scope="col">{t.wording}</th>
                  <th scope="col">{t.gradesHead}</th><th scope="col">{t.itemsHead}</th><th scope="col">{t.updated}</th><th scope="col">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {entry.versions.map((version) => (
                  <InstrumentVersionRow key={`${version.status}:${version.def.version}`} version={version} taken={taken} db={db} locale={locale}
                    onPreview={() => onPreview(version)} onReview={(next) => onReview(version, next)} onChanged={onChanged} />
                ))}
              </tbody>
            </table>
            <dl className="facts">
              <dt>{t.identifier}</dt><dd><code>{newest.ref}</code></dd>
              <dt>{t.source}</dt><dd>{def.source.citation}{def.source.url ? <> · <span>{def.source.url}</span></> : null}</dd>
              {def.source.translation ? <><dt>{t.translation}</dt><dd>{def.source.translation}</dd></> : null}
              <dt>{t.licence}</dt><dd>{def.licence.terms}</dd>
              <dt>{t.notice}</dt><dd>{def.licence.notice[locale]}</dd>
            </dl>
          </article>
        );
      })}
    </>
  );
}
