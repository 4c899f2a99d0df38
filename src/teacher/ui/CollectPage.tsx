import { useEffect, useMemo, useState, type DragEvent } from 'react';
import type { ImportLogRow } from '../../store/teacherDb.ts';
import { gradesScreened, summarize } from '../workspace/summary.ts';
import { succeed } from '../../../scoring/index.ts';
import { importBatchFiles } from '../workspace/workspace.ts';
import { readFileBytes } from './download.ts';
import { ImportReport } from './ImportReport.tsx';
import { IssueList } from './IssueList.tsx';
import { ImportDuplicates } from './monitor/DuplicateNotices.tsx';
import { screeningsIn } from './screenings.ts';
import { usePartial } from './usePartial.ts';
import { useImportRun } from './useImportRun.ts';
import { usePlanGrades } from './usePlanGrades.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** Import lab machines' batch files (many at once, drag and drop) and see who is still to come. */
export function CollectPage() {
  const view = useWorkspaceView();
  const { records, text, locale, workspace } = view;
  const importRun = useImportRun();
  const [over, setOver] = useState(false);
  const [log, setLog] = useState<readonly ImportLogRow[]>([]);
  useEffect(() => { void workspace.db.imports.orderBy('at').reverse().limit(50).toArray().then(setLog); }, [workspace, importRun.reports]);
  const plan = useMemo(() => screeningsIn(records)[0], [records]);
  const planGrades = usePlanGrades(workspace.db, plan);
  const partial = usePartial(workspace, plan, records);
  const summary = useMemo(() => (plan ? summarize(records, plan, planGrades ?? gradesScreened(records, plan), partial) : undefined), [records, plan, planGrades, partial]);

  const importFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    await importRun.run(async () => {
      const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await readFileBytes(file) })));
      return succeed(await importBatchFiles(workspace, read, view.changeContext()));
    });
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
        {importRun.busy && <p role="status">{text.importing}</p>}
      </div>
      <IssueList issues={importRun.issues} locale={locale} />
      <ImportReport reports={importRun.reports} text={text} locale={locale} />
      <ImportDuplicates duplicates={importRun.reports.flatMap((report) => (report.outcome.ok ? report.outcome.value.filed.possibleDuplicates : []))} />
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
          <ul>{log.map((row) => <li key={row.id}>{row.at.slice(0, 16).replace('T', ' ')} · {row.file} · {row.machine}{row.confirmed === true ? '' : text.machineUnconfirmed} · +{row.counts.new} / ={row.counts.duplicate} / ⚠{row.counts.damaged}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
