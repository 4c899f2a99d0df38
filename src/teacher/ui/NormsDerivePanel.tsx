import { useMemo, useState } from 'react';
import { findInstrument, type Issue } from '../../../scoring/index.ts';
import type { LibraryRow } from '../../store/teacherDb.ts';
import {
  DEFAULT_MIN_GROUP_SIZE, deriveLocalNorms, instrumentsOfScreening, localNormsId, yearOfScreening, type LocalNormsRequest, type NormsGrouping,
} from '../workspace/localNorms.ts';
import { saveNormsOrPolicy } from '../workspace/normsPolicyImport.ts';
import { nextVersion } from '../workspace/policyForm.ts';
import { loadAggregateSettings } from './aggregateSettings.ts';
import { todayIso } from './download.ts';
import { IssueList } from './IssueList.tsx';
import { takenVersions, type WorkspaceLibrary } from './normsLibrary.ts';
import type { NormsText } from './normsText.ts';
import { screeningsIn } from './screenings.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** Local norms from a past screening: choose the screening, instrument and groups; see n per group; save. */
export function NormsDerivePanel({ library, text }: { library: WorkspaceLibrary; text: NormsText }) {
  const { records, locale, workspace } = useWorkspaceView();
  const screenings = useMemo(() => screeningsIn(records), [records]);
  const [chosenPlan, setPlan] = useState<string | undefined>();
  const plan = chosenPlan ?? screenings[0];
  const instruments = useMemo(() => (plan ? instrumentsOfScreening(records, plan) : [])
    .filter((id) => (findInstrument(library.catalog, id)?.scales.length ?? 0) > 0), [records, plan, library.catalog]);
  const [chosenInstrument, setInstrument] = useState<string | undefined>();
  const instrument = chosenInstrument !== undefined && instruments.includes(chosenInstrument) ? chosenInstrument : instruments[0];
  const [grouping, setGrouping] = useState<NormsGrouping>('band');
  const [bySex, setBySex] = useState(false);
  const [minimum, setMinimum] = useState(String(DEFAULT_MIN_GROUP_SIZE));
  const [includeQuestionable, setIncludeQuestionable] = useState(false);
  const [idOverride, setId] = useState<string | undefined>();
  const [versionOverride, setVersion] = useState<string | undefined>();
  const [nameOverride, setName] = useState<{ 'zh-CN'?: string; en?: string }>({});
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const year = plan ? yearOfScreening(records, plan) ?? new Date().getFullYear() : new Date().getFullYear();
  const abbreviation = instrument ? findInstrument(library.catalog, instrument)?.abbreviation ?? instrument : '';
  const id = idOverride ?? (instrument ? localNormsId(loadAggregateSettings().code || workspace.school, instrument, year) : '');
  const version = versionOverride ?? nextVersion(id, takenVersions(library, 'norms'));
  const name = {
    'zh-CN': nameOverride['zh-CN'] ?? `${workspace.school} ${year} 年 ${abbreviation} 本地常模`,
    en: nameOverride.en ?? `${workspace.school} ${year} ${abbreviation} local norms`,
  };

  // the statistics do not depend on the table's id, version or name: typing those does not derive again
  const derived = useMemo(() => {
    if (!plan || !instrument) return undefined;
    const request: LocalNormsRequest = {
      plan, instrument, grouping, bySex, minGroupSize: Number(minimum), includeQuestionable, id: 'local-norms', version: '1.0.0', name: { 'zh-CN': '-', en: '-' }, date: todayIso(),
    };
    return deriveLocalNorms(records, library.catalog, request);
  }, [records, library.catalog, plan, instrument, grouping, bySex, minimum, includeQuestionable]);

  if (!plan) return <p>{text.noScreenings}</p>;
  const derivedTable = derived?.ok ? derived.value.table : undefined;
  const table = derivedTable ? { ...derivedTable, id, version, name } : undefined;

  const save = async (status: LibraryRow['status']) => {
    if (!table) return;
    setBusy(true);
    const outcome = await saveNormsOrPolicy(workspace.db, table, status, new Date().toISOString(), library.shipped);
    setBusy(false);
    if (!outcome.ok) { setIssues(outcome.issues); setSaved(''); return; }
    setIssues([]);
    setSaved(text.saved(outcome.value.key.replace(/^norms:/, ''), status === 'published'));
    setId(undefined); setVersion(undefined);
    library.reload();
  };

  return (
    <div className="panel">
      <div className="form-grid">
        <label htmlFor="norms-plan">{text.screening}</label>
        <select id="norms-plan" value={plan} onChange={(event) => setPlan(event.target.value)}>
          {screenings.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
        </select>
        <label htmlFor="norms-instrument">{text.instrument}</label>
        <select id="norms-instrument" value={instrument ?? ''} onChange={(event) => { setInstrument(event.target.value); setId(undefined); setName({}); }}>
          {instruments.map((candidate) => <option key={candidate} value={candidate}>{findInstrument(library.catalog, candidate)?.abbreviation ?? candidate}</option>)}
        </select>
        <label htmlFor="norms-grouping">{text.grouping}</label>
        <select id="norms-grouping" value={grouping} onChange={(event) => setGrouping(event.target.value as NormsGrouping)}>
          <option value="band">{text.groupings.band}</option>
          <option value="grade">{text.groupings.grade}</option>
        </select>
        <label className="span"><input type="checkbox" checked={bySex} onChange={(event) => setBySex(event.target.checked)} /> {text.bySex}</label>
        <label htmlFor="norms-minimum">{text.minGroupSize}</label>
        <input id="norms-minimum" type="number" min={2} step={1} inputMode="numeric" value={minimum} onChange={(event) => setMinimum(event.target.value)} aria-describedby="norms-minimum-hint" />
        <p id="norms-minimum-hint" className="hint muted">{text.minGroupHint}</p>
        <label className="span"><input type="checkbox" checked={includeQuestionable} onChange={(event) => setIncludeQuestionable(event.target.checked)} /> {text.includeQuestionable}</label>
        <label htmlFor="norms-id">{text.tableId}</label>
        <input id="norms-id" value={id} onChange={(event) => setId(event.target.value.trim())} />
        <label htmlFor="norms-version">{text.version}</label>
        <input id="norms-version" value={version} onChange={(event) => setVersion(event.target.value.trim())} />
        <label htmlFor="norms-name-zh">{text.nameZh}</label>
        <input id="norms-name-zh" value={name['zh-CN']} onChange={(event) => setName((current) => ({ ...current, 'zh-CN': event.target.value }))} />
        <label htmlFor="norms-name-en">{text.nameEn}</label>
        <input id="norms-name-en" value={name.en} onChange={(event) => setName((current) => ({ ...current, en: event.target.value }))} />
      </div>
      {derived && !derived.ok && <IssueList issues={derived.issues} locale={locale} />}
      {derived?.ok && (
        <>
          <p>{text.cohort(derived.value.cohort)} <span className="muted">{text.excluded(derived.value.excluded.declined, derived.value.excluded.invalid, derived.value.excluded.questionable, derived.value.excluded.otherVersion)}</span></p>
          <table className="data">
            <caption>{text.groupsCaption}</caption>
            <thead>
              <tr><th scope="col">{text.scale}</th><th scope="col">{text.group}</th><th scope="col">{text.n}</th><th scope="col">{text.mean}</th><th scope="col">{text.sd}</th><th scope="col">{text.status}</th></tr>
            </thead>
            <tbody>
              {derived.value.groups.map((group) => (
                <tr key={`${group.scale}:${group.grades.join()}:${group.sex}`} className={group.status === 'derived' ? undefined : 'warning-cell'}>
                  <td>{group.scale}</td>
                  <th scope="row">{text.groupLabel(group.grades, group.sex)}</th>
                  <td>{group.n}</td>
                  <td>{group.mean ?? '—'}</td>
                  <td>{group.sd ?? '—'}</td>
                  <td>{text.statuses[group.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <IssueList issues={derived.value.issues} locale={locale} />
        </>
      )}
      <IssueList issues={issues} locale={locale} withPath />
      <div className="toolbar">
        <button type="button" className="primary" disabled={!table || busy} onClick={() => void save('published')}>{text.publish}</button>
        <button type="button" disabled={!table || busy} onClick={() => void save('draft')}>{text.saveDraft}</button>
      </div>
      {saved && <p className="notice" role="status">{saved}</p>}
    </div>
  );
}
