import Dexie, { type EntityTable } from 'dexie';
import type { Sealed } from '../kiosk/codeVault.ts';
import type { KioskPlan } from '../kiosk/kioskPlan.ts';
import type { DraftUpload } from '../lab/protocol.ts';

export interface StoredPlan {
  readonly slot: 'current';
  readonly file: KioskPlan;
  readonly loadedAt: string;
  /** The app build that validated `file`; another build validates it again before use. */
  readonly checkedBy?: string;
  /** The lab server's sha-256 of the file, when it came from there (GET /hello tells when it changes). */
  readonly digest?: string;
}
/** Answers in progress, encrypted under the student's code: nothing readable without it. */
export interface StoredDraft {
  readonly lookup: string;
  readonly planId: string;
  readonly sealed: Sealed;
  readonly updatedAt: string;
}
/** A finished submission, sealed to the school's public key: this machine can no longer read it. */
export interface StoredSubmission {
  readonly id: string;
  readonly planId: string;
  readonly sealed: Uint8Array;
  readonly createdAt: string;
  readonly exportedAt?: string;
  /** When the lab server acknowledged it (on its disk). The copy stays here until the teacher's import receipt. */
  readonly uploadedAt?: string;
  /** The lab server refused it for good (e.g. `already_finished`: the student finished on another PC): kept for the teacher. */
  readonly serverRefused?: string;
}
export interface UsedCode {
  readonly lookup: string;
  readonly planId: string;
  readonly at: string;
  readonly outcome: 'completed' | 'declined';
}
export interface MetaEntry {
  readonly key: string;
  readonly value: string;
}

/**
 * What is still to be sent to the lab server, highest priority first: alerts, submissions, drafts.
 * Only the newest draft per lookup is kept (one row per lookup); a submission row points at its
 * `submissions` row, so its bytes are stored once. Everything here is ciphertext or opaque lookups.
 */
export type OutboxRow =
  | { readonly key: string; readonly kind: 'alert'; readonly id: string; readonly sealed: Uint8Array; readonly queuedAt: string; readonly refused?: string }
  | { readonly key: string; readonly kind: 'submission'; readonly id: string; readonly entry: string; readonly queuedAt: string }
  | { readonly key: string; readonly kind: 'draft'; readonly lookup: string; readonly upload: DraftUpload; readonly queuedAt: string };

/** The folder a teacher chose for an immediate copy of every submission (File System Access API). */
export interface FolderRow {
  readonly slot: 'shared';
  readonly handle: unknown;
  readonly name: string;
}

export type KioskDb = Dexie & {
  plans: EntityTable<StoredPlan, 'slot'>;
  drafts: EntityTable<StoredDraft, 'lookup'>;
  submissions: EntityTable<StoredSubmission, 'id'>;
  usedCodes: EntityTable<UsedCode, 'lookup'>;
  meta: EntityTable<MetaEntry, 'key'>;
  folders: EntityTable<FolderRow, 'slot'>;
  outbox: EntityTable<OutboxRow, 'key'>;
};

export function openKioskDb(name = 'psyscreen-kiosk'): KioskDb {
  const db = new Dexie(name) as KioskDb;
  db.version(1).stores({
    plans: 'slot',
    drafts: 'lookup, planId',
    submissions: 'id, planId, createdAt',
    usedCodes: 'lookup, planId',
    meta: 'key',
  });
  db.version(2).stores({ folders: 'slot' });
  db.version(3).stores({ outbox: 'key, kind' });
  return db;
}
