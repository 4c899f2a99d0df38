import { useMemo, useRef, useState } from 'react';
import type { Aggregate, Locale } from '../../../scoring/index.ts';
import { FUNNEL_MEASURES, funnelOf, type FunnelMeasure } from '../funnel.ts';
import { groupRows, measuresOf } from '../groupRows.ts';
import type { FileSet } from '../fileSet.ts';
import { dashboardTables } from '../tables.ts';
import { unitRow, unitRows } from '../unitRows.ts';
import { rateChange, yearOverYear } from '../yearOverYear.ts';
import type { BureauText } from './bureauText.ts';
import { formatCount, formatPercent } from './cells.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { FunnelPlot } from './FunnelPlot.tsx';
import { GroupTable } from './GroupTable.tsx';
import type { SchoolList } from '../schoolList/schema.ts';
import type { CountyText } from './countyText.ts';
import { FollowUpPanel } from './FollowUpPanel.tsx';
import { ReportingPanel } from './ReportingPanel.tsx';
import type { BureauSettings } from './settings.ts';
import { TrendsPanel } from './TrendsPanel.tsx';
import { UnitTable } from './UnitTable.tsx';
import { YearOverYearTable } from './YearOverYearTable.tsx';

const totalOf = (merged: Aggregate) => unitRow({ id: 'total', name: '', aggregate: merged });

/** The county dashboard over the current set (and the comparison set, for the change year over year). */
export function Dashboard({ current, comparison, years, list, settings, text, county, locale }: {
  current: FileSet; comparison: FileSet; years: readonly { year: string; set: FileSet }[]; list: SchoolList | undefined; settings: BureauSettings; text: BureauText; county: CountyText; locale: Locale;
}) {
  const merged = current.merged;
  const [measure, setMeasure] = useState('battery');
  const [funnelMeasure, setFunnelMeasure] = useState<FunnelMeasure>('high');
  const svgRef = useRef<SVGSVGElement>(null);
  const units = useMemo(() => unitRows(current.files), [current.files]);
  const earlierUnits = useMemo(() => unitRows(comparison.files), [comparison.files]);
  const measures = useMemo(() => (merged ? measuresOf(merged) : []), [merged]);
  const shownMeasure = measures.includes(measure) ? measure : 'battery';
  const groups = useMemo(() => (merged ? groupRows(merged, shownMeasure) : undefined), [merged, shownMeasure]);
  const funnel = useMemo(() => funnelOf(units, funnelMeasure), [units, funnelMeasure]);
  const yoy = useMemo(() => (merged && comparison.merged
    ? yearOverYear({ year: merged.schoolYear, units }, { year: comparison.merged.schoolYear, units: earlierUnits }, funnelMeasure)
    : undefined), [merged, comparison.merged, units, earlierUnits, funnelMeasure]);
  const overall = useMemo(() => {
    if (!merged || !comparison.merged) return undefined;
    const [earlier, later] = merged.schoolYear <= comparison.merged.schoolYear ? [merged, comparison.merged] : [comparison.merged, merged];
    const before = totalOf(earlier)[funnelMeasure];
    const after = totalOf(later)[funnelMeasure];
    return { ...(before ? { earlier: before } : {}), ...(after ? { later: after } : {}), change: before && after ? rateChange(before, after) : undefined };
  }, [merged, comparison.merged, funnelMeasure]);

  if (!merged || !groups) return <section className="panel"><h2>{text.dashboard}</h2><p>{text.noDashboard}</p></section>;
  const k = merged.k;
  const tables = () => dashboardTables({ units, groups, funnel, yoy, k }, text);
  const measureLabel = (candidate: string) => (candidate === 'battery' ? text.battery : candidate);
  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">{text.dashboard} <span className="muted">{merged.schoolYear}</span></h2>

      {list && <ReportingPanel list={list} set={current} text={county} locale={locale} />}

      <section className="panel" aria-labelledby="units-title">
        <h3 id="units-title">{text.schoolsTitle}</h3>
        <p className="muted">{text.schoolsIntro}</p>
        <UnitTable units={units} k={k} text={text} locale={locale} />
      </section>

      <FollowUpPanel set={current} text={county} locale={locale} />

      <section className="panel" aria-labelledby="groups-title">
        <div className="section-head">
          <h3 id="groups-title">{text.groupsTitle}</h3>
          <label className="inline-control">{text.measure}{' '}
            <select value={shownMeasure} onChange={(event) => setMeasure(event.target.value)}>
              {measures.map((candidate) => <option key={candidate} value={candidate}>{measureLabel(candidate)}</option>)}
            </select>
          </label>
        </div>
        <div className="group-tables">
          <GroupTable caption={text.byGrade} rows={groups.byGrade} k={k} text={text} locale={locale} battery={shownMeasure === 'battery'} />
          <GroupTable caption={text.bySex} rows={groups.bySex} k={k} text={text} locale={locale} battery={shownMeasure === 'battery'} />
        </div>
        <GroupTable caption={text.cells} rows={groups.cells} k={k} text={text} locale={locale} battery={shownMeasure === 'battery'} />
      </section>

      <section className="panel" aria-labelledby="funnel-title">
        <div className="section-head">
          <h3 id="funnel-title">{text.funnelTitle}</h3>
          <label className="inline-control">{text.measure}{' '}
            <select value={funnelMeasure} onChange={(event) => setFunnelMeasure(event.target.value as FunnelMeasure)}>
              {FUNNEL_MEASURES.map((candidate) => <option key={candidate} value={candidate}>{text.funnelMeasures[candidate]}</option>)}
            </select>
          </label>
        </div>
        {funnel && (
          <>
            <p className="muted">{text.funnelIntro(formatPercent(funnel.rate, locale))}</p>
            <div className="chart-scroll"><FunnelPlot funnel={funnel} text={text} locale={locale} svgRef={svgRef} /></div>
            <h4>{text.above}</h4>
            {funnel.above.length === 0 ? <p>{text.noneAbove}</p> : (
              <ul className="funnel-above">
                {funnel.above.map((point) => (
                  <li key={point.id}>
                    <strong>{point.name}</strong> <code>{point.code}</code>{' '}
                    {formatPercent(point.rate, locale)} (n = {formatCount(point.n, locale)}; {text.pooledLine} {formatPercent(funnel.rate, locale)})
                  </li>
                ))}
              </ul>
            )}
            {funnel.unplotted.length > 0 && <p className="muted">{text.unplotted(funnel.unplotted.length)}</p>}
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="yoy-title">
        <h3 id="yoy-title">{text.yoyTitle} <span className="muted">{text.funnelMeasures[funnelMeasure]}</span></h3>
        {yoy && overall ? <YearOverYearTable yoy={yoy} overall={overall} k={k} text={text} locale={locale} /> : <p className="muted">{text.yoyNeedsTwo}</p>}
      </section>

      {years.length >= 2 ? <TrendsPanel years={years} list={list?.schools ?? []} text={text} county={county} locale={locale} /> : <section className="panel"><h3>{county.trendTitle}</h3><p className="muted">{county.trendNeedsYears}</p></section>}

      <ExportPanel current={current} tables={tables} svgRef={svgRef} hasChart={funnel !== undefined} settings={settings} text={text} locale={locale} />
    </section>
  );
}
