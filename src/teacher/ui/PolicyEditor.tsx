import { useDeferredValue, useMemo, useState } from 'react';
import { shortRefOf, type Issue, type TierPolicy } from '../../../scoring/index.ts';
import { describeIssue, describeIssueWithPath } from '../../issueMessages.ts';
import type { LibraryRow } from '../../store/teacherDb.ts';
import { schoolSlug } from '../workspace/localNorms.ts';
import { saveNormsOrPolicy } from '../workspace/normsPolicyImport.ts';
import { formOfPolicy, nextVersion, policyOfForm, unknownTargets, type PolicyForm } from '../workspace/policyForm.ts';
import { previewPolicy } from '../workspace/policyPreview.ts';
import { loadAggregateSettings } from './aggregateSettings.ts';
import { libraryEntries, takenVersions, type LibraryEntry, type WorkspaceLibrary } from './normsLibrary.ts';
import type { NormsText } from './normsText.ts';
import { PolicyPreviewTable } from './PolicyPreviewTable.tsx';
import { PolicyRulesTable } from './PolicyRulesTable.tsx';
import { screeningsIn } from './screenings.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

interface Start { readonly key: string; readonly origin: LibraryEntry['origin']; readonly policy: TierPolicy }

const startsOf = (library: WorkspaceLibrary): Start[] => libraryEntries(library).flatMap(({ origin, definition }) =>
  definition.kind === 'policy' ? [{ key: `${origin}:${shortRefOf(definition)}`, origin, policy: definition }] : []);

/**
 * The form to edit from a starting policy. The school's draft keeps its version (drafts may change);
 * anything published gets the next free version; a shipped policy becomes the school's own.
 */
function formFor(start: Start, library: WorkspaceLibrary, school: string): PolicyForm {
  if (start.origin === 'draft') return formOfPolicy(start.policy, { id: start.policy.id, version: start.policy.version });
  if (start.origin === 'published') return formOfPolicy(start.policy, { id: start.policy.id, version: nextVersion(start.policy.id, takenVersions(library, 'policy')) });
  const id = `${schoolSlug(loadAggregateSettings().code || school)}-policy`;
  // the shipped description names the shipped cut-offs, which the school is about to change
  const policy: TierPolicy = { kind: 'policy', id: start.policy.id, version: start.policy.version, name: start.policy.name, rules: start.policy.rules, validity: start.policy.validity };
  return formOfPolicy(policy, { id, version: nextVersion(id, takenVersions(library, 'policy')), name: { 'zh-CN': `${school} 分级规则`, en: `${school} tier policy` } });
}

/** Where an issue points in the form: "index.field" or "index" for rules, the field name otherwise. */
function problemKeys(issues: readonly Issue[]): Set<string> {
  const keys = new Set<string>();
  for (const found of issues) {
    const [head, index, field] = found.path;
    if (head === 'rules' && typeof index === 'number') keys.add(typeof field === 'string' ? `${index}.${field}` : String(index));
  }
  return keys;
}

