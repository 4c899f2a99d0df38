import { formatDate } from './studentDates.ts';
import { STUDENT_TEXT } from './studentText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/**
 * The individual report is the student page itself, printed: student.css hides the navigation, the
 * forms, older waves, item answers and the audit log, and shows this heading, so that what leaves the
 * printer is the latest wave's scores, profile and tiers with the follow-up summary (an A4 page or two).
 */
export function StudentReportHead() {
  const { text, locale } = useWorkspaceView();
  return (
    <header className="student-report-head student-report-only">
      <p className="student-report-title">{text.reportTitle}</p>
      <p className="student-report-notice">{text.reportNotice}</p>
      <p className="student-report-date">{STUDENT_TEXT[locale].printedOn(formatDate(new Date().toISOString(), locale))}</p>
    </header>
  );
}

/** The browser's own print dialog also saves as PDF; nothing is generated or sent anywhere. */
export function PrintReportButton() {
  const { text } = useWorkspaceView();
  return <button type="button" className="student-print no-print" onClick={() => window.print()}>{text.print}</button>;
}
