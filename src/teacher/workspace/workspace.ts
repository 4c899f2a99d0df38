import { fail, issue, succeed, type Outcome } from '../../../scoring/index.ts';
import {
  createSchoolKey, deriveStorageKey, importBatch, importSealedFile, looksLikeSealedFile, parseStoredKey, publicKeyFileOf, receiptCode, unlockKey,
  type BatchImport, type PublicKeyFile, type StoredPrivateKey, type StudentRecord, type UnlockedKey,
} from '../../records/index.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import { addSubmissions, type SubmissionsAdded } from './addSubmissions.ts';
import type { ChangeContext } from './context.ts';
import { notePartial } from './partial.ts';
import { createRecordStore, type RecordStore } from './recordStore.ts';

/** Audit entries name the acting teacher; a workspace set up without a name records this. */
export const DEFAULT_TEACHER = '心理教师';

/** An unlocked workspace: the school key for this session and every student record, decrypted in memory. */
export interface Workspace {
  readonly db: TeacherDb;
  readonly key: UnlockedKey;
  readonly school: string;
  readonly teacher: string;
  readonly publicKeyFile: PublicKeyFile;
  readonly store: RecordStore;
  records: readonly StudentRecord[];
}

export interface KeyStatus {
  readonly exists: boolean;
  readonly name?: string;
  readonly school?: string;
  readonly backupMadeAt?: string;
  readonly demoPassphrase?: string;
}

export async function keyStatus(db: TeacherDb): Promise<KeyStatus> {
  const row = await db.keys.get('school');
  if (!row) return { exists: false };
  const stored = parseStoredKey(row.stored);
  return { exists: true, ...(stored.ok ? { name: stored.value.name } : {}), ...(row.school ? { school: row.school } : {}), ...(row.backupMadeAt ? { backupMadeAt: row.backupMadeAt } : {}), ...(row.demoPassphrase ? { demoPassphrase: row.demoPassphrase } : {}) };
}

/** Stores a new school key, wrapped under the passphrase. Refuses to replace an existing key. */
export async function createWorkspaceKey(db: TeacherDb, request: { school: string; teacher?: string; name: string; passphrase: string; now: string }): Promise<Outcome<StoredPrivateKey>> {
  if (await db.keys.get('school')) return fail([issue('workspace_key_exists', [])]);
  if (request.school.trim() === '') return fail([issue('school_name_missing', ['school'])]);
  const made = await createSchoolKey({ name: request.name, passphrase: request.passphrase, created: request.now });
  if (!made.ok) return made;
  await db.keys.put({ slot: 'school', stored: made.value.stored, school: request.school.trim(), ...(request.teacher?.trim() ? { teacher: request.teacher.trim() } : {}) });
  return succeed(made.value.stored);
}

/** Installs a key that already exists (the demo key, or one restored from a backup file). */
export async function installWorkspaceKey(db: TeacherDb, stored: unknown, school: string, teacher?: string): Promise<Outcome<StoredPrivateKey>> {
  if (await db.keys.get('school')) return fail([issue('workspace_key_exists', [])]);
  const parsed = parseStoredKey(stored);
  if (!parsed.ok) return parsed;
  await db.keys.put({ slot: 'school', stored: parsed.value, school, ...(teacher ? { teacher } : {}) });
  return succeed(parsed.value);
}

export async function unlockWorkspace(db: TeacherDb, passphrase: string): Promise<Outcome<Workspace>> {
  const row = await db.keys.get('school');
  if (!row) return fail([issue('workspace_no_key', [])]);
  const key = await unlockKey(row.stored, passphrase);
  if (!key.ok) return key;
  const stored = parseStoredKey(row.stored);
  if (!stored.ok) return stored;
  const store = createRecordStore(db, await deriveStorageKey(key.value));
  const records = await store.loadAll();
  if (!records.ok) return records;
  return succeed({ db, key: key.value, school: row.school ?? key.value.name, teacher: row.teacher ?? DEFAULT_TEACHER, publicKeyFile: publicKeyFileOf(stored.value), store, records: records.value });
}

