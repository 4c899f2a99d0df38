import { compilePlan, fail, findGradeBand, issue, succeed, type BatteryResult, type GradeBand, type Outcome } from '../../scoring/index.ts';
import type { LabAlert } from '../lab/protocol.ts';
import type { KioskDb } from '../store/kioskDb.ts';
import { holdFor, labAlertOf, type Hold } from './crisis.ts';
import type { RemoteState } from './labLink.ts';
import { alertRow, draftKey, draftRow, submissionRow } from './outbox.ts';
import { codeKeySchemeOf, decryptJson, deriveCodeKeys, deriveDetailsKeys, encryptJson, fromBase64, type CodeKeys, type Sealed } from './codeVault.ts';
import { asDraft, asRosterIdentity } from './decrypted.ts';
import { emptyDraft, type Draft } from './draft.ts';
import type { KioskPlan, RosterIdentity } from './kioskPlan.ts';
import { detailsSecret, normalizeCode, normalizeSessionCode, type SignInDetails } from './signInCode.ts';

/** A signed-in student. Lives only in memory, and only until submit or sign-out. */
export interface KioskSession {
  /** The roster entry's code lookup: what marks the student as done, however they signed in. */
  readonly entryLookup: string;
  readonly keys: CodeKeys;
  readonly identity: RosterIdentity;
  readonly band: GradeBand;
  readonly draft: Draft;
  readonly resumed: boolean;
  /** Where the draft came from: this PC, or the lab server (saved on another PC). */
  readonly resumedFrom?: 'here' | 'server';
}

export interface Submission {
  readonly format: 'psyscreen-submission';
  readonly version: 1;
  readonly id: string;
  readonly plan: string;
  readonly machineId: string;
  readonly student: RosterIdentity;
  readonly status: 'completed' | 'declined';
  readonly instruments: readonly string[];
  readonly answers: Draft['answers'];
  readonly seconds: Draft['seconds'];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly result?: BatteryResult;
}

export interface KioskDeps {
  readonly db: KioskDb;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly machineId: string;
  /** Encrypts a submission to the plan's public key; the kiosk never holds a key that opens it. */
  readonly seal: (submission: Submission, recipientPublicKey: string) => Promise<Uint8Array>;
  /** The same for a crisis alert (the workspace raises it at once); without it the hold screen alone protects the student. */
  readonly sealAlert?: (alert: LabAlert, recipientPublicKey: string) => Promise<Uint8Array>;
  readonly kdfIterations?: number;
  /** Runs once the submission is safely stored (e.g. a copy into a shared folder); its failure changes nothing. */
  readonly afterStore?: (id: string, sealed: Uint8Array) => Promise<unknown>;
  /** The lab server, when there is one: is this student finished elsewhere, is their newer draft there. */
  readonly remote?: RemoteState;
  /** Told after something was queued for the lab server (outbox.ts), so it is sent at once. */
  readonly queued?: () => void;
}

/** A meta row saying the kiosk is held for a teacher (crisis.ts). It says nothing about who. */
export const HOLD_KEY = 'hold';

const planRef = (file: KioskPlan) => `${file.plan.id}@${file.plan.version}`;
const rosterContext = (file: KioskPlan) => `roster:${planRef(file)}`;
const draftContext = (file: KioskPlan) => `draft:${planRef(file)}`;
const answeredCount = (draft: Draft) => Object.values(draft.answers).filter((answer) => answer !== null).length;

export async function signIn(deps: KioskDeps, file: KioskPlan, typed: string): Promise<Outcome<KioskSession>> {
  const code = normalizeCode(typed);
  if (!code) return fail([issue('code_malformed', ['code'])]);
  const keys = await deriveCodeKeys(code, fromBase64(file.kiosk.salt), codeKeySchemeOf(file.kiosk), deps.kdfIterations);
  const entry = file.roster.find((candidate) => candidate.lookup === keys.lookup);
  if (!entry) return fail([issue('code_unknown', ['code'])]);
  return openSession(deps, file, keys, entry.lookup, entry.sealed);
}

/** Whether this plan's details sign-in also asks for the lab-session code written on the board. */
export const needsSessionCode = (file: KioskPlan): boolean => file.kiosk.detailsKeys?.sessionCode === true;

