import { CURRENT_CODE_KEYS, deriveCodeKeys, deriveDetailsKeys, encryptJson, type DetailsKeying } from './codeVault.ts';
import type { RosterIdentity, SealedRosterEntry } from './kioskPlan.ts';
import { detailsSecret } from './signInCode.ts';

/** One student as the plan builder gets them: the code they will type, and their birth date for details sign-in. */
export interface RosterStudent {
  readonly code: string;
  readonly identity: RosterIdentity;
  readonly birthDate?: string;
}

/** What every student's entry of one plan shares. */
export interface RosterJob {
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly context: string;
  readonly signInByDetails: boolean;
  readonly kdfIterations?: number;
  /** How details entries are keyed (new plans: scrypt, with the lab-session code); absent: as codes. */
  readonly detailsKeys?: DetailsKeying;
  /** The lab-session code mixed into every details entry where `detailsKeys.sessionCode`. */
  readonly sessionCode?: string;
}

/**
 * One student's roster entry: one deliberately slow key derivation per code (≈ 35 ms in Chromium),
 * and where the plan allows sign-in by details a memory-hard one (scrypt, ≈ 0.35 s in pure JS).
 * Runs on the page or in a roster worker.
 */
export async function sealRosterEntry(student: RosterStudent, job: RosterJob): Promise<SealedRosterEntry> {
  const keys = await deriveCodeKeys(student.code, job.salt, CURRENT_CODE_KEYS, job.kdfIterations);
  const entry = { lookup: keys.lookup, sealed: await encryptJson(keys.key, student.identity, job.context) };
  if (!job.signInByDetails || !student.birthDate) return entry;
  if (job.detailsKeys?.sessionCode === true && job.sessionCode === undefined) throw new Error('a plan requiring a lab-session code was sealed without one');
  const sessionCode = job.detailsKeys?.sessionCode === true ? job.sessionCode : undefined;
  const secret = detailsSecret({ className: student.identity.className, studentNumber: student.identity.studentId, birthDate: student.birthDate }, sessionCode);
  const details = await deriveDetailsKeys(secret, job.salt, job.detailsKeys, CURRENT_CODE_KEYS, job.kdfIterations);
  return { ...entry, detailsLookup: details.lookup, detailsSealed: await encryptJson(details.key, student.identity, job.context) };
}

/**
 * Seals every student's entry, in roster order, telling `onSealed` as each one is done (in any
 * order). The plan builder runs it on the page unless given one that spreads the work over workers.
 */
export type RosterSealer = (students: readonly RosterStudent[], job: RosterJob, onSealed: () => void) => Promise<SealedRosterEntry[]>;

export const sealRosterInThread: RosterSealer = async (students, job, onSealed) => {
  const entries: SealedRosterEntry[] = [];
  for (const student of students) {
    entries.push(await sealRosterEntry(student, job));
    onSealed();
  }
  return entries;
};
