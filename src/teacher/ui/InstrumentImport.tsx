import { useId, useState } from 'react';
import type { Instrument, Issue, Locale, Outcome } from '../../../scoring/index.ts';
import { bundledCatalog } from '../../library/bundled.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import { importInstrumentFile, saveInstrumentDraft, withVersion, type SaveDraftResult } from '../workspace/instrumentLibrary.ts';
import { importVectors, looksLikeVectors } from '../workspace/vectorsImport.ts';
import { decodeText } from '../roster/decodeText.ts';
import { readFileBytes } from './download.ts';
import { downloadTemplateCsv, downloadTemplateWorkbook } from './instrumentDownloads.ts';
import { InstrumentIssueList } from './InstrumentIssueList.tsx';
import { INSTRUMENTS_TEXT } from './instrumentsText.ts';
import { IssueList } from './IssueList.tsx';

interface Props {
  readonly db: TeacherDb;
  readonly locale: Locale;
  readonly onSaved: (message: string) => void;
}

type Problem =
  | { readonly kind: 'read'; readonly format: 'json' | 'template'; readonly issues: readonly Issue[] }
  | { readonly kind: 'save'; readonly issues: readonly Issue[]; readonly def: Instrument; readonly next?: string };

const PHQ9 = bundledCatalog.instruments.find((def) => def.id === 'phq9');

/** Import a JSON definition or a filled template as a draft; template downloads sit beside it. */
export function InstrumentImport({ db, locale, onSaved }: Props) {
  const t = INSTRUMENTS_TEXT[locale];
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const report = (def: Instrument, saved: Outcome<SaveDraftResult>) => {
    if (!saved.ok) {
      const next = saved.issues.map((found) => found.params?.next).find((value) => typeof value === 'string');
      setProblem({ kind: 'save', issues: saved.issues, def, ...(next ? { next } : {}) });
      return;
    }
    setProblem(undefined);
    const name = def.abbreviation;
    if (saved.value.kind === 'already-published') onSaved(t.alreadyPublished(name, def.version));
    else if (saved.value.kind === 'already-shipped') onSaved(t.alreadyShipped(name, def.version));
    else onSaved(saved.value.replaced ? t.replacedDraft(name, def.version) : t.savedDraft(name, def.version));
  };

  const saveAs = async (def: Instrument, version: string) => {
    const renamed = withVersion(def, version);
    report(renamed, await saveInstrumentDraft(db, bundledCatalog, renamed, new Date().toISOString()));
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const bytes = await readFileBytes(file);
      const text = decodeText(bytes).text;
      if (looksLikeVectors(text)) {
        const vectors = await importVectors(db, bundledCatalog, text, new Date().toISOString());
        if (!vectors.ok) setProblem({ kind: 'read', format: 'json', issues: vectors.issues });
        else onSaved(t.vectorsSaved(vectors.value.vectors.id, vectors.value.vectors.version, vectors.value.vectors.cases.length));
        return;
      }
      const done = await importInstrumentFile(db, bundledCatalog, bytes, new Date().toISOString());
      if (!done.read.ok) setProblem({ kind: 'read', format: done.format, issues: done.read.issues });
      else if (done.saved) report(done.read.value, done.saved);
    } finally {
      setBusy(false);
      // The same file can be chosen again after it is corrected.
      input.value = '';
    }
  };

  return (
    <div className="panel">
      <h3>{t.importTitle}</h3>
      <p className="muted">{t.importIntro}</p>
      <label htmlFor={inputId} className="file-pick">{t.chooseFile}</label>{' '}
      <input id={inputId} type="file" disabled={busy}
        accept=".json,.xlsx,.csv,.txt,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(event) => void choose(event.currentTarget)} />
      {busy && <p className="muted" role="status">{t.reading}</p>}
      {problem?.kind === 'read' && (
        <>
          <p className="warning">{t.importFailed}</p>
          {problem.format === 'json'
            ? <IssueList issues={problem.issues} locale={locale} withPath />
            : <InstrumentIssueList issues={problem.issues} locale={locale} format="template" />}
        </>
      )}
      {problem?.kind === 'save' && (
        <>
          <IssueList issues={problem.issues} locale={locale} />
          {problem.next && (
            <button type="button" className="primary" onClick={() => void saveAs(problem.def, problem.next ?? problem.def.version)}>
              {t.saveAsNext(problem.next)}
            </button>
          )}
        </>
      )}
      <h4>{t.templateTitle}</h4>
      <p className="muted">{t.templateIntro}</p>
      <div className="toolbar">
        <button type="button" onClick={() => void downloadTemplateWorkbook(locale)}>{t.downloadTemplate}</button>
        <button type="button" onClick={() => downloadTemplateCsv(locale)}>{t.downloadCsvTemplate}</button>
        {PHQ9 && <button type="button" onClick={() => void downloadTemplateWorkbook(locale, PHQ9, `${locale === 'zh-CN' ? '量表模板示例' : 'instrument-template-example'}-phq9.xlsx`)}>{t.downloadExample}</button>}
      </div>
    </div>
  );
}
