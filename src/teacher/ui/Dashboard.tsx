import { useMemo, useState } from 'react';
import { TIERS } from '../../../scoring/index.ts';
import { attentionList } from '../workspace/attention.ts';
import { gradesScreened, summarize, type GroupSummary } from '../workspace/summary.ts';
import { todayIso } from './download.ts';
import { screeningsIn } from './screenings.ts';
import { ClassSummaryReport } from './ClassSummaryReport.tsx';
import { TierBar } from './TierBar.tsx';
import { usePartial } from './usePartial.ts';
import { usePlanGrades } from './usePlanGrades.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`);

function SummaryRow({ label, group }: { label: string; group: GroupSummary }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{group.roster}</td>
      <td>{group.completed}</td>
      <td>{group.declined}</td>
      <td>{group.partial}</td>
      <td>{group.absent}</td>
      <td>{percent(group.completed + group.declined, group.roster)}</td>
      {TIERS.map((tier) => <td key={tier}>{group.tiers[tier]}</td>)}
      <td className={group.urgent > 0 ? 'urgent-cell' : undefined}>{group.urgent}</td>
      <td>{group.invalid}</td>
      <td className="bar-cell"><TierBar tiers={group.tiers} /></td>
    </tr>
  );
}

/** Tier counts by grade and class, urgent flags first, validity problems and completion. */
export function Dashboard() {
  const { records, text, navigate, workspace } = useWorkspaceView();
  const screenings = useMemo(() => screeningsIn(records), [records]);
  const [chosen, setChosen] = useState<string | undefined>();
  const plan = chosen ?? screenings[0];
  const planGrades = usePlanGrades(workspace.db, plan);
  const partial = usePartial(workspace, plan, records);
  const summary = useMemo(() => (plan ? summarize(records, plan, planGrades ?? gradesScreened(records, plan), partial) : undefined), [records, plan, planGrades, partial]);
  const urgent = useMemo(() => attentionList(records, todayIso()).filter((entry) => entry.urgent), [records]);

  if (!plan || !summary) return <section><h2>{text.nav.dashboard}</h2><p>{text.noScreening}</p></section>;
  const head = (
    <thead>
      <tr>
        <th />
        <th scope="col">{text.roster}</th><th scope="col">{text.completed}</th><th scope="col">{text.declined}</th><th scope="col">{text.partial}</th><th scope="col">{text.absent}</th><th scope="col">{text.completion}</th>
        {TIERS.map((tier) => <th key={tier} scope="col">{text.tiers[tier]}</th>)}
        <th scope="col">{text.urgent}</th><th scope="col">{text.invalid}</th><th scope="col" className="bar-cell" />
      </tr>
    </thead>
  );
  return (
    <section>
      <div className="page-head">
        <h2>{text.nav.dashboard}</h2>
        <label>
          {text.screening}{' '}
          <select value={plan} onChange={(event) => setChosen(event.target.value)}>
            {screenings.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
          </select>
        </label>
      </div>
      <section className="panel urgent-panel" aria-labelledby="urgent-title">
        <h3 id="urgent-title">{text.urgentFirst}</h3>
        {urgent.length === 0 ? <p>{text.noUrgent}</p> : (
          <ul className="urgent-list">
            {urgent.map((entry) => (
              <li key={entry.record.id}>
                <a href={`#/student/${entry.record.id}`} onClick={(event) => { event.preventDefault(); navigate({ page: 'student', id: entry.record.id }); }}>
                  {entry.record.identity.name}
                </a>{' '}
                <span className="muted">{entry.record.identity.className}</span>
                {entry.acute && <strong className="badge acute">{text.acute}</strong>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <h3>{text.byGrade}</h3>
      <table className="data">
        {head}
        <tbody>
          <SummaryRow label={text.wholeSchool} group={summary.school} />
          {summary.grades.map((group) => <SummaryRow key={group.grade} label={text.grade(group.grade ?? 0)} group={group} />)}
        </tbody>
      </table>
      <h3>{text.byClass}</h3>
      <table className="data">
        {head}
        <tbody>{summary.classes.map((group) => <SummaryRow key={`${group.grade ?? 0}-${group.className ?? ''}`} label={group.className ?? ''} group={group} />)}</tbody>
      </table>
      <ClassSummaryReport plan={plan} {...(planGrades ? { grades: planGrades } : {})} />
    </section>
  );
}
