import { useEffect, useMemo, useState } from 'react';
import { shortRefOf, pickText } from '../../../scoring/index.ts';
import { aggregateOfScreening } from '../workspace/aggregateOfScreening.ts';
import { waveOfPlan } from '../workspace/summary.ts';
import { loadAggregateSettings, saveAggregateSettings } from './aggregateSettings.ts';
import { AGGREGATE_TEXT } from './aggregateText.ts';
import { signText } from '../../records/index.ts';
import { download } from './download.ts';
import { IssueList } from './IssueList.tsx';
import { OutgoingTable } from './OutgoingTable.tsx';
import { useScreeningPlans } from './useScreeningPlans.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** A file name the usual file systems accept: the school's name with path and reserved characters replaced. */
const fileSafe = (text: string): string => text.trim().replace(/[\\/:*?"<>|\s]+/g, '_') || 'school';

/**
 * The anonymous aggregate for the county bureau: choose the screening, give the school code, county
 * and k, read every statement of what will leave the school, then export exactly that file.
 */
export function AggregatePage() {
  const { workspace, records, locale } = useWorkspaceView();
  const text = AGGREGATE_TEXT[locale];
  const plans = useScreeningPlans(workspace.db);
  const [chosen, setChosen] = useState<string | undefined>();
  const [settings, setSettings] = useState(loadAggregateSettings);
  const [kText, setKText] = useState(String(settings.k));
  const [exported, setExported] = useState('');
  useEffect(() => saveAggregateSettings(settings), [settings]);

  const screening = plans?.find((candidate) => candidate.id === chosen) ?? plans?.[0];
  const ready = settings.code.trim() !== '' && settings.county.trim() !== '';
  const built = useMemo(() => {
    if (!screening || !ready) return undefined;
    return aggregateOfScreening({
      records, plan: screening.plan, ...(screening.grades ? { grades: screening.grades } : {}),
      school: { code: settings.code.trim(), name: workspace.school, county: settings.county.trim() },
      k: Number(kText), created: new Date().toISOString(),
    });
  }, [records, screening, ready, settings, kText, workspace.school]);
  useEffect(() => setExported(''), [built]);

  if (!plans) return null;
  if (!screening) return <section><h2>{text.title}</h2><p>{text.noPlans}</p></section>;
  const wavesOf = (id: string) => records.filter((record) => waveOfPlan(record, id)).length;
  const published = built?.ok ? built.value.published : undefined;
  const fileName = `${fileSafe(workspace.school)}-${shortRefOf(screening.plan)}.psyagg`;
  const exportFile = async () => {
    if (!published) return;
    // Signed with the school key, so the bureau can tell the file was not changed on the way.
    download(fileName, await signText(JSON.stringify(published, null, 2), workspace.key), 'application/json');
    setExported(text.exported(fileName));
  };

  return (
    <section className="aggregate-page">
      <h2>{text.title}</h2>
      <p className="muted">{text.intro}</p>
      <div className="panel form-grid">
        <label htmlFor="aggregate-plan">{text.screening}</label>
        <select id="aggregate-plan" value={screening.id} onChange={(event) => setChosen(event.target.value)}>
          {plans.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>{pickText(candidate.plan.name, locale)} · {candidate.id} {text.waves(wavesOf(candidate.id))}</option>
          ))}
        </select>
        <span>{text.schoolName}</span>
        <strong>{workspace.school}</strong>
        <label htmlFor="aggregate-code">{text.schoolCode}</label>
        <input id="aggregate-code" value={settings.code} autoComplete="off" onChange={(event) => setSettings({ ...settings, code: event.target.value })} />
        <span className="hint muted">{text.schoolCodeHint}</span>
        <label htmlFor="aggregate-county">{text.county}</label>
        <input id="aggregate-county" value={settings.county} autoComplete="off" onChange={(event) => setSettings({ ...settings, county: event.target.value })} />
        <span className="hint muted">{text.countyHint}</span>
        <label htmlFor="aggregate-k">{text.k}</label>
        <input id="aggregate-k" type="number" min={5} step={1} value={kText} onChange={(event) => {
          setKText(event.target.value);
          const k = Number(event.target.value);
          if (Number.isInteger(k) && k >= 5) setSettings({ ...settings, k });
        }} />
        <span className="hint muted">{text.kHint}</span>
        <p className="span muted">{text.remembered}</p>
      </div>
      {!ready && <p className="notice">{text.fillIn}</p>}
      {built && !built.ok && <><p className="warning">{text.cannotBuild}</p><IssueList issues={built.issues} locale={locale} withPath /></>}
      {published && (
        <>
          <h3>{text.outgoingTitle}</h3>
          <p className="muted">{text.outgoingIntro}</p>
          <p>{text.summary(published.cells.length, published.suppressed.length)}</p>
          <OutgoingTable aggregate={published} locale={locale} text={text} />
          <div className="toolbar">
            <button type="button" className="primary" onClick={() => void exportFile()}>{text.export}</button>
            <code>{fileName}</code>
          </div>
          {exported && <p className="notice" role="status">{exported}</p>}
        </>
      )}
    </section>
  );
}
