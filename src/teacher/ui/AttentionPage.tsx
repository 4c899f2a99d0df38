import { useMemo, useState } from 'react';
import { bundledCatalog } from '../../library/bundled.ts';
import { attentionList } from '../workspace/attention.ts';
import { attentionExportRows, attentionReasons } from '../workspace/attentionRows.ts';
import { download, todayIso } from './download.ts';
import { xlsxBlob } from './excel.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

type SortKey = 'priority' | 'className' | 'nextDue';

/** 重点关注学生清单: filter by class, sort, open a student, export for the psychologist or the class teacher. */
export function AttentionPage() {
  const { records, text, locale, navigate, workspace } = useWorkspaceView();
  const today = todayIso();
  const all = useMemo(() => attentionList(records, today), [records, today]);
  const classes = useMemo(() => [...new Set(all.map((entry) => entry.record.identity.className))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [all]);
  const [className, setClassName] = useState('');
  const [sort, setSort] = useState<SortKey>('priority');
  const shown = useMemo(() => {
    const filtered = all.filter((entry) => !className || entry.record.identity.className === className);
    if (sort === 'className') return [...filtered].sort((a, b) => a.record.identity.className.localeCompare(b.record.identity.className, 'zh-CN'));
    if (sort === 'nextDue') return [...filtered].sort((a, b) => (a.nextDue ?? '0000').localeCompare(b.nextDue ?? '0000'));
    return filtered;
  }, [all, className, sort]);

  const exportTo = async (view: 'psychologist' | 'class_teacher') => {
    const rows = attentionExportRows(shown, locale, view, bundledCatalog);
    const header = [text.name, text.studentNumber, text.className, ...(view === 'psychologist' ? [text.computed] : []), text.confirmed, text.urgent, ...(view === 'psychologist' ? [text.why] : []), text.nextDue, text.lastContact];
    const body = rows.map((row) => [
      row.name, row.studentNumber, row.className, ...(row.computedTier ? [text.tierShort[row.computedTier]] : []), text.tierShort[row.currentTier], row.urgent ? text.urgent : '',
      ...(row.reasons !== undefined ? [row.reasons] : []), row.nextDue, row.lastContact,
    ]);
    const suffix = view === 'psychologist' ? '重点关注' : '班主任视图';
    download(`${workspace.school}-${suffix}-${today}${className ? `-${className}` : ''}.xlsx`, await xlsxBlob(header, body));
  };

  return (
    <section>
      <div className="page-head">
        <h2>{text.attentionTitle}</h2>
        <span className="muted">{shown.length} / {all.length}</span>
      </div>
      <p className="muted">{text.attentionIntro}</p>
      <div className="toolbar">
        <label>{text.filterClass}{' '}
          <select value={className} onChange={(event) => setClassName(event.target.value)}>
            <option value="">{text.allClasses}</option>
            {classes.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
        <label>⇅{' '}
          <select value={sort} onChange={(event) => setSort(event.target.value as SortKey)} aria-label="sort">
            <option value="priority">{text.urgent} / {text.tiers.high}</option>
            <option value="className">{text.className}</option>
            <option value="nextDue">{text.nextDue}</option>
          </select>
        </label>
        <button type="button" onClick={() => void exportTo('psychologist')} disabled={shown.length === 0}>{text.exportExcel}</button>
        <button type="button" onClick={() => void exportTo('class_teacher')} disabled={shown.length === 0}>{text.exportClassView}</button>
      </div>
      {shown.length === 0 ? <p>{text.empty}</p> : (
        <table className="data attention">
          <thead>
            <tr>
              <th scope="col">{text.name}</th><th scope="col">{text.className}</th><th scope="col">{text.computed}</th><th scope="col">{text.confirmed}</th>
              <th scope="col">{text.why}</th><th scope="col">{text.nextDue}</th><th scope="col">{text.lastContact}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.record.id} className={entry.urgent ? 'urgent-row' : undefined}>
                <th scope="row">
                  <a href={`#/student/${entry.record.id}`} onClick={(event) => { event.preventDefault(); navigate({ page: 'student', id: entry.record.id }); }}>{entry.record.identity.name}</a>
                  {entry.urgent && <strong className="badge urgent">{text.urgent}</strong>}
                  {entry.acute && <strong className="badge acute">{text.acute}</strong>}
                </th>
                <td>{entry.record.identity.className}</td>
                <td><span className={`tier tier-${entry.computedTier}`}>{text.tierShort[entry.computedTier]}</span></td>
                <td>{entry.confirmed ? <span className={`tier tier-${entry.currentTier}`}>{text.tierShort[entry.currentTier]}</span> : text.none}</td>
                <td className="reasons">{attentionReasons(entry, locale, bundledCatalog).join('；')}</td>
                <td className={entry.overdue ? 'overdue' : undefined}>{entry.nextDue ?? text.none}{entry.overdue && <span className="badge">{text.overdue}</span>}</td>
                <td>{entry.lastContact ? `${entry.lastContact.at.slice(0, 10)} ${text.kinds[entry.lastContact.kind]}` : text.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