/** The tier policy editor: a form over the rules and validity settings, saved as a version, with a live preview. */
export function PolicyEditor({ library, text }: { library: WorkspaceLibrary; text: NormsText }) {
  const { records, locale, workspace, text: teacherText } = useWorkspaceView();
  const starts = useMemo(() => startsOf(library), [library]);
  const [startKey, setStartKey] = useState(() => starts.find((start) => start.key === 'shipped:default@1.0.0')?.key ?? starts[0]?.key ?? '');
  const [form, setForm] = useState<PolicyForm | undefined>(() => {
    const start = starts.find((candidate) => candidate.key === startKey);
    return start ? formFor(start, library, workspace.school) : undefined;
  });
  const [saveIssues, setSaveIssues] = useState<readonly Issue[]>([]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const screenings = useMemo(() => screeningsIn(records), [records]);
  const [chosenScreening, setScreening] = useState<string | undefined>();
  const screening = chosenScreening ?? screenings[0];

  const parsed = useMemo(() => (form ? policyOfForm(form) : undefined), [form]);
  const issues = useMemo(() => {
    if (!parsed) return [];
    return parsed.ok ? unknownTargets(parsed.value, library.catalog) : parsed.issues;
  }, [parsed, library.catalog]);
  const policy = parsed?.ok && issues.length === 0 ? parsed.value : undefined;
  const deferredPolicy = useDeferredValue(policy);
  const preview = useMemo(() => (deferredPolicy && screening ? previewPolicy(records, screening, library.catalog, deferredPolicy) : undefined),
    [records, screening, library.catalog, deferredPolicy]);

  if (!form) return null;
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => setForm((current) => (current ? { ...current, [key]: value } : current));
  const choose = (key: string) => {
    const start = starts.find((candidate) => candidate.key === key);
    setStartKey(key);
    if (start) setForm(formFor(start, library, workspace.school));
    setSaved('');
    setSaveIssues([]);
  };
  const describe = (found: Issue): string => {
    const [head, index] = found.path;
    if (head === 'rules' && typeof index === 'number') return `${text.ruleLabel(index + 1)}: ${describeIssue(found, locale)}`;
    return found.path.length > 0 ? describeIssueWithPath(found, locale) : describeIssue(found, locale);
  };

  const save = async (status: LibraryRow['status']) => {
    if (!policy) return;
    setBusy(true);
    const outcome = await saveNormsOrPolicy(workspace.db, policy, status, new Date().toISOString(), library.shipped);
    setBusy(false);
    if (!outcome.ok) { setSaveIssues(outcome.issues); setSaved(''); return; }
    setSaveIssues([]);
    setSaved(text.saved(shortRefOf(policy), status === 'published'));
    // a published version is frozen: further edits go into the next version
    if (status === 'published') set('version', nextVersion(policy.id, [...takenVersions(library, 'policy'), { id: policy.id, version: policy.version }]));
    library.reload();
  };

  return (
    <div className="panel">
      <div className="form-grid">
        <label htmlFor="policy-start">{text.startFrom}</label>
        <select id="policy-start" value={startKey} onChange={(event) => choose(event.target.value)}>
          {starts.map((start) => (
            <option key={start.key} value={start.key}>
              {start.policy.name[locale]} — {shortRefOf(start.policy)}{start.origin === 'draft' ? text.draftSuffix : ''}
            </option>
          ))}
        </select>
        <label htmlFor="policy-id">{text.policyId}</label>
        <input id="policy-id" value={form.id} onChange={(event) => set('id', event.target.value.trim())} aria-describedby="policy-id-hint" />
        <p id="policy-id-hint" className="hint muted">{text.policyIdHint}</p>
        <label htmlFor="policy-version">{text.policyVersion}</label>
        <input id="policy-version" value={form.version} onChange={(event) => set('version', event.target.value.trim())} aria-describedby="policy-version-hint" />
        <p id="policy-version-hint" className="hint muted">{text.policyVersionHint}</p>
        <label htmlFor="policy-name-zh">{text.nameOfPolicy}</label>
        <input id="policy-name-zh" value={form.name['zh-CN']} onChange={(event) => set('name', { ...form.name, 'zh-CN': event.target.value })} />
        <label htmlFor="policy-name-en">{text.nameOfPolicyEn}</label>
        <input id="policy-name-en" value={form.name.en} onChange={(event) => set('name', { ...form.name, en: event.target.value })} />
      </div>

      <PolicyRulesTable rows={form.rules} catalog={library.catalog} problems={problemKeys(issues)} onChange={(rules) => set('rules', rules)} text={text} teacherText={teacherText} />
      <p className="muted">{text.criticalNote}</p>

      <fieldset className="form-grid">
        <legend>{text.validityTitle}</legend>
        <label htmlFor="policy-min-seconds">{text.minSecondsPerItem}</label>
        <input id="policy-min-seconds" inputMode="decimal" value={form.minSecondsPerItem} onChange={(event) => set('minSecondsPerItem', event.target.value)} />
        <label htmlFor="policy-fast-share">{text.fastItemShare}</label>
        <input id="policy-fast-share" inputMode="decimal" value={form.fastItemShare} onChange={(event) => set('fastItemShare', event.target.value)} />
        <label htmlFor="policy-long-string">{text.longStringMinItems}</label>
        <input id="policy-long-string" inputMode="numeric" value={form.longStringMinItems} onChange={(event) => set('longStringMinItems', event.target.value)} />
      </fieldset>

      {issues.length > 0 && (
        <>
          <p>{text.fixFirst}</p>
          <ul className="issues" role="alert">{issues.map((found, index) => <li key={index}>{describe(found)}</li>)}</ul>
        </>
      )}
      {saveIssues.length > 0 && <ul className="issues" role="alert">{saveIssues.map((found, index) => <li key={index}>{describe(found)}</li>)}</ul>}
      <div className="toolbar">
        <button type="button" className="primary" disabled={!policy || busy} onClick={() => void save('published')}>{text.publish}</button>
        <button type="button" disabled={!policy || busy} onClick={() => void save('draft')}>{text.saveDraft}</button>
      </div>
      {saved && <p className="notice" role="status">{saved}</p>}

      <h4>{text.previewTitle}</h4>
      <p className="muted">{text.previewIntro}</p>
      {screenings.length === 0 ? <p>{text.noScreenings}</p> : (
        <>
          <p>
            <label htmlFor="policy-preview-screening">{text.previewScreening}</label>{' '}
            <select id="policy-preview-screening" value={screening} onChange={(event) => setScreening(event.target.value)}>
              {screenings.map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
            </select>
          </p>
          {preview && deferredPolicy ? <PolicyPreviewTable preview={preview} policy={deferredPolicy} text={text} teacherText={teacherText} /> : <p className="muted">{text.previewWaiting}</p>}
        </>
      )}
    </div>
  );
}
