import { useId, useState, type FormEvent } from 'react';
import { TIERS, type Issue, type Outcome, type Tier } from '../../../scoring/index.ts';
import { FOLLOW_UP_ACTIONS, tierOf, type StudentRecord, type Wave } from '../../records/index.ts';
import { describeIssue } from '../../issueMessages.ts';
import { attentionEntryOf } from '../workspace/attention.ts';
import { closeCase, recordAction, recordInterview, type ActionKind } from '../workspace/followUp.ts';
import { todayIso } from './download.ts';
import { formatDate, localNoonIso } from './studentDates.ts';
import { STUDENT_TEXT } from './studentText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'rejected'; readonly issues: readonly Issue[] }
  | { readonly kind: 'failed'; readonly message: string };

/** Writes a follow-up change through the workspace; true when it was stored, so the form can clear itself. */
function useSave(): [SaveState, (outcome: Outcome<StudentRecord>) => Promise<boolean>] {
  const { commit } = useWorkspaceView();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = async (outcome: Outcome<StudentRecord>): Promise<boolean> => {
    if (!outcome.ok) {
      setState({ kind: 'rejected', issues: outcome.issues });
      return false;
    }
    setState({ kind: 'saving' });
    try {
      await commit([outcome.value]);
      setState({ kind: 'saved' });
      return true;
    } catch (error) {
      // Storage can fail (disk full, the tab locked meanwhile); the teacher must know the entry is not kept.
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  return [state, save];
}

const fieldOf = (found: Issue): string | undefined => (typeof found.path[0] === 'string' ? found.path[0] : undefined);

/**
 * Problems with the field they concern named first ("Next contact: …"); the domain's messages alone
 * ("This cannot be empty") would not say which box to fix. The saved message is a live status.
 */
function SaveResult({ state, labels }: { state: SaveState; labels: Readonly<Record<string, string>> }) {
  const { text, locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  return (
    <>
      {state.kind === 'rejected' && (
        <ul className="issues student-form-issues" role="alert">
          {state.issues.map((found, index) => {
            const label = labels[fieldOf(found) ?? ''];
            return <li key={index}>{label && <strong>{label}{student.colon}</strong>}{describeIssue(found, locale)}</li>;
          })}
        </ul>
      )}
      {state.kind === 'failed' && <p className="issues student-form-issues" role="alert">{student.saveFailed(state.message)}</p>}
      <p className="student-form-status" role="status">{state.kind === 'saved' ? text.saved : state.kind === 'saving' ? student.saving : ''}</p>
    </>
  );
}

const invalid = (state: SaveState, field: string): true | undefined =>
  state.kind === 'rejected' && state.issues.some((found) => fieldOf(found) === field) ? true : undefined;

const newestCompleted = (record: StudentRecord): Wave[] =>
  record.waves.filter((wave) => wave.status === 'completed').sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt));

function InterviewForm({ record }: { record: StudentRecord }) {
  const { text, locale, changeContext } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const id = useId();
  const waves = newestCompleted(record);
  const [waveId, setWaveId] = useState(waves[0]?.id ?? '');
  const wave = waves.find((candidate) => candidate.id === waveId) ?? waves[0];
  const [tier, setTier] = useState<Tier>((wave && tierOf(wave)?.tier) ?? 'low');
  const [day, setDay] = useState(todayIso);
  const [findings, setFindings] = useState('');
  const [due, setDue] = useState('');
  const [state, save] = useSave();
  const labels = { at: text.when, findings: text.findings, due: text.due, waveId: student.forWave };

  if (!wave) {
    return <section className="student-form"><h4>{text.interview}</h4><p className="muted">{student.noCompletedWave}</p></section>;
  }
  const chooseWave = (next: string) => {
    setWaveId(next);
    const chosen = waves.find((candidate) => candidate.id === next);
    // The tier to confirm starts at what the chosen wave stands at now; the teacher changes it if the interview says so.
    if (chosen) setTier(tierOf(chosen)?.tier ?? 'low');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { waveId: wave.id, at: localNoonIso(day), findings, confirmedTier: tier, ...(due ? { due } : {}) };
    if (await save(recordInterview(record, input, changeContext()))) {
      setFindings('');
      setDue('');
    }
  };
  return (
    <form className="student-form" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate>
      <h4 id={`${id}-title`}>{text.interview}</h4>
      <label htmlFor={`${id}-wave`}>{student.forWave}</label>
      <select id={`${id}-wave`} value={wave.id} onChange={(event) => chooseWave(event.target.value)} aria-invalid={invalid(state, 'waveId')}>
        {waves.map((candidate) => <option key={candidate.id} value={candidate.id}>{text.wave(candidate.plan, formatDate(candidate.finishedAt, locale))}</option>)}
      </select>
      <label htmlFor={`${id}-date`}>{text.when}</label>
      <input id={`${id}-date`} type="date" value={day} max={todayIso()} required onChange={(event) => setDay(event.target.value)} aria-invalid={invalid(state, 'at')} />
      <label htmlFor={`${id}-findings`}>{text.findings}</label>
      <textarea id={`${id}-findings`} rows={3} value={findings} required onChange={(event) => setFindings(event.target.value)} aria-invalid={invalid(state, 'findings')} />
      <label htmlFor={`${id}-tier`}>{text.confirmTier}</label>
      <select id={`${id}-tier`} value={tier} onChange={(event) => setTier(TIERS.find((candidate) => candidate === event.target.value) ?? tier)}>
        {TIERS.map((candidate) => <option key={candidate} value={candidate}>{text.tiers[candidate]}</option>)}
      </select>
      <label htmlFor={`${id}-due`}>{text.due}{student.optional}</label>
      <input id={`${id}-due`} type="date" value={due} min={day} onChange={(event) => setDue(event.target.value)} aria-invalid={invalid(state, 'due')} />
      <button type="submit" className="primary" disabled={state.kind === 'saving'}>{text.save}</button>
      <SaveResult state={state} labels={labels} />
    </form>
  );
}

function ActionForm({ record, waveId }: { record: StudentRecord; waveId: string | undefined }) {
  const { text, locale, changeContext } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const id = useId();
  const [action, setAction] = useState<ActionKind>('counselling');
  const [day, setDay] = useState(todayIso);
  const [content, setContent] = useState('');
  const [referralTo, setReferralTo] = useState('');
  const [due, setDue] = useState('');
  const [state, save] = useSave();
  const labels = { at: text.when, content: text.content, referralTo: text.referralTo, due: text.due };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      at: localNoonIso(day), action, content,
      ...(action === 'referral' ? { referralTo } : {}), ...(due ? { due } : {}), ...(waveId ? { waveId } : {}),
    };
    if (await save(recordAction(record, input, changeContext()))) {
      setContent('');
      setReferralTo('');
      setDue('');
    }
  };
  return (
    <form className="student-form" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate>
      <h4 id={`${id}-title`}>{text.action}</h4>
      <label htmlFor={`${id}-kind`}>{student.kind}</label>
      <select id={`${id}-kind`} value={action} onChange={(event) => setAction(FOLLOW_UP_ACTIONS.find((candidate) => candidate === event.target.value) ?? action)}>
        {FOLLOW_UP_ACTIONS.map((candidate) => <option key={candidate} value={candidate}>{text.actions[candidate]}</option>)}
      </select>
      <label htmlFor={`${id}-date`}>{text.when}</label>
      <input id={`${id}-date`} type="date" value={day} max={todayIso()} required onChange={(event) => setDay(event.target.value)} aria-invalid={invalid(state, 'at')} />
      <label htmlFor={`${id}-content`}>{text.content}</label>
      <textarea id={`${id}-content`} rows={3} value={content} required onChange={(event) => setContent(event.target.value)} aria-invalid={invalid(state, 'content')} />
      {action === 'referral' && (
        <>
          <label htmlFor={`${id}-referral`}>{text.referralTo}</label>
          <input id={`${id}-referral`} type="text" value={referralTo} maxLength={200} required onChange={(event) => setReferralTo(event.target.value)} aria-invalid={invalid(state, 'referralTo')} />
        </>
      )}
      <label htmlFor={`${id}-due`}>{text.due}{student.optional}</label>
      <input id={`${id}-due`} type="date" value={due} min={day} onChange={(event) => setDue(event.target.value)} aria-invalid={invalid(state, 'due')} />
      <button type="submit" className="primary" disabled={state.kind === 'saving'}>{text.save}</button>
      <SaveResult state={state} labels={labels} />
    </form>
  );
}

