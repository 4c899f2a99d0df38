import type { AuditEntry, StudentRecord } from '../../records/index.ts';
import type { ChangeContext } from './context.ts';

/** Every change to a record is logged in the record itself, so the log travels with the file. */
export function withAudit(record: StudentRecord, context: ChangeContext, action: string, detail?: string): StudentRecord {
  const entry: AuditEntry = { id: context.newId(), at: context.now(), by: context.by, action, ...(detail === undefined ? {} : { detail }) };
  return { ...record, audit: [...record.audit, entry] };
}
