import { useState } from 'react';
import { succeed, type Issue } from '../../../../scoring/index.ts';
import type { TeacherLabClient } from '../../../lab/teacherClient.ts';
import { clearImportedFromLab, pullFromLab, type LabPull } from '../../workspace/pullFromLab.ts';
import { ImportReport } from '../ImportReport.tsx';
import { IssueList } from '../IssueList.tsx';
import { useImportRun } from '../useImportRun.ts';
import { useWorkspaceView } from '../WorkspaceContext.ts';
import type { LabText } from './labText.ts';

/** One button: fetch what the lab server holds, file it as a batch import would, receipt it; then, if asked, clear the server. */
export function CollectFromLab({ client, refused, text }: { client: TeacherLabClient; refused: (issues: readonly Issue[]) => void; text: LabText }) {
  const view = useWorkspaceView();
  const importRun = useImportRun();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [pull, setPull] = useState<LabPull>();
  const [confirming, setConfirming] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [cleared, setCleared] = useState('');
  const [clearIssues, setClearIssues] = useState<readonly Issue[]>([]);

  const collect = () => importRun.run(async () => {
    setPull(undefined);
    setCleared('');
    const pulled = await pullFromLab(view.workspace, client, view.changeContext(), (done, total) => setProgress({ done, total }));
    setProgress(undefined);
    if (!pulled.ok) {
      refused(pulled.issues);
      return pulled;
    }
    setPull(pulled.value);
    refused(pulled.value.receiptIssues);
    return succeed(pulled.value.reports);
  });

  const clear = async () => {
    setConfirming(false);
    setClearing(true);
    setClearIssues([]);
    const done = await clearImportedFromLab(client);
    setClearing(false);
    if (!done.ok) {
      setClearIssues(done.issues);
      refused(done.issues);
      return;
    }
    setCleared(text.cleared(done.value.removed));
  };

  return (
    <>
      <section className="panel" aria-labelledby="lab-collect-title">
        <h3 id="lab-collect-title">{text.collectTitle}</h3>
        <p className="muted">{text.collectIntro}</p>
        <button type="button" className="primary" disabled={importRun.busy} onClick={() => void collect()}>{text.collect}</button>
        {importRun.busy && <p role="status">{progress ? text.fetching(progress.done, progress.total) : view.text.importing}</p>}
        <IssueList issues={importRun.issues} locale={view.locale} />
        {pull && <p role="status">{pull.fetched === 0 ? text.nothingNew : text.pulled(pull.fetched, pull.listed)}</p>}
        <ImportReport reports={importRun.reports} text={view.text} locale={view.locale} showReceipt={false} />
        {pull && pull.receipted.length > 0 && <p className="notice">{text.receipted(pull.receipted.length)}</p>}
        {pull && <IssueList issues={pull.receiptIssues} locale={view.locale} />}
      </section>
      <section className="panel" aria-labelledby="lab-clear-title">
        <h3 id="lab-clear-title">{text.clearTitle}</h3>
        <p className="muted">{text.clearIntro}</p>
        {confirming ? (
          <div className="lab-confirm" role="alertdialog" aria-label={text.clearTitle}>
            <span>{text.clearConfirm}</span>
            <button type="button" className="primary" onClick={() => void clear()}>{text.clearYes}</button>
            <button type="button" onClick={() => setConfirming(false)}>{text.cancel}</button>
          </div>
        ) : <button type="button" disabled={clearing || importRun.busy} onClick={() => { setCleared(''); setConfirming(true); }}>{text.clear}</button>}
        <IssueList issues={clearIssues} locale={view.locale} />
        {cleared && <p className="notice" role="status">{cleared}</p>}
      </section>
    </>
  );
}
