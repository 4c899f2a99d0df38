import { useEffect, useState } from 'react';
import { issue, type Issue, type Locale } from '../../../../scoring/index.ts';
import type { TeacherLabClient } from '../../../lab/teacherClient.ts';
import type { PlanRow } from '../../../store/teacherDb.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { IssueList } from '../IssueList.tsx';
import type { LabText } from './labText.ts';

interface SendPlanProps {
  readonly workspace: Workspace;
  readonly client: TeacherLabClient;
  readonly servedPlan: string | null;
  readonly onSent: (ref: string) => void;
  readonly refused: (issues: readonly Issue[]) => void;
  readonly text: LabText;
  readonly locale: Locale;
}

/** Puts one of the plan files the workspace built (the same file PlanPage downloads) on the lab server. */
export function SendPlan({ workspace, client, servedPlan, onSent, refused, text, locale }: SendPlanProps) {
  const [plans, setPlans] = useState<readonly PlanRow[]>();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [sent, setSent] = useState('');
  useEffect(() => {
    void workspace.db.plans.toArray().then((rows) => {
      const newestFirst = [...rows].sort((a, b) => b.created.localeCompare(a.created));
      setPlans(newestFirst);
      setChosen((current) => current || newestFirst[0]?.id || '');
    });
  }, [workspace]);

  const send = async () => {
    setBusy(true);
    setSent('');
    setIssues([]);
    const row = await workspace.db.plans.get(chosen);
    const stored = row ? await client.putPlan(JSON.stringify(row.kioskPlan)) : { ok: false as const, issues: [issue('lab_plan_missing', [])] };
    setBusy(false);
    if (!stored.ok) {
      setIssues(stored.issues);
      refused(stored.issues);
      return;
    }
    setSent(text.planSent(stored.value.ref, stored.value.digest));
    onSent(stored.value.ref);
  };

  return (
    <section className="panel" aria-labelledby="lab-plan-title">
      <h3 id="lab-plan-title">{text.planTitle}</h3>
      <p className="muted">{text.planIntro}</p>
      {plans?.length === 0 && <p className="muted">{text.noSavedPlans}</p>}
      {plans && plans.length > 0 && (
        <div className="toolbar">
          <label>{text.planLabel}{' '}
            <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
              {plans.map((plan) => <option key={plan.id} value={plan.id}>{plan.id}{plan.id === servedPlan ? ` · ${text.currentTag}` : ''}</option>)}
            </select>
          </label>
          <button type="button" className="primary" disabled={busy || chosen === ''} onClick={() => void send()}>{busy ? text.sending : text.sendPlan}</button>
        </div>
      )}
      <IssueList issues={issues} locale={locale} />
      {sent && <p className="notice" role="status">{sent}</p>}
    </section>
  );
}