/**
 * Sign-in without a code, where the plan allows it: class, student number and birth date, and the
 * lab-session code where the plan requires one (`sessionCode`, as typed).
 */
export async function signInByDetails(deps: KioskDeps, file: KioskPlan, details: SignInDetails, sessionCode = ''): Promise<Outcome<KioskSession>> {
  if (file.kiosk.signInByDetails !== true) return fail([issue('details_not_allowed', ['details'])]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(details.birthDate) || details.studentNumber.trim() === '') return fail([issue('details_incomplete', ['details'])]);
  const session = needsSessionCode(file) ? normalizeSessionCode(sessionCode) : undefined;
  if (needsSessionCode(file) && session === undefined) return fail([issue('session_code_malformed', ['sessionCode'])]);
  const keys = await deriveDetailsKeys(detailsSecret(details, session), fromBase64(file.kiosk.salt), file.kiosk.detailsKeys, codeKeySchemeOf(file.kiosk), deps.kdfIterations);
  const entry = file.roster.find((candidate) => candidate.detailsLookup === keys.lookup);
  if (!entry?.detailsSealed) return fail([issue(needsSessionCode(file) ? 'details_or_session_unknown' : 'details_unknown', ['details'])]);
  return openSession(deps, file, keys, entry.lookup, entry.detailsSealed);
}

async function openSession(deps: KioskDeps, file: KioskPlan, keys: CodeKeys, entryLookup: string, sealed: Sealed): Promise<Outcome<KioskSession>> {
  if (await deps.db.usedCodes.get(entryLookup)) return fail([issue('code_used', ['code'])]);
  const identity = asRosterIdentity(await decryptJson(keys.key, sealed, rosterContext(file)));
  if (!identity) return fail([issue('roster_entry_damaged', ['code'])]);
  const band = findGradeBand(file.plan, identity);
  if (!band) return fail([issue('no_band_for_grade', ['code'], { grade: identity.grade, track: identity.track ?? 'general' })]);
  if ((await deps.remote?.finished(entryLookup)) === true) return fail([issue('finished_elsewhere', ['code'])]);
  const stored = await deps.db.drafts.get(keys.lookup);
  const local = stored ? asDraft(await decryptJson(keys.key, stored.sealed, draftContext(file))) : undefined;
  const remote = await newerServerDraft(deps, file, keys, local ? stored?.updatedAt : undefined);
  const opened = remote ?? local;
  return succeed({
    entryLookup, keys, identity, band, draft: opened ?? emptyDraft(deps.now().toISOString()), resumed: opened !== undefined,
    ...(opened ? { resumedFrom: remote ? 'server' : 'here' } as const : {}),
  });
}

/** A draft the lab server holds for this code that is newer than this PC's (the student moved PCs); only their key opens it. */
async function newerServerDraft(deps: KioskDeps, file: KioskPlan, keys: CodeKeys, localSavedAt: string | undefined): Promise<Draft | undefined> {
  const upload = await deps.remote?.draft(keys.lookup);
  if (!upload || upload.plan !== planRef(file)) return undefined;
  if (localSavedAt !== undefined && !(Date.parse(upload.savedAt) > Date.parse(localSavedAt))) return undefined;
  return asDraft(await decryptJson(keys.key, upload.sealed, draftContext(file)));
}

/** Called on every answer: a crash or power cut loses at most the answer being given. */
export async function saveDraft(deps: KioskDeps, file: KioskPlan, session: KioskSession, draft: Draft): Promise<void> {
  const sealed = await encryptJson(session.keys.key, draft, draftContext(file));
  const updatedAt = deps.now().toISOString();
  const upload = { plan: planRef(file), entry: session.entryLookup, machine: deps.machineId, savedAt: updatedAt, answered: answeredCount(draft), sealed };
  await deps.db.transaction('rw', [deps.db.drafts, deps.db.outbox], async () => {
    await deps.db.drafts.put({ lookup: session.keys.lookup, planId: file.plan.id, sealed, updatedAt });
    await deps.db.outbox.put(draftRow(session.keys.lookup, upload, updatedAt));
  });
  deps.queued?.();
}

