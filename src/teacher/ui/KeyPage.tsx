import { useState, type FormEvent } from 'react';
import type { Issue } from '../../../scoring/index.ts';
import { changePassphrase, createKeyBackup, formatKeyId, writeKeyFile, writePublicKeyFile } from '../../records/index.ts';
import { download, todayIso } from './download.ts';
import { idleMinutes, setIdleMinutes } from './idleSetting.ts';
import { IssueList } from './IssueList.tsx';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** The school key: public key to hand out, backup (nagged until made), passphrase change, idle lock. */
export function KeyPage() {
  const { text, locale, workspace, refresh } = useWorkspaceView();
  const [current, setCurrent] = useState('');
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [message, setMessage] = useState('');
  const [idle, setIdle] = useState(() => String(idleMinutes()));

  const storedKey = async () => (await workspace.db.keys.get('school'))?.stored;

  const backup = async (event: FormEvent) => {
    event.preventDefault();
    const now = new Date().toISOString();
    const made = await createKeyBackup(await storedKey(), current, backupPassphrase, { exported: now });
    setCurrent('');
    setBackupPassphrase('');
    if (!made.ok) {
      setIssues(made.issues);
      return;
    }
    setIssues([]);
    download(`${workspace.key.name}-${todayIso()}.psykeybackup`, writeKeyFile(made.value), 'application/json');
    await workspace.db.keys.update('school', { backupMadeAt: now });
    setMessage(text.backupMade(now.slice(0, 10)));
    refresh();
  };

  const change = async (event: FormEvent) => {
    event.preventDefault();
    const changed = await changePassphrase(await storedKey(), current, newPassphrase);
    setCurrent('');
    setNewPassphrase('');
    if (!changed.ok) {
      setIssues(changed.issues);
      return;
    }
    setIssues([]);
    // The demo passphrase shown on the unlock screen is no longer the passphrase.
    await workspace.db.keys.update('school', (row) => {
      row.stored = changed.value;
      delete row.demoPassphrase;
    });
    setMessage(text.passphraseChanged);
    refresh();
  };

  return (
    <section>
      <h2>{text.keyTitle}</h2>
      <div className="panel">
        <p><strong>{workspace.key.name}</strong> · {text.keyId}: <code>{formatKeyId(workspace.key.keyId)}</code></p>
        <button type="button" onClick={() => download(`${workspace.key.name}.psykey`, writePublicKeyFile(workspace.publicKeyFile), 'application/json')}>{text.publicKey}</button>
        <p className="muted">{text.publicKeyHint}</p>
      </div>
      <IssueList issues={issues} locale={locale} />
      {message && <p className="notice" role="status">{message}</p>}
      <form className="form-grid panel" onSubmit={(event) => void backup(event)}>
        <h3 className="span">{text.makeBackup}</h3>
        <p className="muted span">{text.backupPassphraseHint}</p>
        <label htmlFor="backup-current">{text.currentPassphrase}</label>
        <input id="backup-current" type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
        <label htmlFor="backup-new">{text.backupPassphrase}</label>
        <input id="backup-new" type="password" autoComplete="new-password" value={backupPassphrase} onChange={(event) => setBackupPassphrase(event.target.value)} />
        <button type="submit" className="primary span-start">{text.makeBackup}</button>
      </form>
      <form className="form-grid panel" onSubmit={(event) => void change(event)}>
        <h3 className="span">{text.changePassphrase}</h3>
        <label htmlFor="change-current">{text.currentPassphrase}</label>
        <input id="change-current" type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
        <label htmlFor="change-new">{text.newPassphrase}</label>
        <input id="change-new" type="password" autoComplete="new-password" value={newPassphrase} onChange={(event) => setNewPassphrase(event.target.value)} />
        <button type="submit" className="span-start">{text.changePassphrase}</button>
      </form>
      <div className="panel">
        <label htmlFor="idle-minutes">{text.idleMinutes}</label>{' '}
        <input id="idle-minutes" type="number" min={1} max={240} value={idle} onChange={(event) => { setIdle(event.target.value); setIdleMinutes(event.target.value); }} />
      </div>
    </section>
  );
}
