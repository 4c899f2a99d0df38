import { useMemo } from 'react';
import type { StudentRecord } from '../../records/index.ts';
import { attentionEntryOf } from '../workspace/attention.ts';
import { todayIso } from './download.ts';
import { FollowUpForms } from './FollowUpForms.tsx';
import { StudentDuplicates } from './monitor/DuplicateNotices.tsx';
import { formatDate, formatDay } from './studentDates.ts';
import { AuditLog, FollowUpHistory } from './StudentHistory.tsx';
import { PrintReportButton, StudentReportHead } from './StudentReport.tsx';
import { STUDENT_TEXT } from './studentText.ts';
import { StudentWave } from './StudentWave.tsx';
import { useWorkspaceView } from './WorkspaceContext.ts';
import './student.css';

function BackLink() {
  const { text, navigate } = useWorkspaceView();
  return (
    <p className="student-back no-print">
      <a href="#/attention" onClick={(event) => { event.preventDefault(); navigate({ page: 'attention' }); }}>← {text.studentBack}</a>
    </p>
  );
}

function Identity({ record }: { record: StudentRecord }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const { identity } = record;
  return (
    <section aria-labelledby="student-identity-title">
      <h3 id="student-identity-title" className="student-visually-hidden">{text.identity}</h3>
      <dl className="student-identity">
        <div><dt>{text.className}</dt><dd>{identity.className}</dd></div>
        <div><dt>{student.grade}</dt><dd>{text.grade(identity.grade)}</dd></div>
        <div><dt>{text.sex}</dt><dd>{text.sexes[identity.sex]}</dd></div>
        <div><dt>{text.studentNumber}</dt><dd>{identity.studentNumber}</dd></div>
        <div><dt>{text.birthDate}</dt><dd>{formatDay(identity.birthDate, locale)}</dd></div>
        <div><dt>{student.school}</dt><dd>{identity.school}</dd></div>
        {identity.nationalId && <div><dt>{student.nationalId}</dt><dd>{identity.nationalId}</dd></div>}
      </dl>
    </section>
  );
}

/** Whether the student is on the attention list now, since which wave, and when the next contact is due. */
function AttentionStatus({ record }: { record: StudentRecord }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const entry = attentionEntryOf(record, todayIso());
  if (!entry) return <p className="student-attention student-attention-closed">{student.attentionClosed}</p>;
  return (
    <p className="student-attention student-attention-open">
      <strong>{student.attentionOpen}</strong>{' '}
      <span>{student.attentionSince(formatDate(entry.wave.finishedAt, locale))}</span>
      {' · '}<span className={`student-tier student-tier-${entry.currentTier}`}>{text.tiers[entry.currentTier]}</span>
      {entry.urgent && <strong className="student-flag student-flag-urgent">{text.urgent}</strong>}
      {entry.acute && <strong className="student-flag student-flag-acute">{text.acute}</strong>}
      {' · '}{text.nextDue}{student.colon}{entry.nextDue ? formatDay(entry.nextDue, locale) : text.none}
      {entry.overdue && <strong className="student-overdue"> ({text.overdue})</strong>}
    </p>
  );
}

/**
 * One student's file (一生一档): identity, every screening wave newest first (history across years and
 * schools is simply this list), the follow-up history with its forms, and the audit log. Printed, it is
 * the individual report (StudentReport.tsx). All student and instrument text is rendered as React text.
 */
export function StudentPage({ id }: { id: string }) {
  const { records, text, locale } = useWorkspaceView();
  const record = records.find((candidate) => candidate.id === id);
  const waves = useMemo(
    () => [...(record?.waves ?? [])].sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt)),
    [record],
  );
  // The printed report shows the newest wave and, when that one was declined, the newest completed one too.
  const reported = waves.find((wave) => wave.status === 'completed');

  if (!record) {
    return (
      <section className="student-page">
        <BackLink />
        <p className="student-missing" role="alert">{STUDENT_TEXT[locale].notFound}</p>
      </section>
    );
  }
  return (
    <article className="student-page" aria-labelledby="student-name">
      <BackLink />
      <StudentReportHead />
      <div className="student-title">
        <h2 id="student-name">{record.identity.name}</h2>
        <PrintReportButton />
      </div>
      <Identity record={record} />
      <AttentionStatus record={record} />
      <section className="student-waves" aria-labelledby="student-waves-title">
        <h3 id="student-waves-title">{text.waves}</h3>
        <StudentDuplicates record={record} />
        {waves.length === 0
          ? <p className="muted">{STUDENT_TEXT[locale].noWaves}</p>
          : waves.map((wave, index) => <StudentWave key={wave.id} wave={wave} latest={index === 0} inReport={index === 0 || wave.id === reported?.id} />)}
      </section>
      <FollowUpHistory record={record} />
      <FollowUpForms record={record} />
      <AuditLog record={record} />
    </article>
  );
}
