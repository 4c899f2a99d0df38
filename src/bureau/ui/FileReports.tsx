import type { Locale } from '../../../scoring/index.ts';
import type { FileReport } from '../admit.ts';
import { describeIssue, describeIssueWithPath } from '../../issueMessages.ts';
import { formatKeyId } from '../../records/keyId.ts';
import type { BureauText } from './bureauText.ts';

/** What became of each file of the latest import: refused files first, each with its reason; loaded files folded away. */
export function FileReports({ reports, text, locale }: { reports: readonly FileReport[]; text: BureauText; locale: Locale }) {
  if (reports.length === 0) return null;
  const refused = reports.filter((report) => !report.accepted);
  const accepted = reports.filter((report) => report.accepted);
  return (
    <div className="file-reports" role="status">
      <p>{text.reportSummary(accepted.length, refused.length)}</p>
      {refused.length > 0 && (
        <ul className="refused" role="alert">
          {refused.map((report, index) => {
            if (report.accepted) return null;
            const [reason, ...details] = report.issues;
            return (
              <li key={index}>
                <strong className="report-status rejected">{text.rejected}</strong> <span className="report-file">{report.file}</span>
                <div className="report-reason">{reason ? describeIssue(reason, locale) : ''}</div>
                {details.length > 0 && (
                  <ul className="report-details">
                    {details.slice(0, 5).map((found, i) => <li key={i}>{(found.path.length > 0 ? describeIssueWithPath(found, locale) : describeIssue(found, locale))}</li>)}
                    {details.length > 5 && <li>…</li>}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {accepted.length > 0 && (
        <details>
          <summary>{text.accepted} ({accepted.length})</summary>
          <ul className="accepted">
            {accepted.map((report, index) => report.accepted && (
              <li key={index}><strong className="report-status accepted">{text.accepted}</strong> <span className="report-file">{report.file}</span> <span className="muted">{text.acceptedDetail(report.schools, report.year)}</span>{' '}
                <span className={report.signedBy ? 'signed' : 'unsigned'}>{report.signedBy ? text.signedBy(report.signedBy.keyName, formatKeyId(report.signedBy.keyId)) : text.unsigned}</span>
                {report.key && text.keyStatus[report.key] && <span className={`key-status ${report.key}`}> · {text.keyStatus[report.key]}</span>}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
