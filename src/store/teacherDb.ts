import Dexie, { type EntityTable } from 'dexie';

/**
 * The teacher workspace's IndexedDB. Rows that name or describe a student (`records`, `secrets`,
 * `setAside`) hold only ciphertext under the workspace storage key (records/storageKey.ts), which
 * exists only while the school key is unlocked. Plans and the wrapped private key hold no student data.
 */
export interface StoredKeyRow {
  readonly slot: 'school';
  /** The `psyscreen-private-key` JSON (the private key wrapped under the teacher's passphrase). */
  stored: unknown;
  /** The school's name as the teacher typed it (records carry it in each wave). */
  readonly school?: string;
  /** Who acts in this workspace: the name written into audit entries and follow-up records. */
  readonly teacher?: string;
  /** Only in the demo workspace, whose passphrase is public: shown on the unlock screen. */
  demoPassphrase?: string;
  /** When a backup file was last made; the workspace nags until there is one. */
  readonly backupMadeAt?: string;
}
export interface EncryptedRow {
  readonly id: string;
  readonly sealed: Uint8Array;
  readonly updatedAt: string;
}
export interface PlanRow {
  /** `id@version` */
  readonly id: string;
  /** The kiosk plan file (plan, kiosk settings, roster sealed per sign-in code). */
  readonly kioskPlan: unknown;
  /** The grades whose students are on this plan's roster: the screening's denominator. */
  readonly grades: readonly number[];
  readonly created: string;
}
export interface ImportLogRow {
  readonly id: string;
  readonly at: string;
  readonly file: string;
  /** As the batch's manifest states them (see `confirmed`). */
  readonly plan: string;
  readonly machine: string;
  /** true when the batch's submissions (authenticated) name this plan and machine; absent in older rows (not confirmed). */
  readonly confirmed?: boolean;
  readonly counts: { readonly new: number; readonly duplicate: number; readonly forOtherKey: number; readonly damaged: number; readonly unmatched: number };
}

/**
 * A school's own definitions: instruments it imported or wrote, norm tables it imported or derived,
 * tier policies it edited. A draft can change; a published version never does (its hash is kept).
 */
export interface LibraryRow {
  /** `<kind>:<id>@<version>` */
  readonly key: string;
  readonly kind: 'instrument' | 'norms' | 'policy' | 'vectors';
  readonly status: 'draft' | 'published';
  /** The definition as JSON (validated by scoring's schemas before it is stored). */
  readonly json: unknown;
  readonly updated: string;
  /** `id@version#sha256`, set when published. */
  readonly ref?: string;
}

export type TeacherDb = Dexie & {
  keys: EntityTable<StoredKeyRow, 'slot'>;
  records: EntityTable<EncryptedRow, 'id'>;
  secrets: EntityTable<EncryptedRow, 'id'>;
  setAside: EntityTable<EncryptedRow, 'id'>;
  plans: EntityTable<PlanRow, 'id'>;
  imports: EntityTable<ImportLogRow, 'id'>;
  library: EntityTable<LibraryRow, 'key'>;
};

export function openTeacherDb(name = 'psyscreen-teacher'): TeacherDb {
  const db = new Dexie(name) as TeacherDb;
  db.version(1).stores({
    keys: 'slot',
    records: 'id',
    secrets: 'id',
    setAside: 'id',
    plans: 'id',
    imports: 'id, at',
  });
  db.version(2).stores({ library: 'key, kind, status' });
  return db;
}
