import { fail, issue, succeed, type Issue, type Outcome } from '../../../scoring/index.ts';
import { createOpener, mergeIntoWorkspace, readRecordExport, readRecordFile, type KeptAside, type OpeningSecret, type StudentRecord } from '../../records/index.ts';
import { withAudit } from './audit.ts';
import type { ChangeContext } from './context.ts';

export interface RecordsImported {
  readonly changed: readonly StudentRecord[];
  readonly added: number;
  readonly merged: number;
  readonly unchanged: number;
  /** Identity differences kept for the teacher to check (the workspace's values stay). */
  readonly conflicts: readonly Issue[];
  readonly damaged: readonly KeptAside[];
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * Imports a record export (.zip) or a single .psyrec into the workspace: the same student (national id,
 * or student number and birth date) is merged, never duplicated; a newer follow-up entry is never
 * overwritten by an older one. Importing the same file again changes nothing.
 */
export async function importRecords(records: readonly StudentRecord[], bytes: Uint8Array<ArrayBuffer>, secret: OpeningSecret, context: ChangeContext): Promise<Outcome<RecordsImported>> {
  const opener = createOpener(secret);
  let incoming: StudentRecord[];
  let damaged: readonly KeptAside[] = [];
  if (isZip(bytes)) {
    const read = await readRecordExport(bytes, opener);
    if (!read.ok) return read;
    incoming = read.value.records.map((opened) => opened.record);
    damaged = read.value.damaged;
  } else {
    const read = await readRecordFile(bytes, opener);
    if (!read.ok) return read;
    incoming = [read.value.record];
  }
  let current = records;
  const changedIds = new Set<string>();
  const conflicts: Issue[] = [];
  let added = 0;
  let merged = 0;
  let unchanged = 0;
  for (const record of incoming) {
    const outcome = mergeIntoWorkspace(current, record);
    if (!outcome.ok) return fail([issue('record_import_refused', [], { name: record.identity.name }), ...outcome.issues]);
    current = outcome.value.records;
    conflicts.push(...outcome.value.conflicts.map((found) => ({ ...found, params: { ...found.params, name: record.identity.name, recordId: outcome.value.recordId } })));
    if (outcome.value.outcome === 'unchanged') unchanged += 1;
    else {
      if (outcome.value.outcome === 'added') added += 1;
      else merged += 1;
      changedIds.add(outcome.value.recordId);
    }
  }
  const changed = current.filter((record) => changedIds.has(record.id)).map((record) => withAudit(record, context, 'imported'));
  return succeed({ changed, added, merged, unchanged, conflicts, damaged });
}

const IDENTITY_FIELDS = ['name', 'sex', 'birthDate', 'nationalId'] as const;
type ConflictField = (typeof IDENTITY_FIELDS)[number];

/** The identity conflicts an import reported that the teacher can settle by taking the incoming value. */
export function identityConflict(found: Issue): { recordId: string; field: ConflictField; existing: string; incoming: string } | undefined {
  const field = found.path[1];
  const { recordId, existing, incoming } = found.params ?? {};
  if (found.path[0] !== 'identity' || typeof recordId !== 'string' || typeof existing !== 'string' || typeof incoming !== 'string') return undefined;
  return IDENTITY_FIELDS.find((candidate) => candidate === field) ? { recordId, field: field as ConflictField, existing, incoming } : undefined;
}

/** The teacher confirmed the incoming value of a conflicting identity field; the change is audited. */
export function acceptIncomingIdentity(record: StudentRecord, field: ConflictField, incoming: string, context: ChangeContext): Outcome<StudentRecord> {
  if (field === 'sex' && incoming !== 'male' && incoming !== 'female') return fail([issue('identity_value_invalid', ['identity', field])]);
  if (field === 'birthDate' && !/^\d{4}-\d{2}-\d{2}$/.test(incoming)) return fail([issue('identity_value_invalid', ['identity', field])]);
  const before = record.identity[field];
  const identity = { ...record.identity, [field]: incoming };
  return succeed(withAudit({ ...record, identity }, context, 'identity_changed', `${field}: ${before ?? '-'} → ${incoming} (import confirmed)`));
}
