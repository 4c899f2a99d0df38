import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { findInstrument, normsFor, shortRefOf, type BandChoice, type Catalog, type Instrument, type Issue, type Locale } from '../../../scoring/index.ts';
import { randomBytes } from '../../crypto/index.ts';
import { browserRosterSealer } from './rosterWorkers.ts';
import { isSchoolEdit } from '../workspace/instrumentLibrary.ts';
import type { PlanRow } from '../../store/teacherDb.ts';
import { bandsForGrades, batteryOrder, buildScreeningPlan, defaultSetup, instrumentsForBand, sessionCodeSecret, unverifiedInPlan, type BandSetup, type ScreeningPlanRequest } from '../workspace/screeningPlan.ts';
import { formatSessionCode } from '../../kiosk/signInCode.ts';
import { download } from './download.ts';
import { lookupsSecret } from '../workspace/partial.ts';
import { IssueList } from './IssueList.tsx';
import { PlanTextsEditor } from './PlanTextsEditor.tsx';
import { useWorkspaceLibrary, type WorkspaceLibrary } from './normsLibrary.ts';
import { NORMS_TEXT, type NormsText } from './normsText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';
import type { TeacherText } from './text.ts';
import { localDay } from '../../common/index.ts';

type Setup = Required<BandSetup>;

/** The norm tables offered for an instrument: the school's own (derived) first, then the shipped ones. */
function normOptions(catalog: Catalog, instrumentId: string) {
  const def = findInstrument(catalog, instrumentId);
  if (!def) return [];
  return normsFor(catalog, def).sort((a, b) => Number(a.derived === undefined) - Number(b.derived === undefined));
}

interface BandChoicesProps {
  readonly band: BandChoice;
  readonly setup: Setup;
  readonly onChange: (setup: Setup) => void;
  readonly catalog: Catalog;
  readonly shipped: Catalog;
  readonly text: NormsText;
  readonly locale: Locale;
}

/** A band's battery (in giving order), the norm tables of its instruments and its tier policy. */
function BandChoices({ band, setup, onChange, catalog, shipped, text, locale }: BandChoicesProps) {
  const offered = instrumentsForBand(catalog, band);
  const chosen = batteryOrder(offered.map((def) => def.id).filter((id) => setup.instruments.includes(id)));
  const tables = chosen.flatMap((id) => normOptions(catalog, id));
  const instrumentOf = (ref: string) => catalog.norms.find((table) => shortRefOf(table) === ref)?.instrument ?? '';
  const toggleInstrument = (id: string) => {
    const adding = !chosen.includes(id);
    const instruments = batteryOrder(offered.map((def) => def.id).filter((candidate) => (candidate === id ? adding : chosen.includes(candidate))));
    // an instrument added gets the shipped norm tables it would have by default
    const added = adding ? normOptions(catalog, id).filter((table) => shipped.norms.includes(table)).map(shortRefOf) : [];
    onChange({ ...setup, instruments, norms: [...setup.norms, ...added].filter((ref) => instruments.includes(instrumentOf(ref))) });
  };
  const toggleNorms = (ref: string) => {
    const norms = setup.norms.includes(ref) ? setup.norms.filter((candidate) => candidate !== ref) : [...setup.norms, ref];
    onChange({ ...setup, norms: tables.map(shortRefOf).filter((candidate) => norms.includes(candidate)) });
  };
  const prefix = `plan-band-${band.id}`;
  // The newest version is offered; where the school published its own version of a shipped instrument, say so.
  const isSchoolEditOfShipped = (def: Instrument) => isSchoolEdit(def, shipped);
  return (
    <fieldset className="panel plan-band">
      <legend>{band.name[locale]}</legend>
      <fieldset className="grades">
        <legend>{text.bandInstruments}</legend>
        {offered.map((def) => (
          <label key={def.id}><input type="checkbox" checked={chosen.includes(def.id)} onChange={() => toggleInstrument(def.id)} /> {def.abbreviation} <span className="muted">{def.version}</span>
            {isSchoolEditOfShipped(def) && <span className="tag warn-tag" title={text.schoolEditHint}> {text.schoolEditTag}</span>}</label>
        ))}
      </fieldset>
      {offered.some(isSchoolEditOfShipped) && <p className="warning">{text.schoolEditNotice(offered.filter(isSchoolEditOfShipped).map((def) => `${def.abbreviation} ${def.version}`).join('、'))}</p>}
      <fieldset className="grades">
        <legend>{text.bandNorms}</legend>
        {tables.map((table) => (
          <label key={shortRefOf(table)}>
            <input type="checkbox" checked={setup.norms.includes(shortRefOf(table))} onChange={() => toggleNorms(shortRefOf(table))} /> {table.name[locale]}{' '}
            <span className="muted">{shortRefOf(table)}{table.derived ? ` · ${text.localTag}` : ''}</span>
          </label>
        ))}
        {chosen.filter((id) => (findInstrument(catalog, id)?.scales.length ?? 0) > 0 && normOptions(catalog, id).length === 0)
          .map((id) => <span key={id} className="muted">{text.noNormsFor(findInstrument(catalog, id)?.abbreviation ?? id)}</span>)}
      </fieldset>
      {tables.length > 1 && <p className="muted">{text.bandNormsHint}</p>}
      <label htmlFor={`${prefix}-policy`}>{text.bandPolicy}</label>{' '}
      <select id={`${prefix}-policy`} value={setup.policy} onChange={(event) => onChange({ ...setup, policy: event.target.value })}>
        {catalog.policies.map((policy) => <option key={shortRefOf(policy)} value={shortRefOf(policy)}>{policy.name[locale]} — {shortRefOf(policy)}</option>)}
      </select>
    </fieldset>
  );
}

