import { useState } from 'react';
import type { Issue, Locale } from '../../../scoring/index.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import { deleteInstrumentDraft, nextFreeVersion, publishInstrument, withVersion, type InstrumentVersion } from '../workspace/instrumentLibrary.ts';
import { downloadDefinitionJson, downloadTemplateWorkbook } from './instrumentDownloads.ts';
import { INSTRUMENTS_TEXT } from './instrumentsText.ts';
import { IssueList } from './IssueList.tsx';

interface Props {
  readonly version: InstrumentVersion;
  /** Every version of this instrument, shipped or the school's, so "the next version" is a free one. */
  readonly taken: readonly string[];
  readonly db: TeacherDb;
  readonly locale: Locale;
  readonly onPreview: () => void;
  /** Opens the word-for-word review of this version's wording, publishing the reviewed one as `next`. */
  readonly onReview: (next: string) => void;
  readonly onChanged: (message: string) => void;
}

/** One version of an instrument: its status and facts, and what can be done with it. */
export function InstrumentVersionRow({ version, taken, db, locale, onPreview, onReview, onChanged }: Props) {
  const t = INSTRUMENTS_TEXT[locale];
  const { def, status, key } = version;
  const [confirming, setConfirming] = useState(false);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const label = `${def.abbreviation} ${def.version}`;
  const next = nextFreeVersion(def.version, taken);

  const publish = async () => {
    if (!key) return;
    const done = await publishInstrument(db, key, new Date().toISOString());
    setConfirming(false);
    if (done.ok) onChanged(t.published(def.abbreviation, def.version));
    else setIssues(done.issues);
  };
  const remove = async () => {
    if (!key) return;
    const done = await deleteInstrumentDraft(db, key);
    if (done.ok) onChanged(t.deleted(def.abbreviation, def.version));
    else setIssues(done.issues);
  };

  return (
    <tr data-version={def.version} data-status={status}>
      <th scope="row">{def.version}</th>
      <td><span className={`badge status-${status}`}>{t.statusNames[status]}</span></td>
      <td>{def.wordingVerified ? t.wordingVerified : <span className="warning-cell" title={def.wordingNotes}>{t.wordingUnverified}</span>}</td>
      <td>{t.grades(def.grades.min, def.grades.max)}</td>
      <td>{t.items(def.items.length)}</td>
      <td>{version.updated ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(version.updated)) : '—'}</td>
      <td>
        <div className="toolbar">
          <button type="button" aria-label={`${t.preview} ${label}`} onClick={onPreview}>{t.preview}</button>
          {status !== 'draft' && !def.wordingVerified && <button type="button" aria-label={`${t.reviewButton} ${label}`} onClick={() => onReview(next)}>{t.reviewButton}</button>}
          {status === 'draft' && !confirming && <button type="button" className="primary" aria-label={`${t.publish} ${label}`} onClick={() => setConfirming(true)}>{t.publish}</button>}
          {status === 'draft' && <button type="button" aria-label={`${t.downloadExcel} ${label}`} onClick={() => void downloadTemplateWorkbook(locale, def)}>{t.downloadExcel}</button>}
          {status === 'draft' && <button type="button" aria-label={`${t.deleteDraft} ${label}`} onClick={() => void remove()}>{t.deleteDraft}</button>}
          {status !== 'draft' && <button type="button" onClick={() => void downloadTemplateWorkbook(locale, withVersion(def, next))}>{t.editAsNext(next)}</button>}
          <button type="button" aria-label={`${t.downloadJson} ${label}`} onClick={() => downloadDefinitionJson(def)}>{t.downloadJson}</button>
        </div>
        {confirming && (
          <div className="warning" role="alertdialog" aria-label={t.publish}>
            <p>{t.confirmPublish(def.abbreviation, def.version)}</p>
            <div className="toolbar">
              <button type="button" className="primary" onClick={() => void publish()}>{t.confirm}</button>
              <button type="button" onClick={() => setConfirming(false)}>{t.cancel}</button>
            </div>
          </div>
        )}
        <IssueList issues={issues} locale={locale} />
      </td>
    </tr>
  );
}
