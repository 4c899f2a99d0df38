import { useMemo, useRef, useState, type FormEvent } from 'react';
import { issue, type Issue } from '../../../scoring/index.ts';
import type { PublicKeyFile } from '../../records/index.ts';
import { parsePublicKeyFile, parseJsonTextSafe } from './publicKeyFile.ts';
import { importRecords, type RecordsImported } from '../workspace/importRecords.ts';
import { download, readFileBytes, todayIso } from './download.ts';
import { ImportConflicts } from './ImportConflicts.tsx';
import { IssueList } from './IssueList.tsx';
import { runExport, type RunningExport } from './runExport.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** One student, one file: export a class, a grade or the school to another school's key or a passphrase; import. */
export function RecordsPage() {
  const { records, text, locale, workspace, commit, changeContext } = useWorkspaceView();
  const scopes = useMemo(() => {
    const grades = [...new Set(records.map((record) => record.identity.grade))].sort((a, b) => a - b);
    const classes = [...new Set(records.map((record) => record.identity.className))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    return [{ id: 'all', label: text.wholeSchool }, ...grades.map((grade) => ({ id: `grade:${grade}`, label: text.grade(grade) })), ...classes.map((name) => ({ id: `class:${name}`, label: name }))];
  }, [records, text]);
  const [scope, setScope] = useState('all');
  const [mode, setMode] = useState<'key' | 'passphrase'>('key');
  const [keyFile, setKeyFile] = useState<File | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [message, setMessage] = useState('');
  const running = useRef<RunningExport | undefined>(undefined);
  const [imported, setImported] = useState<RecordsImported | undefined>();
  const [importIssues, setImportIssues] = useState<readonly Issue[]>([]);
  const [importPassphrase, setImportPassphrase] = useState('');

  const chosen = records.filter((record) => scope === 'all'
    || (scope.startsWith('grade:') && record.identity.grade === Number(scope.slice(6)))
    || (scope.startsWith('class:') && record.identity.className === scope.slice(6)));

  const exportNow = async (event: FormEvent) => {
    event.preventDefault();
    setIssues([]);
    setMessage('');
    let target: { publicKeyFile: PublicKeyFile } | { passphrase: string };
    if (mode === 'key') {
      const parsed = keyFile ? parsePublicKeyFile(parseJsonTextSafe(await keyFile.text())) : undefined;
      if (!parsed?.ok) {
        setIssues(parsed?.issues ?? []);
        return;
      }
      target = { publicKeyFile: parsed.value };
    } else target = { passphrase };
    setProgress({ done: 0, total: chosen.length });
    const job = runExport({ records: chosen, created: new Date().toISOString(), ...target }, (done, total) => setProgress({ done, total }));
    running.current = job;
    const outcome = await job.result;
    running.current = undefined;
    setProgress(undefined);
    if (!outcome.ok) {
      if (outcome.issues[0]?.code === 'export_cancelled') setMessage(text.cancelled);
      else setIssues(outcome.issues);
      return;
    }
    const label = scopes.find((candidate) => candidate.id === scope)?.label ?? '';
    download(`${workspace.school}-${label}-档案-${todayIso()}.zip`, outcome.value, 'application/zip');
    setMessage(text.exported(chosen.length));
  };

  const importFile = async (file: File | undefined) => {
    setImported(undefined);
    setImportIssues([]);
    if (!file) return;
    const secret = importPassphrase ? { passphrase: importPassphrase } : { key: workspace.key };
    try {
      const outcome = await importRecords(records, await readFileBytes(file), secret, changeContext());
      if (!outcome.ok) {
        setImportIssues(outcome.issues);
        return;
      }
      await commit(outcome.value.changed);
      setImported(outcome.value);
    } catch {
      // reading the file or a write the browser refused: shown, never a silent stop
      setImportIssues([issue('import_write_failed', [])]);
    }
  };

  return (
    <section>
      <h2>{text.recordsTitle}</h2>
      <p className="muted">{text.recordsIntro}</p>
      <form className="form-grid panel" onSubmit={(event) => void exportNow(event)}>
        <label htmlFor="export-scope">{text.scope}</label>
        <select id="export-scope" value={scope} onChange={(event) => setScope(event.target.value)}>
          {scopes.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.label}</option>)}
        </select>
        <span>{text.recipient}</span>
        <div role="radiogroup" aria-label={text.recipient}>
          <label><input type="radio" name="recipient" checked={mode === 'key'} onChange={() => setMode('key')} /> {text.recipientKey}</label>{' '}
          <label><input type="radio" name="recipient" checked={mode === 'passphrase'} onChange={() => setMode('passphrase')} /> {text.recipientPassphrase}</label>
        </div>
        {mode === 'key' ? (
          <>
            <label htmlFor="recipient-key">{text.recipientKey}</label>
            <input key="recipient-key" id="recipient-key" type="file" accept=".psykey,application/json" onChange={(event) => setKeyFile(event.target.files?.[0])} />
          </>
        ) : (
          <>
            <label htmlFor="export-passphrase">{text.passphrase}</label>
            <input key="export-passphrase" id="export-passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </>
        )}
        <div className="span"><IssueList issues={issues} locale={locale} /></div>
        {progress ? (
          <div className="span export-progress" role="status">
            <progress max={progress.total} value={progress.done} /> {text.exporting(progress.done, progress.total)}{' '}
            <button type="button" onClick={() => running.current?.cancel()}>{text.cancel}</button>
          </div>
        ) : <button type="submit" className="primary span-start" disabled={chosen.length === 0}>{text.exportRecords} ({chosen.length})</button>}
        {message && <p className="notice span" role="status">{message}</p>}
      </form>
      <div className="panel">
        <h3>{text.importRecords}</h3>
        <label htmlFor="import-passphrase">{text.recipientPassphrase} <span className="muted">({text.none})</span></label>{' '}
        <input id="import-passphrase" type="password" value={importPassphrase} onChange={(event) => setImportPassphrase(event.target.value)} />{' '}
        <input type="file" aria-label={text.importRecords} accept=".zip,.psyrec" onChange={(event) => void importFile(event.target.files?.[0])} />
        <IssueList issues={importIssues} locale={locale} />
        {imported && (
          <div role="status">
            <p className="notice">{text.importedRecords(imported.added, imported.merged, imported.unchanged)}</p>
            <ImportConflicts conflicts={imported.conflicts} />
            {imported.damaged.length > 0 && <IssueList issues={imported.damaged.flatMap((entry) => entry.issues)} locale={locale} />}
          </div>
        )}
      </div>
    </section>
  );
}
