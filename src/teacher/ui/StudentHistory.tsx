import type { StudentRecord } from '../../records/index.ts';
import { formatDate, formatDateTime, formatDay } from './studentDates.ts';
import { STUDENT_TEXT } from './studentText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

const DASH = '—';
const newestFirst = <T extends { at: string }>(entries: readonly T[]): T[] => [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

/** Every interview, action, referral and closure, newest first: what the school did (三预一跟). */
export function FollowUpHistory({ record }: { record: StudentRecord }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const entries = newestFirst(record.followUps);
  return (
    <section className="student-follow-ups" aria-labelledby="student-follow-ups-title">
      <h3 id="student-follow-ups-title">
        <span className="student-screen-only">{text.followUp}</span>
        <span className="student-report-only">{student.followUpSummary}</span>
      </h3>
      {entries.length === 0 ? <p className="muted">{student.followUpEmpty}</p> : (
        <table className="student-table">
          <thead>
            <tr>
              <th scope="col">{text.when}</th><th scope="col">{student.kind}</th><th scope="col">{student.by}</th><th scope="col">{text.content}</th>
              <th scope="col">{student.tierColumn}</th><th scope="col">{text.referralTo}</th><th scope="col">{text.due}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className={`student-follow-up-${entry.kind}`}>
                <td className="student-nowrap">{formatDate(entry.at, locale)}</td>
                <td>
                  {text.kinds[entry.kind]}
                  {entry.action && entry.kind !== 'referral' && <span className="student-note">{text.actions[entry.action]}</span>}
                </td>
                <td>{entry.by}</td>
                <td className="student-content">{entry.content}</td>
                <td>
                  {entry.tierChange
                    ? text.tierChange(entry.tierChange.from ? text.tiers[entry.tierChange.from] : DASH, text.tiers[entry.tierChange.to])
                    : DASH}
                </td>
                <td>{entry.referralTo ?? DASH}</td>
                <td className="student-nowrap">{entry.due ? formatDay(entry.due, locale) : DASH}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Who changed the record, when, and how. Collapsed: it is for accountability, not for daily reading. */
export function AuditLog({ record }: { record: StudentRecord }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const entries = newestFirst(record.audit);
  return (
    <details className="student-audit no-print">
      <summary>{text.audit} ({entries.length})</summary>
      {entries.length === 0 ? <p className="muted">{student.auditEmpty}</p> : (
        <table className="student-table">
          <thead>
            <tr><th scope="col">{text.when}</th><th scope="col">{student.by}</th><th scope="col">{student.auditAction}</th><th scope="col">{student.auditDetail}</th></tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="student-nowrap">{formatDateTime(entry.at, locale)}</td>
                <td>{entry.by}</td>
                <td>{student.auditActions[entry.action] ?? entry.action}</td>
                <td className="student-content">{entry.detail ?? DASH}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
