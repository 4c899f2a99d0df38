import { fail, succeed, type Issue, type Outcome } from '../../../scoring/index.ts';
import { ZStudentRecord, type StorageKey, type StudentRecord } from '../../records/index.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';

/**
 * Student records at rest: one encrypted row per student. The whole set is read once at unlock and
 * every change is written back in one transaction, so a closed tab never leaves half a change behind.
 *
 * Records are validated with the schema when written, not when read: a row opens only if AES-GCM
 * authenticates it under this workspace's key and its own table and id, so it is byte for byte what
 * was validated and written. Re-validating 5,000 records at every unlock cost 3 s in Chromium
 * (test/bench/dashboard.bench.ts) and proved nothing new.
 */
export interface RecordStore {
  loadAll(): Promise<Outcome<StudentRecord[]>>;
  save(records: readonly StudentRecord[], now: string): Promise<void>;
  loadSecret<T>(id: string): Promise<T | undefined>;
  saveSecret(id: string, value: unknown, now: string): Promise<void>;
  /** Ciphertext for the set-aside table (damaged, foreign-key or unmatched submissions). */
  sealAside(id: string, value: unknown): Promise<Uint8Array<ArrayBuffer>>;
}

export function createRecordStore(db: TeacherDb, key: StorageKey): RecordStore {
  return {
    async loadAll() {
      const rows = await db.records.toArray();
      const opened = await Promise.all(rows.map((row) => key.open({ table: 'records', id: row.id }, row.sealed)));
      const records: StudentRecord[] = [];
      const issues: Issue[] = [];
      for (const value of opened) {
        if (value.ok) records.push(value.value as StudentRecord);
        else issues.push(...value.issues);
      }
      return issues.length > 0 ? fail(issues) : succeed(records);
    },
    async save(records, now) {
      for (const record of records) {
        const checked = ZStudentRecord.safeParse(record);
        if (!checked.success) throw new Error(`refusing to store an invalid record ${record.id}: ${checked.error.issues.map((found) => found.message).join(', ')}`);
      }
      const rows = await Promise.all(records.map(async (record) => ({ id: record.id, sealed: await key.seal({ table: 'records', id: record.id }, record), updatedAt: now })));
      await db.transaction('rw', db.records, () => db.records.bulkPut(rows));
    },
    async loadSecret<T>(id: string) {
      const row = await db.secrets.get(id);
      if (!row) return undefined;
      const opened = await key.open({ table: 'secrets', id }, row.sealed);
      return opened.ok ? (opened.value as T) : undefined;
    },
    sealAside: (id, value) => key.seal({ table: 'setAside', id }, value),
    async saveSecret(id, value, now) {
      await db.secrets.put({ id, sealed: await key.seal({ table: 'secrets', id }, value), updatedAt: now });
    },
  };
}