/** Replaces changed records in memory and writes them through, in one transaction. */
export async function saveRecords(workspace: Workspace, changed: readonly StudentRecord[], now: string): Promise<void> {
  if (changed.length === 0) return;
  await workspace.store.save(changed, now);
  const byId = new Map(workspace.records.map((record) => [record.id, record]));
  for (const record of changed) byId.set(record.id, record);
  workspace.records = [...byId.values()];
}

export interface BatchFileReport {
  readonly file: string;
  readonly outcome: Outcome<{
    batch: BatchImport['batch']; new: number; duplicate: number; forOtherKey: number; damaged: number; filed: SubmissionsAdded;
    /** Ids now held by the workspace (filed, already there, or kept aside encrypted); damaged entries are not among them. */
    arrived: readonly string[];
    /** Shown to the teacher when every entry arrived intact; the lab machine needs it to clear itself. */
    receipt?: string;
  }>;
}

const waveIds = (records: readonly StudentRecord[]): Set<string> => new Set(records.flatMap((record) => record.waves.map((wave) => wave.id)));

/**
 * Imports kiosk batch files. Idempotent: a submission already filed is a duplicate. Damaged entries,
 * entries for another key and submissions for students not on the roster are kept aside (encrypted),
 * never dropped. A file that cannot be read as a whole changes nothing.
 */
export async function importBatchFiles(workspace: Workspace, files: readonly { name: string; bytes: Uint8Array<ArrayBuffer> }[], context: ChangeContext): Promise<BatchFileReport[]> {
  const reports: BatchFileReport[] = [];
  for (const file of files) {
    // a single sealed submission from a lab machine's shared folder is imported as a one-entry batch
    const imported = looksLikeSealedFile(file.bytes)
      ? await importSealedFile(waveIds(workspace.records), file.bytes, workspace.key)
      : await importBatch(waveIds(workspace.records), file.bytes, workspace.key);
    if (!imported.ok) {
      reports.push({ file: file.name, outcome: imported });
      continue;
    }
    const report = imported.value;
    const filed = addSubmissions(workspace.records, report.submissions.map((entry) => entry.submission), workspace.school, context);
    const now = context.now();
    const aside = [
      ...report.damaged.map((entry) => ({ kind: 'damaged', id: entry.id ?? entry.file ?? 'unknown', issues: entry.issues })),
      ...report.forOtherKey.map((entry) => ({ kind: 'other_key', id: entry.id, keyId: entry.keyId })),
      ...filed.unmatched.map((submission) => ({ kind: 'unmatched', id: submission.id, submission })),
    ];
    for (const entry of aside) {
      const id = `${file.name}:${entry.kind}:${entry.id}`;
      await workspace.db.setAside.put({ id, sealed: await workspace.store.sealAside(id, entry), updatedAt: now });
    }
    await saveRecords(workspace, filed.changed, now);
    // The drafts and the plan they are filed under come from the unencrypted manifest: one its own
    // submissions contradict marks nobody as partial. (A machine with drafts only has nothing to confirm
    // them with; a draft lookup names a student only to this workspace, which made the lookups.)
    if (report.batch.standing !== 'contradicted') await notePartial(workspace.store, report.batch.plan, report.drafts, now);
    await workspace.db.imports.put({
      id: context.newId(), at: now, file: file.name, plan: report.batch.plan, machine: report.batch.machine, confirmed: report.batch.standing === 'confirmed',
      counts: { new: filed.added.length, duplicate: report.duplicate.length + filed.alreadyThere.length, forOtherKey: report.forOtherKey.length, damaged: report.damaged.length, unmatched: filed.unmatched.length },
    });
    const arrived = [...report.new, ...report.duplicate, ...report.forOtherKey.map((entry) => entry.id)];
    const receipt = report.damaged.length === 0 ? await receiptCode(report.batch.plan, report.batch.machine, arrived) : undefined;
    reports.push({ file: file.name, outcome: succeed({
      batch: report.batch, new: filed.added.length, duplicate: report.duplicate.length + filed.alreadyThere.length, forOtherKey: report.forOtherKey.length,
      damaged: report.damaged.length, filed, arrived, ...(receipt ? { receipt } : {}),
    }) });
  }
  return reports;
}