function ClosureForm({ record }: { record: StudentRecord }) {
  const { text, changeContext } = useWorkspaceView();
  const id = useId();
  const [day, setDay] = useState(todayIso);
  const [reason, setReason] = useState('');
  const [state, save] = useSave();
  const labels = { at: text.when, reason: text.reason };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save(closeCase(record, { at: localNoonIso(day), reason }, todayIso(), changeContext()))) setReason('');
  };
  return (
    <form className="student-form" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate>
      <h4 id={`${id}-title`}>{text.closure}</h4>
      <label htmlFor={`${id}-date`}>{text.when}</label>
      <input id={`${id}-date`} type="date" value={day} max={todayIso()} required onChange={(event) => setDay(event.target.value)} aria-invalid={invalid(state, 'at')} />
      <label htmlFor={`${id}-reason`}>{text.reason}</label>
      <textarea id={`${id}-reason`} rows={3} value={reason} required onChange={(event) => setReason(event.target.value)} aria-invalid={invalid(state, 'reason')} />
      <button type="submit" className="primary" disabled={state.kind === 'saving'}>{text.save}</button>
      <SaveResult state={state} labels={labels} />
    </form>
  );
}

/**
 * Follow-up on the student page: an interview (confirms or changes the tier of a wave; the computed
 * tier is kept), an action, and closure (销号), which is offered only while the student is on the
 * attention list, since only an open case can be closed. Each entry goes into the record's audit log.
 */
export function FollowUpForms({ record }: { record: StudentRecord }) {
  const { locale } = useWorkspaceView();
  const student = STUDENT_TEXT[locale];
  const open = attentionEntryOf(record, todayIso());
  return (
    <section className="student-forms no-print" aria-labelledby="student-forms-title">
      <h3 id="student-forms-title">{student.recordFollowUp}</h3>
      <div className="student-form-grid">
        <InterviewForm record={record} />
        <ActionForm record={record} waveId={open?.wave.id} />
        {open && <ClosureForm record={record} />}
      </div>
    </section>
  );
}