function setupsFor(library: WorkspaceLibrary, bands: readonly BandChoice[], chosen: Readonly<Record<string, Setup>>): Record<string, Setup> {
  return Object.fromEntries(bands.map((band) => [band.id, chosen[band.id] ?? defaultSetup(library.shipped, band)]));
}

function schoolYearOf(today: Date): string {
  const year = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1;
  return `${year}-${year + 1}`;
}

/** The screening plan form: window, grades, kiosk settings; builds and downloads the lab machines' plan file. */
/** A roster of thousands takes minutes to seal: show how far, and roughly how long is left. */
function BuildProgress({ done, total, startedAt, text }: { done: number; total: number; startedAt: number; text: TeacherText }) {
  const elapsed = performance.now() - startedAt;
  // Estimate only once a few students are done, so the first slow steps do not mislead.
  const secondsLeft = done >= 5 ? Math.ceil((elapsed / done) * (total - done) / 1000) : undefined;
  const left = secondsLeft === undefined ? '' : text.minutesSeconds(Math.floor(secondsLeft / 60), secondsLeft % 60);
  return (
    <div className="span build-progress" role="status">
      <progress value={done} max={total} aria-label={text.building(total)} />
      <p>{text.buildingProgress(done, total, left)}</p>
    </div>
  );
}

