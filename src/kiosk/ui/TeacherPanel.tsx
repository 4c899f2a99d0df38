import { useState, type FormEvent } from 'react';
import type { Issue, Locale } from '../../../scoring/index.ts';
import { buildBatch, clearAfterReceipt } from '../batchFile.ts';
import { PIN_THROTTLE, PIN_THROTTLE_KEY, pinMatches } from '../pin.ts';
import { browserThrottleStorage, minutesAndSeconds, useAttemptThrottle } from '../../common/useAttemptThrottle.ts';
import type { KioskPlan } from '../kioskPlan.ts';
import { reopenCode, type KioskDeps } from '../session.ts';
import { Card, IssueList } from './screens.tsx';
import { InsecureContextNote, LabSummary } from './LabSummary.tsx';
import { SharedFolderSetting } from './SharedFolderSetting.tsx';
import type { KioskText } from './text.ts';

function download(name: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Behind the plan's PIN: export the machine's sealed submissions, or unload the plan. */
export function TeacherPanel({ file, deps, text, locale, onClose, onUnload }: {
  file: KioskPlan; deps: KioskDeps; text: KioskText; locale: Locale; onClose: () => void; onUnload: () => void;
}) {
  const [pin, setPin] = useState('');
  const [unlocked, setUnlocked] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [message, setMessage] = useState('');
  const [reopen, setReopen] = useState('');
  const [receipt, setReceipt] = useState('');
  const [clearIssues, setClearIssues] = useState<readonly Issue[]>([]);
  const [reopenIssues, setReopenIssues] = useState<readonly Issue[]>([]);

  const [checking, setChecking] = useState(false);
  const [storage] = useState(browserThrottleStorage);
  const throttle = useAttemptThrottle(PIN_THROTTLE, PIN_THROTTLE_KEY, storage);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (throttle.secondsLeft > 0 || checking) return;
    setChecking(true);
    const ok = await pinMatches(file.kiosk.pin, pin);
    setChecking(false);
    setWrong(!ok);
    setUnlocked(ok);
    setPin('');
    if (ok) throttle.succeeded();
    else throttle.failed();
  };
  const exportBatch = async () => {
    const batch = await buildBatch(deps.db, `${file.plan.id}@${file.plan.version}`, deps.machineId, deps.now());
    download(batch.name, batch.bytes);
    setMessage(text.exported(batch.count));
  };

  const clearSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await clearAfterReceipt(deps.db, receipt);
    setReceipt('');
    if ('cleared' in outcome) {
      setClearIssues([]);
      setMessage(text.cleared(outcome.cleared));
    } else setClearIssues([{ code: outcome.refused === 'no_export' ? 'clear_no_export' : 'clear_receipt_wrong', path: [] }]);
  };

  const reopenSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await reopenCode(deps, file, reopen);
    setReopenIssues(outcome.ok ? [] : outcome.issues);
    if (outcome.ok) setMessage(outcome.value.reopened ? text.reopened : text.notUsed);
    setReopen('');
  };

  if (!unlocked) {
    return (
      <Card title={text.pinTitle}>
        <form onSubmit={(event) => void unlock(event)} className="sign-in">
          <label htmlFor="pin">{text.pinLabel}</label>
          <input id="pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(event) => setPin(event.target.value)} autoFocus />
          <div className="actions">
            <button type="submit" className="primary" disabled={checking || throttle.secondsLeft > 0}>{checking ? text.checking : text.unlock}</button>
            <button type="button" onClick={onClose}>{text.close}</button>
          </div>
        </form>
        {throttle.secondsLeft > 0 ? <p className="note" role="status">{text.pinWait(minutesAndSeconds(throttle.secondsLeft))}</p>
          : wrong ? <IssueList issues={[{ code: 'pin_wrong', path: [] }]} locale={locale} /> : null}
      </Card>
    );
  }
  return (
    <Card title={text.pinTitle}>
      <div className="actions column">
        <button type="button" className="primary" onClick={() => void exportBatch()}>{text.exportBatch}</button>
        <button type="button" onClick={onUnload}>{text.leaveKiosk}</button>
        <button type="button" onClick={onClose}>{text.close}</button>
      </div>
      <InsecureContextNote text={text} />
      <LabSummary db={deps.db} text={text} />
      <SharedFolderSetting db={deps.db} text={text} />
      <form onSubmit={(event) => void reopenSubmit(event)} className="sign-in reopen">
        <label htmlFor="reopen">{text.reopenLabel}</label>
        <input id="reopen" autoComplete="off" value={reopen} onChange={(event) => setReopen(event.target.value)} />
        <button type="submit">{text.reopen}</button>
      </form>
      <IssueList issues={reopenIssues} locale={locale} />
      <form onSubmit={(event) => void clearSubmit(event)} className="sign-in reopen">
        <label htmlFor="receipt">{text.receiptLabel}</label>
        <input id="receipt" autoComplete="off" value={receipt} onChange={(event) => setReceipt(event.target.value)} />
        <button type="submit">{text.clearMachine}</button>
      </form>
      <IssueList issues={clearIssues} locale={locale} />
      {message ? <p className="note" role="status">{message}</p> : null}
    </Card>
  );
}
