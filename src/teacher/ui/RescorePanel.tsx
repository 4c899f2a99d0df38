import { useMemo, useState } from 'react';
import { shortRefOf, type Locale } from '../../../scoring/index.ts';
import { instrumentsOfScreening } from '../workspace/localNorms.ts';
import { defaultRescoreNorms, rescoreScreening, type RescoreReport } from '../workspace/rescoreScreening.ts';
import { waveOfPlan } from '../workspace/summary.ts';
import { describeIssue } from '../../issueMessages.ts';
import type { WorkspaceLibrary } from './normsLibrary.ts';
import type { NormsText } from './normsText.ts';
import { screeningsIn } from './screenings.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';
import { localDay } from '../../common/index.ts';

/**
 * Scores a past screening again with other norm tables or another policy (e.g. the school's own norms,
 * derived above). Each student gets the new result beside the original, under a label; the original
 * stays what the lists and summaries use, and the student page shows both.
 */
/** The same problem for every student (e.g. a label already used) is one line with a count, not 3,000 lines. */
function problemGroups(problems: RescoreReport['problems'], locale: Locale): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const problem of problems) {
    const message = describeIssue(problem.issue, locale);
    const names = groups.get(message) ?? [];
    names.push(problem.name);
    groups.set(message, names);
  }
  return [...groups];
}

export function RescorePanel({ library, text }: { library: WorkspaceLibrary; text: NormsText }) {
  const { records, locale, commit, changeContext, text: teacherText } = useWorkspaceView();
  const screenings = useMemo(() => screeningsIn(records), [records]);
  const [chosenPlan, setPlan] = useState<string | undefined>();
  const plan = chosenPlan ?? screenings[0];
  const instruments = useMemo(() => new Set(plan ? instrumentsOfScreening(records, plan) : []), [records, plan]);
  const tables = library.catalog.norms.filter((table) => instruments.has(table.instrument));
  const [norms, setNorms] = useState<readonly string[] | undefined>();
  const defaultNorms = useMemo(() => (plan ? defaultRescoreNorms(records, plan, library.catalog) : []), [records, plan, library.catalog]);
  const chosenNorms = norms ?? defaultNorms;
  const [policy, setPolicy] = useState<string | undefined>();
  // by default the policy the screening was scored with, so that only the norms differ
  const usedPolicy = useMemo(() => records.map((record) => (plan ? waveOfPlan(record, plan) : undefined)).find((wave) => wave?.status === 'completed')?.results[0]?.result.used.policy, [records, plan]);
  const offered = library.catalog.policies.map(shortRefOf);
  const chosenPolicy = policy ?? (usedPolicy && offered.includes(usedPolicy) ? usedPolicy : offered[0] ?? '');
  const [label, setLabel] = useState(text.rescoreDefaultLabel(localDay(new Date().toISOString())));
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RescoreReport>();

  if (!plan) return <p>{text.noScreenings}</p>;
  const toggle = (ref: string) => setNorms(chosenNorms.includes(ref) ? chosenNorms.filter((candidate) => candidate !== ref) : [...chosenNorms, ref]);
  const run = async () => {
    setBusy(true);
    const done = rescoreScreening(records, library.catalog, { plan, norms: chosenNorms, policy: chosenPolicy, label }, changeContext());
    await commit(done.changed);
    setReport(done);
    setBusy(false);
  };

  return (
    <div className="panel rescore">
      <div className="form-grid">
        <label htmlFor="rescore-plan">{text.screening}</label>
        <select id="rescore-plan" value={plan} onChange={(event) => { setPlan(event.target.value); setNorms(undefined); setPolicy(undefined); setReport(undefined); }}>
          {screenings.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
        </select>
        <span>{text.bandNorms}</span>
        <div>
          {tables.length === 0 && <span className="muted">{text.rescoreNoNorms}</span>}
          {tables.map((table) => (
            <label key={shortRefOf(table)} className="block">
              <input type="checkbox" checked={chosenNorms.includes(shortRefOf(table))} onChange={() => toggle(shortRefOf(table))} /> {table.name[locale]}{' '}
              <span className="muted">{shortRefOf(table)}{table.derived ? ` · ${text.localTag}` : ''}</span>
            </label>
          ))}
        </div>
        <label htmlFor="rescore-policy">{text.bandPolicy}</label>
        <select id="rescore-policy" value={chosenPolicy} onChange={(event) => setPolicy(event.target.value)}>
          {library.catalog.policies.map((candidate) => <option key={shortRefOf(candidate)} value={shortRefOf(candidate)}>{candidate.name[locale]} — {shortRefOf(candidate)}</option>)}
        </select>
        <label htmlFor="rescore-label">{text.rescoreLabel}</label>
        <input id="rescore-label" value={label} maxLength={100} onChange={(event) => setLabel(event.target.value)} />
      </div>
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy || label.trim() === ''} onClick={() => void run()}>{text.rescoreRun}</button>
      </div>
      {report && (
        <div role="status">
          <p className="notice">{text.rescoreDone(report.rescored, report.changed.length, report.tierChanges.length)}</p>
          {report.tierChanges.length > 0 && (
            <table className="data">
              <caption>{text.rescoreChangesCaption}</caption>
              <thead><tr><th scope="col">{text.rescoreStudent}</th><th scope="col">{text.rescoreClass}</th><th scope="col">{text.rescoreFrom}</th><th scope="col">{text.rescoreTo}</th></tr></thead>
              <tbody>
                {report.tierChanges.map((change) => (
                  <tr key={`${change.className}-${change.name}`}><th scope="row">{change.name}</th><td>{change.className}</td><td>{teacherText.tiers[change.from]}</td><td>{teacherText.tiers[change.to]}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {report.problems.length > 0 && (
            <ul className="issues">
              {problemGroups(report.problems, locale).map(([message, names]) => <li key={message}>{message} {text.rescoreWho(names.length, names.slice(0, 5).join('、'))}</li>)}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
