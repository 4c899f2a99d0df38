import { useMemo, useState } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import type { FileSet } from '../fileSet.ts';
import type { ExpectedSchool } from '../schoolList/schema.ts';
import { TREND_MEASURES, trendsOf, type TrendMeasure, type TrendSeries } from '../trends.ts';
import type { BureauText } from './bureauText.ts';
import { formatPercent } from './cells.tsx';
import type { CountyText } from './countyText.ts';
import { TrendChart } from './TrendChart.tsx';

/** Any number of school years side by side: the county, the senior tracks, and one school against the county. */
export function TrendsPanel({ years, list, text, county, locale }: { years: readonly { year: string; set: FileSet }[]; list: readonly ExpectedSchool[]; text: BureauText; county: CountyText; locale: Locale }) {
  const [measure, setMeasure] = useState<TrendMeasure>('high');
  const [school, setSchool] = useState('');
  const trends = useMemo(() => trendsOf(years, measure, list, { county: county.trendCounty, general: county.trendGeneral, vocational: county.trendVocational }), [years, measure, list, county]);
  const picked = trends.units.find((unit) => unit.id === school);
  const measureName = (candidate: TrendMeasure) => (candidate === 'participation' ? text.participation : text.funnelMeasures[candidate]);
  const lines = [trends.county, ...trends.tracks, ...(picked ? [picked] : [])];
  const row = (series: TrendSeries, kind: string) => (
    <tr key={`${kind}-${series.id}`} className={kind}>
      <th scope="row">{series.name}{kind === 'unit' && <> <code>{series.id}</code></>}</th>
      {series.points.map((point) => (
        <td key={point.year} className={point.estimate ? 'number rate' : 'number suppressed'}>
          {point.estimate?.rate === undefined ? '—' : (
            <>
              <span className="rate-value">{formatPercent(point.estimate.rate, locale)}</span>
              {point.partial && <span className="partial-mark">{text.partialMark}</span>}
              {point.estimate.interval && <span className="ci">{formatPercent(point.estimate.interval.low, locale)}–{formatPercent(point.estimate.interval.high, locale)}</span>}
            </>
          )}
        </td>
      ))}
      <td className={`number change ${series.change?.direction ?? ''}`}>{series.change ? `${series.change.difference >= 0 ? '+' : '−'}${formatPercent(Math.abs(series.change.difference), locale)} ${text.directions[series.change.direction]}` : ''}</td>
    </tr>
  );
  return (
    <section className="panel trends" aria-labelledby="trends-title">
      <div className="section-head">
        <h3 id="trends-title">{county.trendTitle}</h3>
        <label className="inline-control">{text.measure}{' '}
          <select value={measure} onChange={(event) => setMeasure(event.target.value as TrendMeasure)}>
            {TREND_MEASURES.map((candidate) => <option key={candidate} value={candidate}>{measureName(candidate)}</option>)}
          </select>
        </label>
        <label className="inline-control">{county.trendPick}{' '}
          <select value={school} onChange={(event) => setSchool(event.target.value)}>
            <option value="">{county.trendAllSchools}</option>
            {trends.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.name} ({unit.id})</option>)}
          </select>
        </label>
      </div>
      <p className="muted">{county.trendIntro}</p>
      <div className="chart-scroll"><TrendChart years={trends.years} series={lines} locale={locale} title={`${county.trendTitle}: ${measureName(measure)}`} /></div>
      <div className="table-scroll">
        <table className="data trend-table">
          <thead><tr><th>{county.trendSchool}</th>{trends.years.map((year) => <th key={year} className="number">{year}</th>)}<th className="number">{text.change}</th></tr></thead>
          <tbody>
            {row(trends.county, 'county')}
            {trends.tracks.map((series) => row(series, 'track'))}
            {trends.units.map((series) => row(series, 'unit'))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
