import type { Locale } from '../../../scoring/index.ts';
import type { BatchFileReport } from '../workspace/workspace.ts';
import { IssueList } from './IssueList.tsx';
import { DUPLICATE_TEXT } from './monitor/duplicateText.ts';
import type { TeacherText } from './text.ts';

/** What an import did, one row per batch: new, duplicate, other key, damaged, not on the roster, possible second submissions, receipt. */
export function ImportReport({ reports, text, locale, showReceipt = true }: { reports: readonly BatchFileReport[]; text: TeacherText; locale: Locale; showReceipt?: boolean }) {
  if (reports.length === 0) return null;
  const columns = showReceipt ? 7 : 6;
  return (
    <table className="data import-report">
      <thead>
        <tr>
          <th scope="col" /><th scope="col">{text.reportNew}</th><th scope="col">{text.reportDuplicate}</th><th scope="col">{text.reportOtherKey}</th><th scope="col">{text.reportDamaged}</th><th scope="col">{text.reportUnmatched}</th><th scope="col">{DUPLICATE_TEXT[locale].reportColumn}</th>
          {showReceipt && <th scope="col">{text.receipt}</th>}
        </tr>
      </thead>
      <tbody>
        {reports.map((report, index) => report.outcome.ok ? (
          <tr key={index}>
            <th scope="row">{report.file}</th>
            <td>{report.outcome.value.new}</td><td>{report.outcome.value.duplicate}</td><td>{report.outcome.value.forOtherKey}</td>
            <td className={report.outcome.value.damaged > 0 ? 'warning-cell' : undefined}>{report.outcome.value.damaged}</td>
            <td>{report.outcome.value.filed.unmatched.length}</td>
            <td className={report.outcome.value.filed.possibleDuplicates.length > 0 ? 'warning-cell' : undefined}>{report.outcome.value.filed.possibleDuplicates.length}</td>
            {showReceipt && <td>{report.outcome.value.receipt ? <code className="receipt">{report.outcome.value.receipt}</code> : text.none}</td>}
          </tr>
        ) : (
          <tr key={index}>
            <th scope="row">{report.file}</th>
            <td colSpan={columns}><span className="warning">{text.fileRejected}</span><IssueList issues={report.outcome.issues} locale={locale} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
