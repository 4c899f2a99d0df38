import { useState, type FormEvent } from 'react';
import type { Issue, Locale } from '../../../scoring/index.ts';
import { randomUuid } from '../../crypto/index.ts';
import { restoreKeyBackup } from '../../records/index.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import { openDemoWorkspace } from '../workspace/demoWorkspace.ts';
import { createWorkspaceKey, installWorkspaceKey, unlockWorkspace, type Workspace } from '../workspace/workspace.ts';
import { IssueList } from './IssueList.tsx';
import type { TeacherText } from './text.ts';

interface Props {
  readonly db: TeacherDb;
  readonly text: TeacherText;
  readonly locale: Locale;
  readonly onOpened: (workspace: Workspace) => void;
}

const fetchJson = async (path: string): Promise<unknown> => (await fetch(path)).json() as Promise<unknown>;

/** First run: create the school key, restore it from a backup, or open the demo workspace. */
export function KeySetup({ db, text, locale, onOpened }: Props) {
  const [school, setSchool] = useState('');
  const [teacher, setTeacher] = useState('');
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const [backupFile, setBackupFile] = useState<File | undefined>();
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [restoreIssues, setRestoreIssues] = useState<readonly Issue[]>([]);

  const open = async (passphraseToUse: string) => {
    const opened = await unlockWorkspace(db, passphraseToUse);
    if (opened.ok) onOpened(opened.value);
    else setIssues(opened.issues);
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(passphrase !== again);
    if (passphrase !== again) return;
    setBusy(true);
    const made = await createWorkspaceKey(db, { school, teacher, name: name || `${school} ${new Date().getFullYear()}`, passphrase, now: new Date().toISOString() });
    setBusy(false);
    if (!made.ok) setIssues(made.issues);
    else await open(passphrase);
  };

  const openDemo = async () => {
    setBusy(true);
    const opened = await openDemoWorkspace(db, await fetchJson('demo/demo-workspace.json'), await fetchJson('demo/kiosk-plan.json'), { now: () => new Date().toISOString(), newId: randomUuid });
    setBusy(false);
    if (opened.ok) onOpened(opened.value);
    else setIssues(opened.issues);
  };

  const restore = async (event: FormEvent) => {
    event.preventDefault();
    if (!backupFile) return;
    setBusy(true);
    const restored = await restoreKeyBackup(await backupFile.text(), backupPassphrase, passphrase);
    if (!restored.ok) {
      setBusy(false);
      setRestoreIssues(restored.issues);
      return;
    }
    const installed = await installWorkspaceKey(db, restored.value, school || restored.value.name, teacher || undefined);
    setBusy(false);
    if (!installed.ok) setRestoreIssues(installed.issues);
    else await open(passphrase);
  };

  return (
    <main className="setup">
      <section className="panel">
        <h2>{text.setupTitle}</h2>
        <p>{text.setupIntro}</p>
        <form onSubmit={(event) => void create(event)} className="form-grid">
          <label htmlFor="school">{text.school}</label>
          <input id="school" value={school} onChange={(event) => setSchool(event.target.value)} required />
          <label htmlFor="teacher">{text.teacherName}</label>
          <input id="teacher" value={teacher} onChange={(event) => setTeacher(event.target.value)} autoComplete="name" />
          <label htmlFor="key-name">{text.keyName}</label>
          <input id="key-name" value={name} placeholder={text.keyNameHint} onChange={(event) => setName(event.target.value)} />
          <label htmlFor="passphrase">{text.passphrase}</label>
          <input id="passphrase" type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="new-password" aria-describedby="passphrase-hint" />
          <span id="passphrase-hint" className="muted hint">{text.passphraseHint}</span>
          <label htmlFor="passphrase-again">{text.passphraseAgain}</label>
          <input id="passphrase-again" type="password" value={again} onChange={(event) => setAgain(event.target.value)} autoComplete="new-password" />
          <p className="warning span">{text.lostWarning}</p>
          {mismatch && <p className="issues span" role="alert">{text.passphraseMismatch}</p>}
          <div className="span"><IssueList issues={issues} locale={locale} /></div>
          <button type="submit" className="primary span-start" disabled={busy}>{busy ? text.creating : text.createKey}</button>
        </form>
      </section>
      <section className="panel">
        <h2>{text.demoTitle}</h2>
        <p>{text.demoIntro}</p>
        <button type="button" className="primary" disabled={busy} onClick={() => void openDemo()}>{text.openDemo}</button>
      </section>
      <details className="panel">
        <summary>{text.restoreTitle}</summary>
        <form onSubmit={(event) => void restore(event)} className="form-grid">
          <label htmlFor="backup-file">{text.restoreFile}</label>
          <input id="backup-file" type="file" accept=".psykeybackup,application/json" onChange={(event) => setBackupFile(event.target.files?.[0])} />
          <label htmlFor="backup-passphrase">{text.backupPassphrase}</label>
          <input id="backup-passphrase" type="password" value={backupPassphrase} onChange={(event) => setBackupPassphrase(event.target.value)} />
          <label htmlFor="restore-passphrase">{text.newPassphrase}</label>
          <input id="restore-passphrase" type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="new-password" />
          <div className="span"><IssueList issues={restoreIssues} locale={locale} /></div>
          <button type="submit" className="span-start" disabled={busy || !backupFile}>{text.restore}</button>
        </form>
      </details>
    </main>
  );
}