/**
 * Scores (completed) or records a refusal (declined), seals the submission to the school's key and
 * stores it, marks the code used and deletes the draft, all in one transaction: either the sealed
 * submission exists and the draft is gone, or nothing changed. The same transaction queues it for the
 * lab server and, when the result holds the kiosk (crisis.ts), queues a sealed alert and sets the hold
 * flag, so a reload cannot skip the hold. A storage failure is an issue, and the draft stays in memory.
 */
export async function finish(deps: KioskDeps, file: KioskPlan, session: KioskSession, draft: Draft, status: Submission['status']): Promise<Outcome<{ id: string; hold?: Hold }>> {
  // A student who finished on another PC in the meantime must not file a second submission.
  if ((await deps.remote?.finished(session.entryLookup)) === true) return fail([issue('finished_elsewhere', [])]);
  const band = findGradeBand(file.plan, session.identity) ?? session.band;
  let result: BatteryResult | undefined;
  if (status === 'completed') {
    const scored = compilePlan(file.plan).engineFor(band).score({
      respondent: { id: session.identity.studentId, grade: session.identity.grade, sex: session.identity.sex, ...(session.identity.track ? { track: session.identity.track } : {}) },
      answers: draft.answers,
      seconds: draft.seconds,
    });
    if (!scored.ok) return scored;
    result = scored.value;
  }
  const finishedAt = deps.now().toISOString();
  const submission: Submission = {
    format: 'psyscreen-submission', version: 1, id: deps.newId(), plan: `${file.plan.id}@${file.plan.version}`, machineId: deps.machineId,
    student: session.identity, status, instruments: band.instruments, answers: draft.answers, seconds: draft.seconds,
    startedAt: draft.startedAt, finishedAt, ...(result ? { result } : {}),
  };
  const sealed = await deps.seal(submission, file.kiosk.recipient.publicKey);
  const hold = holdFor(result, file.kiosk.holdOn);
  const alert = hold && deps.sealAlert ? labAlertOf({ id: deps.newId(), plan: submission.plan, machine: deps.machineId, at: finishedAt, submission: submission.id, student: session.identity, hold }) : undefined;
  const sealedAlert = alert ? await deps.sealAlert?.(alert, file.kiosk.recipient.publicKey) : undefined;
  const { db } = deps;
  try {
    await db.transaction('rw', [db.submissions, db.usedCodes, db.drafts, db.outbox, db.meta], async () => {
      if (alert && sealedAlert) await db.outbox.put(alertRow(alert.id, sealedAlert, finishedAt));
      if (hold) await db.meta.put({ key: HOLD_KEY, value: finishedAt });
      await db.submissions.add({ id: submission.id, planId: file.plan.id, sealed, createdAt: finishedAt });
      await db.outbox.put(submissionRow(submission.id, session.entryLookup, finishedAt));
      await db.usedCodes.put({ lookup: session.entryLookup, planId: file.plan.id, at: finishedAt, outcome: status });
      await db.drafts.delete(session.keys.lookup);
      await db.outbox.delete(draftKey(session.keys.lookup));
    });
  } catch {
    return fail([issue('storage_write_failed', [])]);
  }
  deps.queued?.();
  await deps.afterStore?.(submission.id, sealed).catch(() => undefined);
  return succeed({ id: submission.id, ...(hold ? { hold } : {}) });
}

/** The teacher's PIN released a held kiosk. */
export const releaseHold = (db: KioskDb): Promise<void> => db.meta.delete(HOLD_KEY);
export const isHeld = async (db: KioskDb): Promise<boolean> => (await db.meta.get(HOLD_KEY)) !== undefined;

/** Teacher action: lets a code be used again on this machine (e.g. a student was interrupted). Earlier submissions stay. */
export async function reopenCode(deps: KioskDeps, file: KioskPlan, typed: string): Promise<Outcome<{ reopened: boolean }>> {
  const code = normalizeCode(typed);
  if (!code) return fail([issue('code_malformed', ['code'])]);
  const keys = await deriveCodeKeys(code, fromBase64(file.kiosk.salt), codeKeySchemeOf(file.kiosk), deps.kdfIterations);
  if (!file.roster.some((entry) => entry.lookup === keys.lookup)) return fail([issue('code_unknown', ['code'])]);
  const used = await deps.db.usedCodes.get(keys.lookup);
  if (used) await deps.db.usedCodes.delete(keys.lookup);
  return succeed({ reopened: used !== undefined });
}
