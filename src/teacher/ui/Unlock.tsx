import { useState, type FormEvent } from 'react';
import type { Issue, Locale } from '../../../scoring/index.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import { unlockWorkspace, type KeyStatus, type Workspace } from '../workspace/workspace.ts';
import { IssueList } from './IssueList.tsx';
import type { TeacherText } from './text.ts';
import { browserThrottleStorage, minutesAndSeconds, useAttemptThrottle } from '../../common/useAttemptThrottle.ts';

/** Three free tries, then 10 s doubling to 15 min; each try also costs a 600,000-round PBKDF2. */
export const UNLOCK_THROTTLE = { freeTries: 3, firstWaitMs: 10_000, maxWaitMs: 15 * 60_000 } as const;
const UNLOCK_THROTTLE_KEY = 'psyscreen-unlock-failures';

interface Props {
  readonly db: TeacherDb;
  readonly status: KeyStatus;
  readonly text: TeacherText;
  readonly locale: Locale;
  readonly lockedByIdle: boolean;
  readonly onOpened: (workspace: Workspace) => void;
}

export function Unlock({ db, status, text, locale, lockedByIdle, onOpened }: Props) {
  const [passphrase, setPassphrase] = useState(status.demoPassphrase ?? '');
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [storage] = useState(browserThrottleStorage);
  const throttle = useAttemptThrottle(UNLOCK_THROTTLE, UNLOCK_THROTTLE_KEY, storage);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (throttle.secondsLeft > 0) return;
    setBusy(true);
    const opened = await unlockWorkspace(db, passphrase);
    setBusy(false);
    setPassphrase('');
    if (opened.ok) {
      throttle.succeeded();
      onOpened(opened.value);
      return;
    }
    if (opened.issues.some((found) => found.code === 'passphrase_wrong')) throttle.failed();
    setIssues(opened.issues);
  };
  return (
    <main className="setup">
      <section className="panel narrow">
        <h2>{text.unlockTitle}</h2>
        {lockedByIdle && <p className="notice" role="status">{text.lockedIdle}</p>}
        <p>{text.unlockIntro(status.name ?? '')}</p>
        {status.demoPassphrase && <p className="muted">{text.demoPassphraseIs(status.demoPassphrase)}</p>}
        <form onSubmit={(event) => void submit(event)} className="inline-form">
          <label htmlFor="unlock-passphrase">{text.passphrase}</label>
          <input id="unlock-passphrase" type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="current-password" autoFocus />
          <button type="submit" className="primary" disabled={busy || throttle.secondsLeft > 0}>{busy ? text.unlocking : text.unlock}</button>
        </form>
        {throttle.secondsLeft > 0 && <p className="notice" role="status">{text.unlockWait(minutesAndSeconds(throttle.secondsLeft))}</p>}
        <IssueList issues={issues} locale={locale} />
      </section>
    </main>
  );
}