export function PlanPage() {
  const { records, text, locale, workspace } = useWorkspaceView();
  const normsText = NORMS_TEXT[locale];
  const library = useWorkspaceLibrary(workspace.db);
  const [chosenSetups, setChosenSetups] = useState<Readonly<Record<string, Setup>>>({});
  const now = new Date();
  const grades = useMemo(() => [...new Set(records.map((record) => record.identity.grade))].sort((a, b) => a - b), [records]);
  const [form, setForm] = useState<ScreeningPlanRequest>({
    id: `screening-${now.getFullYear()}`, version: '1.0.0', name: { 'zh-CN': `${workspace.school} ${now.getFullYear()} 心理健康筛查`, en: `${workspace.school} ${now.getFullYear()} mental-health screening` },
    schoolYear: schoolYearOf(now), opens: localDay(now.toISOString()), closes: localDay(new Date(now.getTime() + 30 * 86_400_000).toISOString()),
    pin: '', layout: 'question', signInByDetails: false, grades: [],
  });
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; startedAt: number }>();
  const [built, setBuilt] = useState('');
  const [builtSessionCode, setBuiltSessionCode] = useState<string>();
  const [plans, setPlans] = useState<readonly (PlanRow & { sessionCode?: string })[]>([]);
  useEffect(() => {
    void (async () => {
      const rows = await workspace.db.plans.toArray();
      setPlans(await Promise.all(rows.map(async (row) => {
        const sessionCode = await workspace.store.loadSecret<string>(sessionCodeSecret(row.id));
        return typeof sessionCode === 'string' ? { ...row, sessionCode } : row;
      })));
    })();
  }, [workspace, built]);
  const chosenGrades = form.grades.length > 0 ? form.grades : grades;
  const studentCount = records.filter((record) => chosenGrades.includes(record.identity.grade)).length;
  const bands = useMemo(() => bandsForGrades(chosenGrades), [chosenGrades]);
  const setups = setupsFor(library, bands, chosenSetups);
  const unverified = unverifiedInPlan(library.catalog, bands, setups);
  const [unverifiedAccepted, setUnverifiedAccepted] = useState(false);

  const update = <K extends keyof ScreeningPlanRequest>(key: K, value: ScreeningPlanRequest[K]) => setForm((current) => ({ ...current, [key]: value }));
  const toggleGrade = (grade: number) => update('grades', chosenGrades.includes(grade) ? chosenGrades.filter((g) => g !== grade) : [...chosenGrades, grade].sort((a, b) => a - b));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setBuilt('');
    setBuiltSessionCode(undefined);
    const startedAt = performance.now();
    const existing = (await workspace.store.loadSecret<Record<string, string>>('codes')) ?? {};
    const outcome = await buildScreeningPlan(workspace.records, { ...form, grades: chosenGrades, bands: setups }, {
      catalog: library.catalog,
      recipient: { keyId: workspace.key.keyId, name: workspace.key.name, publicKey: workspace.publicKeyFile.publicKey },
      randomBytes,
      existingCodes: new Map(Object.entries(existing)),
      onProgress: (done, total) => setProgress({ done, total, startedAt }),
      sealRoster: browserRosterSealer(),
    });
    setBusy(false);
    setProgress(undefined);
    if (!outcome.ok) {
      setIssues(outcome.issues);
      return;
    }
    setIssues([]);
    const nowIso = new Date().toISOString();
    await workspace.store.saveSecret('codes', Object.fromEntries(outcome.value.codes), nowIso);
    await workspace.store.saveSecret(lookupsSecret(`${form.id}@${form.version}`), outcome.value.lookups, nowIso);
    const id = `${form.id}@${form.version}`;
    if (outcome.value.sessionCode) await workspace.store.saveSecret(sessionCodeSecret(id), outcome.value.sessionCode, nowIso);
    await workspace.db.plans.put({ id, kioskPlan: outcome.value.kioskPlan, grades: chosenGrades, created: nowIso });
    download(`${form.id}-${form.version}.psyplan.json`, JSON.stringify(outcome.value.kioskPlan), 'application/json');
    setBuiltSessionCode(outcome.value.sessionCode);
    setBuilt(text.planBuilt(outcome.value.students));
  };

  return (
    <section>
      <h2>{text.planTitle}</h2>
      <p className="muted">{text.planIntro}</p>
      <form className="form-grid panel" onSubmit={(event) => void submit(event)}>
        <label htmlFor="plan-name">{text.planName}</label>
        <input id="plan-name" value={form.name['zh-CN']} onChange={(event) => update('name', { 'zh-CN': event.target.value, en: form.name.en })} />
        <label htmlFor="plan-id">{text.planId}</label>
        <input id="plan-id" value={form.id} onChange={(event) => update('id', event.target.value)} />
        <label htmlFor="plan-version">{text.planVersion}</label>
        <input id="plan-version" value={form.version} onChange={(event) => update('version', event.target.value)} />
        <label htmlFor="plan-year">{text.schoolYear}</label>
        <input id="plan-year" value={form.schoolYear} onChange={(event) => update('schoolYear', event.target.value)} />
        <label htmlFor="plan-opens">{text.opens}</label>
        <input id="plan-opens" type="date" value={form.opens} onChange={(event) => update('opens', event.target.value)} />
        <label htmlFor="plan-closes">{text.closes}</label>
        <input id="plan-closes" type="date" value={form.closes} onChange={(event) => update('closes', event.target.value)} />
        <label htmlFor="plan-pin">{text.pin}</label>
        <input id="plan-pin" inputMode="numeric" autoComplete="off" value={form.pin} onChange={(event) => update('pin', event.target.value.trim())} />
        <label htmlFor="plan-layout">{text.layout}</label>
        <select id="plan-layout" value={form.layout} onChange={(event) => update('layout', event.target.value as ScreeningPlanRequest['layout'])}>
          <option value="question">{text.layouts.question}</option>
          <option value="page">{text.layouts.page}</option>
        </select>
        <span>{text.grades}</span>
        <fieldset className="grades">
          <legend className="visually-hidden">{text.grades}</legend>
          {grades.map((grade) => (
            <label key={grade}><input type="checkbox" checked={chosenGrades.includes(grade)} onChange={() => toggleGrade(grade)} /> {text.grade(grade)}</label>
          ))}
        </fieldset>
        <div className="span">
          <h3>{normsText.bandsTitle}</h3>
          <p className="muted">{normsText.bandsIntro}</p>
          {library.rows !== undefined && bands.map((band) => (
            <BandChoices key={band.id} band={band} setup={setups[band.id] ?? defaultSetup(library.shipped, band)} catalog={library.catalog} shipped={library.shipped} text={normsText} locale={locale}
              onChange={(setup) => setChosenSetups((current) => ({ ...current, [band.id]: setup }))} />
          ))}
        </div>
        <label className="span"><input type="checkbox" checked={form.signInByDetails} onChange={(event) => update('signInByDetails', event.target.checked)} aria-describedby="details-risk" /> {text.detailsSignIn}</label>
        {form.signInByDetails && <p id="details-risk" className="span warning">{text.detailsRisk}</p>}
        <PlanTextsEditor bands={bands} texts={form.texts ?? {}} onChange={(next) => update('texts', next)} locale={locale}
          labels={{ title: text.planTexts, consent: text.consentText, thankYou: text.thankYouText, help: text.helpText }} />
        <div className="span"><IssueList issues={issues} locale={locale} /></div>
        {unverified.length > 0 && (
          <div className="span warning" role="note">
            <p>{normsText.unverifiedWarning(unverified.map((def) => `${def.abbreviation} ${def.version}`).join('、'))}</p>
            <label><input type="checkbox" checked={unverifiedAccepted} onChange={(event) => setUnverifiedAccepted(event.target.checked)} /> {normsText.unverifiedAccept}</label>
          </div>
        )}
        <button type="submit" className="primary span-start" disabled={busy || (unverified.length > 0 && !unverifiedAccepted)}>{busy ? text.building(studentCount) : `${text.buildPlan} (${studentCount})`}</button>
        {progress && <BuildProgress {...progress} text={text} />}
      </form>
      {built && <p className="notice" role="status">{built}</p>}
      {builtSessionCode && <p className="notice session-code">{text.sessionCodeBuilt} <strong><code>{formatSessionCode(builtSessionCode)}</code></strong> {text.sessionCodeWhere}</p>}
      {plans.length > 0 && (
        <>
          <h3>{text.savedPlans}</h3>
          <ul>{plans.map((plan) => <li key={plan.id}><code>{plan.id}</code> <span className="muted">{plan.created.slice(0, 10)}</span>
            {plan.sessionCode && <> · {text.sessionCodeLabel} <code>{formatSessionCode(plan.sessionCode)}</code></>}</li>)}</ul>
        </>
      )}
    </section>
  );
}
