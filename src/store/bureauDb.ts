import Dexie, { type EntityTable } from 'dexie';
import type { KnownKey } from '../bureau/keyRegistry.ts';

/**
 * The bureau workspace's IndexedDB: the aggregate files it has loaded, so a closed tab loses nothing.
 * They are anonymous by construction (DESIGN.md invariant 7), so they are stored as they are; every
 * file is checked again when read back.
 */
export interface BureauFileRow {
  readonly id: string;
  /** `history`: a file of any other school year, for the trends. */
  readonly slot: 'current' | 'comparison' | 'history';
  readonly name: string;
  /** The parsed `.psyagg` value. */
  readonly aggregate: unknown;
  /** Order of loading, so the files are merged back in the order they came. */
  readonly order: number;
}

/** The bureau's list of expected schools (src/bureau/schoolList), one row, checked again when read back. */
export interface BureauListRow {
  readonly id: 'expected';
  readonly list: unknown;
}

export type BureauDb = Dexie & {
  lists: EntityTable<BureauListRow, 'id'>;
  files: EntityTable<BureauFileRow, 'id'>;
  /** The signing key of each school (or lower bureau) that has sent a signed file (keyRegistry.ts). */
  keys: EntityTable<KnownKey, 'sender'>;
};

export function openBureauDb(name = 'psyscreen-bureau'): BureauDb {
  const db = new Dexie(name) as BureauDb;
  db.version(1).stores({ files: 'id, slot, order' });
  db.version(2).stores({ keys: 'sender' });
  // Until version 3 every key on record came from a signed file of version 1, whose key name was not
  // signed: drop those names so nothing unsigned is ever shown as verified.
  db.version(3).stores({ keys: 'sender', lists: 'id' }).upgrade((tx) =>
    tx.table<KnownKey & { keyName?: unknown }, 'sender'>('keys').toCollection().modify((key) => { delete key.keyName; }));
  return db;
}
