import { useState, type RefObject } from 'react';
import type { Issue, Locale } from '../../../scoring/index.ts';
import { download, todayIso } from '../../teacher/ui/download.ts';
import { toCsv } from '../csv.ts';
import { describeIssue, describeIssueWithPath } from '../../issueMessages.ts';
import type { FileSet } from '../fileSet.ts';
import { FUNNEL_FRAME } from '../funnelGeometry.ts';
import { mergedForNextLevel } from '../nextLevel.ts';
import type { ExportTable } from '../tables.ts';
import type { BureauText } from './bureauText.ts';
import { svgFileText, svgToPng } from './chartImage.ts';
import { tablesToXlsx } from './excel.ts';
import type { BureauSettings } from './settings.ts';

const fileSafe = (text: string): string => text.trim().replace(/[\\/:*?"<>|\s]+/g, '_');

/** Tables as CSV (one file per table) or one Excel workbook, the funnel plot as SVG or PNG, and the stamped merged file. */
export function ExportPanel({ current, tables, svgRef, hasChart, settings, text, locale }: {
  current: FileSet; tables: () => ExportTable[]; svgRef: RefObject<SVGSVGElement | null>; hasChart: boolean; settings: BureauSettings; text: BureauText; locale: Locale;
}) {
  const [done, setDone] = useState('');
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const year = current.merged?.schoolYear ?? '';
  const base = `${fileSafe(settings.code || settings.name || 'bureau')}-${year}`;
  const finished = (name: string) => {
    setIssues([]);
    setDone(text.exported(name));
  };
  const csv = (table: ExportTable) => {
    const name = `${base}-${fileSafe(table.name)}.csv`;
    download(name, toCsv(table), 'text/csv;charset=utf-8');
    finished(name);
  };
  const excel = async () => {
    const name = `${base}.xlsx`;
    download(name, await tablesToXlsx(tables()));
    finished(name);
  };
  const svg = () => {
    if (!svgRef.current) return;
    const name = `${base}-funnel.svg`;
    download(name, svgFileText(svgRef.current), 'image/svg+xml');
    finished(name);
  };
  const png = async () => {
    if (!svgRef.current) return;
    const name = `${base}-funnel.png`;
    download(name, await svgToPng(svgFileText(svgRef.current), FUNNEL_FRAME.width, FUNNEL_FRAME.height));
    finished(name);
  };
  const merged = () => {
    const outcome = mergedForNextLevel(current, { level: settings.level, code: settings.code, name: settings.name }, `${todayIso()}`);
    if (!outcome.ok) {
      setDone('');
      setIssues(outcome.issues);
      return;
    }
    download(outcome.value.fileName, JSON.stringify(outcome.value.aggregate, null, 2), 'application/json');
    finished(outcome.value.fileName);
  };
  return (
    <section className="panel export-panel" aria-labelledby="export-title">
      <h3 id="export-title">{text.exportTitle}</h3>
      <div className="toolbar">
        <span>{text.exportCsv}:</span>
        {tables().map((table) => <button key={table.name} type="button" onClick={() => csv(table)}>{table.name}</button>)}
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void excel()}>{text.exportExcel}</button>
        <button type="button" disabled={!hasChart} onClick={svg}>{text.exportSvg}</button>
        <button type="button" disabled={!hasChart} onClick={() => void png()}>{text.exportPng}</button>
      </div>
      <div className="toolbar">
        <button type="button" className="primary" onClick={merged}>{text.exportMerged}</button>
        <span className="muted">{text.exportMergedHint}</span>
      </div>
      {issues.length > 0 && <ul className="issues" role="alert">{issues.map((found, index) => <li key={index}>{(found.path.length > 0 ? describeIssueWithPath(found, locale) : describeIssue(found, locale))}</li>)}</ul>}
      {done && <p className="notice" role="status">{done}</p>}
    </section>
  );
}
