import { useMemo } from 'react';
import { TIERS } from '../../../scoring/index.ts';
import { gradesScreened, summarize, type GroupSummary } from '../workspace/summary.ts';
import { todayIso } from './download.ts';
import { cellText, protectSummary, summaryCellKey, type SummaryMeasure, type Suppression } from './smallCells.ts';
import { formatDay } from './studentDates.ts';
import { STUDENT_TEXT } from './studentText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';
import './student.css';

const PRINTING = 'report-printing';

/**
 * Prints only this report, whatever page it sits on: student.css hides everything else while the body
 * carries PRINTING. The class is taken off after printing, and a print started from the browser menu
 * prints the whole page as usual.
 */
function printThisReport(): void {
  document.body.classList.add(PRINTING);
  const done = () => {
    document.body.classList.remove(PRINTING);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

function SummaryRow({ label, group, hidden }: { label: string; group: GroupSummary; hidden: ReadonlyMap<string, Suppression> }) {
  const { locale } = useWorkspaceView();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const rate = (part: number, whole: number) => (whole === 0 ? '—' : percent.format(part / whole));
  const count = (measure: SummaryMeasure, value: number) => {
    const suppression = hidden.get(summaryCellKey(group, measure));
    return { shown: cellText(value, suppression), suppressed: suppression !== undefined };
  };
  const urgent = count('urgent', group.urgent);
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{group.roster}</td>
      <td>{group.completed}</td>
      <td>{group.declined}</td>
      <td>{group.absent}</td>
      <td>{rate(group.completed + group.declined, group.roster)}</td>
      {TIERS.map((tier) => {
        const cell = count(tier, group.tiers[tier]);
        // A rate would give a hidden count away (rate × completed), so it is hidden with it.
        return (
          <td key={tier} className={cell.suppressed ? 'report-suppressed' : undefined}>
            {cell.shown}<span className="report-rate">{cell.suppressed ? '' : rate(group.tiers[tier], group.completed)}</span>
          </td>
        );
      })}
      <td className={urgent.suppressed ? 'report-suppressed' : undefined}>{urgent.shown}</td>
    </tr>
  );
}

/** Without the plan's grades at hand, the grades that took part: other grades' students are not absent, just not screened. */
/**
 * A summary of one screening for the school's leaders, by grade and by class: roster, completed,
 * declined, absent, tier counts and rates, urgent flags. It has no names, numbers or scores, and
 * small cells are suppressed (smallCells.ts) so that no individual can be picked out.
 * `grades` are the plan's grades; without them, the grades in which anyone took this screening.
 */
export function ClassSummaryReport({ plan, grades }: { plan: string; grades?: ReadonlySet<number> }) {
  const { records, text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const summary = useMemo(() => summarize(records, plan, grades ?? gradesScreened(records, plan)), [records, plan, grades]);
  const hidden = useMemo(() => protectSummary(summary), [summary]);

  const head = (
    <thead>
      <tr>
        <th scope="col">{student.group}</th>
        <th scope="col">{text.roster}</th><th scope="col">{text.completed}</th><th scope="col">{text.declined}</th><th scope="col">{text.absent}</th>
        <th scope="col">{text.completion}</th>
        {TIERS.map((tier) => <th key={tier} scope="col">{text.tiers[tier]}<span className="report-rate">{student.rate}</span></th>)}
        <th scope="col">{text.urgent}</th>
      </tr>
    </thead>
  );
  return (
    <section className="report-class-summary" aria-labelledby="report-class-summary-title">
      <div className="report-head">
        <h2 id="report-class-summary-title">{student.classReportTitle}</h2>
        <button type="button" className="no-print" onClick={printThisReport}>{student.printClassReport}</button>
      </div>
      <p className="report-meta">{student.plan}{student.colon}{plan} · {student.generatedOn(formatDay(todayIso(), locale))}</p>
      <p className="report-notice">{student.classReportNotice}</p>
      <h3>{text.byGrade}</h3>
      <table className="report-table">
        {head}
        <tbody>
          <SummaryRow label={text.wholeSchool} group={summary.school} hidden={hidden} />
          {summary.grades.map((group) => <SummaryRow key={group.grade} label={text.grade(group.grade ?? 0)} group={group} hidden={hidden} />)}
        </tbody>
      </table>
      <h3>{text.byClass}</h3>
      <table className="report-table">
        {head}
        <tbody>
          {summary.classes.map((group) => <SummaryRow key={`${group.grade ?? 0}-${group.className ?? ''}`} label={group.className ?? ''} group={group} hidden={hidden} />)}
        </tbody>
      </table>
      <p className="report-footnote">{student.smallCellNote}</p>
    </section>
  );
}
