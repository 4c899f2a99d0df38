import { useMemo, useState } from 'react';
import { FOLLOW_UP_MEASURES, type FollowUpMeasure } from '../../../scoring/aggregate/schema.ts';
import type { Locale, RateEstimate } from '../../../scoring/index.ts';
import type { FileSet } from '../fileSet.ts';
import { followUpByUnit, followUpOf } from '../followUpRows.ts';
import { formatCount, formatPercent } from './cells.tsx';
import type { CountyText } from './countyText.ts';

function Rate({ estimate, locale }: { estimate: RateEstimate | undefined; locale: Locale }) {
  if (estimate?.rate === undefined) return <td className="number suppressed">—</td>;
  return (
    <td className="number rate">
      <span className="rate-value">{formatPercent(estimate.rate, locale)}</span>
      {estimate.interval && <span className="ci">{formatPercent(estimate.interval.low, locale)}–{formatPercent(estimate.interval.high, locale)}</span>}
    </td>
  );
}

/** What followed the flags: county rates with Wilson intervals, and one measure school by school. */
export function FollowUpPanel({ set, text, locale }: { set: FileSet; text: CountyText; locale: Locale }) {
  const [measure, setMeasure] = useState<FollowUpMeasure>('within7Days');
  const view = useMemo(() => (set.merged ? followUpOf(set.merged) : undefined), [set.merged]);
  const units = useMemo(() => followUpByUnit(set.files, measure), [set.files, measure]);
  return (
    <section className="panel follow-up" aria-labelledby="follow-up-title">
      <h3 id="follow-up-title">{text.followTitle}</h3>
      <p className="muted">{text.followIntro}</p>
      {!view ? <p>{text.followNone}</p> : (
        <>
          <table className="data follow-up-rates">
            <thead><tr><th>{text.followMeasure}</th><th className="number">{text.followRate}</th><th className="number">{text.followCount}</th><th className="number">{text.followCovers}</th></tr></thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.measure} data-measure={row.measure}>
                  <th scope="row">{text.followMeasures[row.measure]}</th>
                  <Rate estimate={row.rate} locale={locale} />
                  <td className="number">{row.rate ? `${formatCount(row.rate.count, locale)} / ${formatCount(row.rate.n, locale)}` : text.followWithheld}</td>
                  <td className="number">{text.followCoverage(row.rate?.n ?? 0, view.highInCells)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="section-head">
            <h4>{text.followBySchool}</h4>
            <label className="inline-control">{text.followMeasure}{' '}
              <select value={measure} onChange={(event) => setMeasure(event.target.value as FollowUpMeasure)}>
                {FOLLOW_UP_MEASURES.map((candidate) => <option key={candidate} value={candidate}>{text.followMeasures[candidate]}</option>)}
              </select>
            </label>
          </div>
          <div className="table-scroll">
            <table className="data follow-up-units">
              <thead><tr><th>{text.code}</th><th>{text.trendSchool}</th><th className="number">{text.followRate}</th><th className="number">{text.followCount}</th></tr></thead>
              <tbody>
                {units.map((unit) => (
                  <tr key={unit.code || unit.name}>
                    <td><code>{unit.code}</code></td><td>{unit.name}</td><Rate estimate={unit.rate} locale={locale} />
                    <td className="number">{unit.rate ? `${formatCount(unit.rate.count, locale)} / ${formatCount(unit.rate.n, locale)}` : unit.hasFollowUp ? text.followWithheld : text.followNotSent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
