import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Issue, Locale } from '../../../../scoring/index.ts';
import { describeIssue } from '../../../issueMessages.ts';
import { labOverview, type LabClass, type LabStudent } from '../../workspace/labMonitor.ts';
import { lookupsSecret } from '../../workspace/partial.ts';
import { teacherHash } from '../route.ts';
import { useWorkspaceView } from '../WorkspaceContext.ts';
import { MONITOR_TEXT, type MonitorText } from './monitorText.ts';
import { useLabServerContext } from '../lab/useLabServer.ts';
import './monitor.css';

const timeOf = (iso: string, locale: Locale): string => new Date(iso).toLocaleTimeString(locale);
const describe = (issues: readonly Issue[], locale: Locale): string => issues.map((found) => describeIssue(found, locale)).join(' ');

function StudentRow({ student, serverTime, text, locale }: { student: LabStudent; serverTime: string; text: MonitorText; locale: Locale }) {
  const label = student.state === 'finished' ? text.finished : student.state === 'in-progress' ? text.inProgress : text.notStarted;
  // minutes by the server's clock, so a teacher PC whose clock is off does not say "in 5 minutes"
  const minutes = student.at ? Math.max(0, Math.floor((Date.parse(serverTime) - Date.parse(student.at)) / 60_000)) : undefined;
  return (
    <tr>
      <th scope="row"><a href={teacherHash({ page: 'student', id: student.recordId })}>{student.name}</a></th>
      <td>{student.studentNumber}</td>
      <td><span className={`monitor-state monitor-state-${student.state}`}>{label}</span></td>
      <td>{student.machine ?? '—'}</td>
      <td>{student.answered ?? '—'}</td>
      <td>{student.at && minutes !== undefined ? `${timeOf(student.at, locale)} · ${text.minutesAgo(minutes)}` : '—'}</td>
    </tr>
  );
}

function ClassTable({ group, serverTime, text, locale }: { group: LabClass; serverTime: string; text: MonitorText; locale: Locale }) {
  const titleId = `monitor-class-${group.grade}-${group.className}`;
  return (
    <section className="monitor-class" aria-labelledby={titleId}>
      <h3 id={titleId}>{group.className} <span className="muted">{text.classCounts(group.counts)}</span></h3>
      <table className="data monitor-table">
        <thead><tr><th scope="col">{text.name}</th><th scope="col">{text.studentNumber}</th><th scope="col">{text.state}</th><th scope="col">{text.machine}</th><th scope="col">{text.answered}</th><th scope="col">{text.lastSaved}</th></tr></thead>
        <tbody>{group.students.map((student) => <StudentRow key={student.recordId} student={student} serverTime={serverTime} text={text} locale={locale} />)}</tbody>
      </table>
    </section>
  );
}

/** The plan the lab server runs now, per class, updating by itself; the last good data stays, marked, when the server is gone. */
export function MonitorPage() {
  const { workspace, records, locale } = useWorkspaceView();
  const lab = useLabServerContext();
  const text = MONITOR_TEXT[locale];
  const plan = lab.monitor?.plan ?? undefined;
  const [lookups, setLookups] = useState<{ plan: string; map: Readonly<Record<string, string>> | undefined } | undefined>();
  const [connecting, setConnecting] = useState(false);

  useEffect(() => {
    if (!plan) return;
    let current = true;
    void workspace.store.loadSecret<Record<string, string>>(lookupsSecret(plan)).then((map) => { if (current) setLookups({ plan, map }); });
    return () => { current = false; };
  }, [workspace, plan]);

  const { hasToken, connect } = lab;
  const askToken = useCallback(async () => {
    setConnecting(true);
    await connect();
    setConnecting(false);
  }, [connect]);
  // a lab page may ask once on its own: on the server's own PC that is all it takes
  useEffect(() => {
    if (!hasToken) void askToken();
  }, [hasToken, askToken]);

  const monitor = lab.monitor;
  const overview = useMemo(() => (monitor?.plan && lookups?.plan === monitor.plan ? labOverview({ ...monitor, plan: monitor.plan }, lookups.map, records) : undefined), [monitor, lookups, records]);
  // without a token nothing is polled: what is left on screen is as old as the last reply
  const failure = hasToken ? lab.failure : undefined;
  const stale = monitor !== undefined && (failure !== undefined || !hasToken);

  return (
    <section className={stale ? 'monitor monitor-stale' : 'monitor'} aria-labelledby="monitor-title">
      <h2 id="monitor-title">{text.title}</h2>
      <p className="muted">{text.intro}</p>
      {!hasToken && (
        <div className="monitor-calm" role="status">
          <p>{describe(lab.tokenIssues.length > 0 ? lab.tokenIssues : [{ code: 'lab_no_token', path: [] }], locale)}</p>
          {lab.updatedAt && <p>{text.staleNote(timeOf(lab.updatedAt, locale))}</p>}
          <button type="button" disabled={connecting} onClick={() => void askToken()}>{connecting ? text.connecting : text.connect}</button>
        </div>
      )}
      {hasToken && !monitor && !failure && <p role="status">{text.waiting}</p>}
      {failure && (
        <div className="monitor-calm" role="status">
          <p>{describe(failure, locale)}</p>
          {lab.updatedAt && <p>{text.staleNote(timeOf(lab.updatedAt, locale))}</p>}
        </div>
      )}
      {monitor && (
        <>
          <p className="monitor-status">
            <span>{text.plan} <code>{monitor.plan ?? '—'}</code></span>
            {lab.updatedAt && <span>{text.updated(timeOf(lab.updatedAt, locale))}{stale && <span className="monitor-stale-label">{text.stale}</span>}</span>}
            <span className="muted">{text.machines(monitor.machines.length)}</span>
          </p>
          {monitor.disk.full && <p className="warning" role="alert">{text.diskFull}</p>}
          {!monitor.plan && <p>{text.noPlan}</p>}
        </>
      )}
      {overview && (
        <>
          <p className="monitor-totals" aria-label={text.total(overview.counts.finished, overview.counts.total)}>
            <strong>{text.total(overview.counts.finished, overview.counts.total)}</strong>
            <span>{text.inProgress} {overview.counts.inProgress}</span>
            <span>{text.notStarted} {overview.counts.notStarted}</span>
          </p>
          {overview.planUnknown && <p className="notice">{text.planUnknown(overview.plan)}</p>}
          {overview.unknownLookups > 0 && <p className="notice">{text.unknownLookups(overview.unknownLookups)}</p>}
          {overview.leftRoster > 0 && <p className="muted">{text.leftRoster(overview.leftRoster)}</p>}
          <div className="monitor-classes">
            {overview.classes.map((group) => <ClassTable key={`${group.grade}-${group.className}`} group={group} serverTime={monitor?.time ?? ''} text={text} locale={locale} />)}
          </div>
        </>
      )}
    </section>
  );
}
