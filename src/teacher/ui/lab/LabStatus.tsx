import type { Locale } from '../../../../scoring/index.ts';
import { IssueList } from '../IssueList.tsx';
import { describeIssue } from '../../../issueMessages.ts';
import type { LabText } from './labText.ts';
import type { LabStatus as LabServerStatus } from '../../../lab/teacherConnection.ts';

/** Whether a lab server is behind this page and what it serves. No server is a normal state, said calmly. */
export function LabStatus({ status, servedPlan, recheck, text, locale }: { status: LabServerStatus; servedPlan: string | null; recheck: () => void; text: LabText; locale: Locale }) {
  if (status.kind === 'checking' || status.kind === 'unchecked') return <p className="muted" role="status">{text.checking}</p>;
  if (status.kind === 'absent') {
    const [first, ...rest] = status.issues;
    // "not here" is information, not an error: a plain notice, not the alert list
    return (
      <div className="panel" role="status">
        <h3>{text.notHereTitle}</h3>
        {first && <p>{describeIssue(first, locale)}</p>}
        <IssueList issues={rest} locale={locale} />
        <button type="button" onClick={recheck}>{text.recheck}</button>
      </div>
    );
  }
  return (
    <div className="panel lab-status" role="status">
      <span className="ok-dot">● {text.connected}</span>
      <span>{servedPlan ? text.servingPlan(servedPlan) : text.noPlanServed}</span>
      <button type="button" className="link" onClick={recheck}>{text.recheck}</button>
    </div>
  );
}
