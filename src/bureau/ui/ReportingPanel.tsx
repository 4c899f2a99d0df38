import { useMemo } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import { download } from '../../teacher/ui/download.ts';
import { toCsv } from '../csv.ts';
import type { FileSet } from '../fileSet.ts';
import { reminderTable } from '../schoolList/reminderTable.ts';
import { reportingOf } from '../schoolList/reporting.ts';
import { SCHOOL_TYPE_LABELS, type SchoolList } from '../schoolList/schema.ts';
import { formatCount, formatPercent } from './cells.tsx';
import type { CountyText } from './countyText.ts';
import { tablesToXlsx } from './excel.ts';

/** Who of the list reported this year, who did not (with the reminder list to export), and participation against enrolment. */
export function ReportingPanel({ list, set, text, locale }: { list: SchoolList; set: FileSet; text: CountyText; locale: Locale }) {
  const reporting = useMemo(() => reportingOf(list.schools, set), [list, set]);
  const year = set.merged?.schoolYear ?? '';
  const reminders = () => reminderTable(reporting.missing, year, locale);
  const rate = reporting.participation;
  return (
    <section className="panel reporting" aria-labelledby="reporting-title">
      <h3 id="reporting-title">{text.reportingTitle}</h3>
      <p className="loaded-summary">{text.reportingSummary(reporting.reported, list.schools.length, year)}</p>
      {rate?.rate !== undefined && (
        <p className="county-participation">{text.countyParticipation}: <strong>{formatPercent(rate.rate, locale)}</strong>{' '}
          <span className="muted">({formatCount(rate.count, locale)} / {formatCount(rate.n, locale)}{rate.interval ? `; ${formatPercent(rate.interval.low, locale)}–${formatPercent(rate.interval.high, locale)}` : ''})</span>
        </p>
      )}
      {reporting.withoutEnrolment > 0 && <p className="muted">{text.withoutEnrolment(reporting.withoutEnrolment)}</p>}
      {reporting.inMergedFiles > 0 && <p className="muted">{text.mergedUnknown(reporting.inMergedFiles)}</p>}
      <h4>{text.missingTitle} ({reporting.missing.length})</h4>
      {reporting.missing.length === 0 ? <p>{text.noneMissing}</p> : (
        <>
          <div className="table-scroll">
            <table className="data missing-schools">
              <thead><tr><th>{text.code}</th><th>{text.trendSchool}</th><th>{text.type}</th><th>{text.district}</th><th className="number">{text.enrolment}</th></tr></thead>
              <tbody>
                {reporting.missing.map((school) => (
                  <tr key={school.code}><td><code>{school.code}</code></td><td>{school.name}</td><td>{SCHOOL_TYPE_LABELS[school.type][locale]}</td><td>{school.district}</td>
                    <td className="number">{school.enrolment === undefined ? '' : formatCount(school.enrolment, locale)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="toolbar">
            <button type="button" onClick={() => { const table = reminders(); download(`${table.name}.csv`, toCsv(table), 'text/csv;charset=utf-8'); }}>{text.exportReminderCsv}</button>
            <button type="button" onClick={() => { const table = reminders(); void tablesToXlsx([table]).then((blob) => download(`${table.name}.xlsx`, blob)); }}>{text.exportReminderXlsx}</button>
          </div>
        </>
      )}
      {reporting.unlisted.length > 0 && (
        <>
          <h4>{text.unlistedTitle} ({reporting.unlisted.length})</h4>
          <ul className="unlisted">{reporting.unlisted.map((school) => <li key={school.code}><code>{school.code}</code> {school.name} <span className="muted">{school.file}</span></li>)}</ul>
        </>
      )}
      <details>
        <summary>{text.showAll(reporting.rows.length)}</summary>
        <div className="table-scroll">
          <table className="data expected-schools">
            <thead><tr><th>{text.trendSchool}</th><th>{text.type}</th><th>{text.status}</th><th className="number">{text.completed}</th><th className="number">{text.enrolment}</th><th className="number">{text.participation}</th></tr></thead>
            <tbody>
              {reporting.rows.map((row) => (
                <tr key={row.school.code} className={row.file ? 'reported' : 'not-reported'}>
                  <td>{row.school.name} <code>{row.school.code}</code></td><td>{SCHOOL_TYPE_LABELS[row.school.type][locale]}</td>
                  <td>{row.file ? text.reported : <strong className="warning-text">{text.notReported}</strong>}</td>
                  <td className="number">{row.completed === undefined ? '' : formatCount(row.completed, locale)}</td>
                  <td className="number">{row.school.enrolment === undefined ? '' : formatCount(row.school.enrolment, locale)}</td>
                  <td className="number">{row.participation?.rate === undefined ? '' : formatPercent(row.participation.rate, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
