import type { Locale } from '../../../../scoring/index.ts';
import { IssueList } from '../IssueList.tsx';
import { describeIssue } from '../../../issueMessages.ts';
import type { LabText } from './labText.ts';
import type { LabServer } from './useLabServer.ts';

/** Whether a lab server is behind this page and what it serves. No server is a normal state, said calmly. */
export function LabStatus({ server, servedPlan, recheck, text, locale }: { server: LabServer; servedPlan: string | null; recheck: () => void; text: LabText; locale: Locale }) {
  if (server.kind === 'checking') return <p className="muted" role="status">{text.checking}</p>;
  if (server.kind === 'absent') {
    const [first, ...rest] = server.issues;
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
