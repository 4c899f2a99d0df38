import { useEffect, useMemo, useState, type DragEvent } from 'react';
import type { ImportLogRow } from '../../store/teacherDb.ts';
import { gradesScreened, summarize } from '../workspace/summary.ts';
import { importBatchFiles, type BatchFileReport } from '../workspace/workspace.ts';
import { readFileBytes } from './download.ts';
import { IssueList } from './IssueList.tsx';
import { DUPLICATE_TEXT } from './monitor/duplicateText.ts';
import { ImportDuplicates } from './monitor/DuplicateNotices.tsx';
import { screeningsIn } from './screenings.ts';
import { usePartial } from './usePartial.ts';
import { usePlanGrades } from './usePlanGrades.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** Import lab machines' batch files (many at once, drag and drop) and see who is still to come. */
export function CollectPage() {
  const view = useWorkspaceView();
  const { records, text, locale, workspace } = view;
  const [reports, setReports] = useState<readonly BatchFileReport[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [log, setLog] = useState<readonly ImportLogRow[]>([]);
  useEffect(() => { void workspace.db.imports.orderBy('at').reverse().limit(50).toArray().then(setLog); }, [workspace, reports]);
  const plan = useMemo(() => screeningsIn(records)[0], [records]);
  const planGrades = usePlanGrades(workspace.db, plan);
  const partial = usePartial(workspace, plan, records);
  const summary = useMemo(() => (plan ? summarize(records, plan, planGrades ?? gradesScreened(records, plan), partial) : undefined), [records, plan, planGrades, partial]);

  const importFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await readFileBytes(file) })));
    const done = await importBatchFiles(workspace, read, view.changeContext());
    setBusy(false);
    setReports(done);
    view.refresh();
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void importFiles([...event.dataTransfer.files]);
  };

  return (
    <section>
      <h2>{text.collectTitle}</h2>
      <p className="muted">{text.collectIntro}</p>
      <div className={`drop-zone${over ? ' over' : ''}`} onDragOver={(event) => { event.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
        <p>{text.dropHere}</p>
        <label className="button">{text.chooseBatches}
          <input className="visually-hidden" type="file" multiple accept=".psybatch,.psysealed,application/zip" onChange={(event) => void importFiles([...(event.target.files ?? [])])} />
        </label>
        {busy && <p role="status">{text.importing}</p>}
      </div>
      {reports.length > 0 && (
        <table className="data import-report">
          <thead>
            <tr><th scope="col" /><th scope="col">{text.reportNew}</th><th scope="col">{text.reportDuplicate}</th><th scope="col">{text.reportOtherKey}</th><th scope="col">{text.reportDamaged}</th><th scope="col">{text.reportUnmatched}</th><th scope="col">{DUPLICATE_TEXT[locale].reportColumn}</th><th scope="col">{text.receipt}</th></tr>
          </thead>
          <tbody>
            {reports.map((report, index) => report.outcome.ok ? (
              <tr key={index}>
                <th scope="row">{report.file}</th>
                <td>{report.outcome.value.new}</td><td>{report.outcome.value.duplicate}</td><td>{report.outcome.value.forOtherKey}</td>
                <td className={report.outcome.value.damaged > 0 ? 'warning-cell' : undefined}>{report.outcome.value.damaged}</td>
                <td>{report.outcome.value.filed.unmatched.length}</td>
                <td className={report.outcome.value.filed.possibleDuplicates.length > 0 ? 'warning-cell' : undefined}>{report.outcome.value.filed.possibleDuplicates.length}</td>
                <td>{report.outcome.value.receipt ? <code className="receipt">{report.outcome.value.receipt}</code> : text.none}</td>
              </tr>
            ) : (
              <tr key={index}>
                <th scope="row">{report.file}</th>
                <td colSpan={7}><span className="warning">{text.fileRejected}</span><IssueList issues={report.outcome.issues} locale={locale} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportDuplicates duplicates={reports.flatMap((report) => (report.outcome.ok ? report.outcome.value.filed.possibleDuplicates : []))} />
      {summary && plan && (
        <>
          <h3>{text.completionTitle} <span className="muted">{plan}</span></h3>
          <table className="data">
            <thead><tr><th scope="col">{text.className}</th><th scope="col">{text.roster}</th><th scope="col">{text.completed}</th><th scope="col">{text.declined}</th><th scope="col">{text.partial}</th><th scope="col">{text.absent}</th></tr></thead>
            <tbody>
              {summary.classes.map((group) => (
                <tr key={`${group.grade ?? 0}-${group.className ?? ''}`}>
                  <th scope="row">{group.className}</th><td>{group.roster}</td><td>{group.completed}</td><td>{group.declined}</td>
                  <td className={group.partial > 0 ? 'warning-cell' : undefined}>{group.partial}</td>
                  <td className={group.absent > 0 ? 'warning-cell' : undefined}>{group.absent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {log.length > 0 && (
        <details>
          <summary>{text.importLog}</summary>
          <ul>{log.map((row) => <li key={row.id}>{row.at.slice(0, 16).replace('T', ' ')} · {row.file} · {row.machine} · +{row.counts.new} / ={row.counts.duplicate} / ⚠{row.counts.damaged}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
