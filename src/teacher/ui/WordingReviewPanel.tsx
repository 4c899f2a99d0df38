import { useEffect, useRef, useState } from 'react';
import type { Issue, Locale, ReviewFinding } from '../../../scoring/index.ts';
import { bundledCatalog } from '../../library/bundled.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import type { InstrumentVersion } from '../workspace/instrumentLibrary.ts';
import { localDay } from '../workspace/localDay.ts';
import { publishReview, reviewTexts, type ReviewDecision } from '../workspace/wordingReview.ts';
import { INSTRUMENTS_TEXT } from './instrumentsText.ts';
import { IssueList } from './IssueList.tsx';

interface Props {
  readonly version: InstrumentVersion;
  /** The version the reviewed wording is published as. */
  readonly next: string;
  readonly db: TeacherDb;
  readonly locale: Locale;
  readonly onDone: (message: string) => void;
  readonly onClose: () => void;
}

/**
 * The psychology teacher, holding the publisher's text, goes through every text a student reads:
 * current wording beside the English and the file's own notes on where the wording came from, marks
 * each as matching or corrected (typing the publisher's wording), and publishes the school's version.
 */
export function WordingReviewPanel({ version, next, db, locale, onDone, onClose }: Props) {
  const t = INSTRUMENTS_TEXT[locale];
  const { def } = version;
  const texts = reviewTexts(def);
  const heading = useRef<HTMLHeadingElement>(null);
  const [reviewer, setReviewer] = useState('');
  const [source, setSource] = useState('');
  const [date, setDate] = useState(() => localDay(new Date().toISOString()));
  const [decisions, setDecisions] = useState<Record<string, ReviewDecision>>({});
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => { heading.current?.focus(); }, []);

  const decide = (key: string, finding: ReviewFinding, corrected?: string) =>
    setDecisions((current) => ({ ...current, [key]: finding === 'corrected' ? { finding, corrected: corrected ?? current[key]?.corrected ?? '' } : { finding } }));
  const decided = texts.filter((text) => decisions[text.key] !== undefined).length;

  const publish = async () => {
    setBusy(true);
    try {
      const done = await publishReview(db, bundledCatalog, def, { reviewer, date, source, version: next, decisions }, new Date().toISOString());
      if (!done.ok) setIssues(done.issues);
      else onDone(t.reviewPublished(def.abbreviation, next));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel wording-review" aria-labelledby="wording-review-title" data-instrument={def.id}>
      <div className="page-head">
        <h3 id="wording-review-title" ref={heading} tabIndex={-1}>{t.reviewTitle(def.abbreviation, def.version)}</h3>
        <button type="button" onClick={onClose}>{t.cancel}</button>
      </div>
      <p className="muted">{t.reviewIntro(next)}</p>
      {def.wordingNotes && <details><summary>{t.reviewNotes}</summary><p className="review-notes">{def.wordingNotes}</p></details>}
      <div className="wording-fields">
        <label>{t.reviewer}<input value={reviewer} onChange={(event) => setReviewer(event.currentTarget.value)} /></label>
        <label>{t.reviewDate}<input type="date" value={date} onChange={(event) => setDate(event.currentTarget.value)} /></label>
        <label className="wide">{t.reviewSource}<input value={source} placeholder={t.reviewSourceHint} onChange={(event) => setSource(event.currentTarget.value)} /></label>
      </div>
      <table className="data review-table">
        <thead><tr><th scope="col">{t.reviewWhat}</th><th scope="col">{t.reviewCurrent}</th><th scope="col">English</th><th scope="col">{t.reviewFinding}</th></tr></thead>
        <tbody>
          {texts.map(({ key, text }) => {
            const decision = decisions[key];
            return (
              <tr key={key} data-key={key}>
                <th scope="row">{t.reviewKey(key)}</th>
                <td lang="zh-CN">{text['zh-CN']}</td>
                <td lang="en" className="muted">{text.en}</td>
                <td>
                  <label><input type="radio" name={`review-${key}`} checked={decision?.finding === 'matching'} onChange={() => decide(key, 'matching')} /> {t.reviewMatching}</label>{' '}
                  <label><input type="radio" name={`review-${key}`} checked={decision?.finding === 'corrected'} onChange={() => decide(key, 'corrected')} /> {t.reviewCorrected}</label>
                  {decision?.finding === 'corrected' && (
                    <textarea aria-label={`${t.reviewCorrectedText} ${t.reviewKey(key)}`} lang="zh-CN" rows={2} value={decision.corrected ?? ''}
                      onChange={(event) => decide(key, 'corrected', event.currentTarget.value)} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted" role="status">{t.reviewProgress(decided, texts.length)}</p>
      <IssueList issues={issues} locale={locale} />
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy || decided < texts.length} onClick={() => void publish()}>{t.reviewPublish(next)}</button>
      </div>
    </section>
  );
}
