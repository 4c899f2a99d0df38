import { compilePlan, fail, findGradeBand, issue, succeed, type BatteryResult, type GradeBand, type Outcome } from '../../scoring/index.ts';
import type { KioskDb } from '../store/kioskDb.ts';
import { codeKeySchemeOf, decryptJson, deriveCodeKeys, encryptJson, fromBase64, type CodeKeys, type Sealed } from './codeVault.ts';
import { asDraft, asRosterIdentity } from './decrypted.ts';
import { emptyDraft, type Draft } from './draft.ts';
import type { KioskPlan, RosterIdentity } from './kioskPlan.ts';
import { detailsSecret, normalizeCode, type SignInDetails } from './signInCode.ts';

/** A signed-in student. Lives only in memory, and only until submit or sign-out. */
export interface KioskSession {
  /** The roster entry's code lookup: what marks the student as done, however they signed in. */
  readonly entryLookup: string;
  readonly keys: CodeKeys;
  readonly identity: RosterIdentity;
  readonly band: GradeBand;
  readonly draft: Draft;
  readonly resumed: boolean;
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
  readonly kdfIterations?: number;
  /** Runs once the submission is safely stored (e.g. a copy into a shared folder); its failure changes nothing. */
  readonly afterStore?: (id: string, sealed: Uint8Array) => Promise<unknown>;
}

const rosterContext = (file: KioskPlan) => `roster:${file.plan.id}@${file.plan.version}`;
const draftContext = (file: KioskPlan) => `draft:${file.plan.id}@${file.plan.version}`;

export async function signIn(deps: KioskDeps, file: KioskPlan, typed: string): Promise<Outcome<KioskSession>> {
  const code = normalizeCode(typed);
  if (!code) return fail([issue('code_malformed', ['code'])]);
  const keys = await deriveCodeKeys(code, fromBase64(file.kiosk.salt), codeKeySchemeOf(file.kiosk), deps.kdfIterations);
  const entry = file.roster.find((candidate) => candidate.lookup === keys.lookup);
  if (!entry) return fail([issue('code_unknown', ['code'])]);
  return openSession(deps, file, keys, entry.lookup, entry.sealed);
}

/** Sign-in without a code, where the plan allows it: class, student number and birth date. */
export async function signInByDetails(deps: KioskDeps, file: KioskPlan, details: SignInDetails): Promise<Outcome<KioskSession>> {
  if (file.kiosk.signInByDetails !== true) return fail([issue('details_not_allowed', ['details'])]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(details.birthDate) || details.studentNumber.trim() === '') return fail([issue('details_incomplete', ['details'])]);
  const keys = await deriveCodeKeys(detailsSecret(details), fromBase64(file.kiosk.salt), codeKeySchemeOf(file.kiosk), deps.kdfIterations);
  const entry = file.roster.find((candidate) => candidate.detailsLookup === keys.lookup);
  if (!entry?.detailsSealed) return fail([issue('details_unknown', ['details'])]);
  return openSession(deps, file, keys, entry.lookup, entry.detailsSealed);
}

async function openSession(deps: KioskDeps, file: KioskPlan, keys: CodeKeys, entryLookup: string, sealed: Sealed): Promise<Outcome<KioskSession>> {
  if (await deps.db.usedCodes.get(entryLookup)) return fail([issue('code_used', ['code'])]);
  const identity = asRosterIdentity(await decryptJson(keys.key, sealed, rosterContext(file)));
  if (!identity) return fail([issue('roster_entry_damaged', ['code'])]);
  const band = findGradeBand(file.plan, identity);
  if (!band) return fail([issue('no_band_for_grade', ['code'], { grade: identity.grade, track: identity.track ?? 'general' })]);
  const stored = await deps.db.drafts.get(keys.lookup);
  const opened = stored ? asDraft(await decryptJson(keys.key, stored.sealed, draftContext(file))) : undefined;
  return succeed({ entryLookup, keys, identity, band, draft: opened ?? emptyDraft(deps.now().toISOString()), resumed: opened !== undefined });
}

/** Called on every answer: a crash or power cut loses at most the answer being given. */
export async function saveDraft(deps: KioskDeps, file: KioskPlan, session: KioskSession, draft: Draft): Promise<void> {
  await deps.db.drafts.put({
    lookup: session.keys.lookup,
    planId: file.plan.id,
    sealed: await encryptJson(session.keys.key, draft, draftContext(file)),
    updatedAt: deps.now().toISOString(),
  });
}

/**
 * Scores (completed) or records a refusal (declined), seals the submission to the school's key and
 * stores it, marks the code used and deletes the draft, all in one transaction: either the sealed
 * submission exists and the draft is gone, or nothing changed.
 */
export async function finish(deps: KioskDeps, file: KioskPlan, session: KioskSession, draft: Draft, status: Submission['status']): Promise<Outcome<{ id: string }>> {
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
  await deps.db.transaction('rw', [deps.db.submissions, deps.db.usedCodes, deps.db.drafts], async () => {
    await deps.db.submissions.add({ id: submission.id, planId: file.plan.id, sealed, createdAt: finishedAt });
    await deps.db.usedCodes.put({ lookup: session.entryLookup, planId: file.plan.id, at: finishedAt, outcome: status });
    await deps.db.drafts.delete(session.keys.lookup);
  });
  await deps.afterStore?.(submission.id, sealed).catch(() => undefined);
  return succeed({ id: submission.id });
}

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
