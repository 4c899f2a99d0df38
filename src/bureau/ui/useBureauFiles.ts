import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BureauDb } from '../../store/bureauDb.ts';
import { admitFiles, removeFile, type FileReport, type IncomingFile } from '../admit.ts';
import { ZKnownKey, type KnownKey } from '../keyRegistry.ts';
import { unwrapSigned } from '../unwrapSigned.ts';
import { EMPTY_SET, yearOf, type FileSet, type Slot } from '../fileSet.ts';

export type Sets = Readonly<Record<Slot, FileSet>>;

export interface Progress {
  readonly slot: Slot;
  readonly done: number;
  readonly total: number;
}

export interface BureauFiles {
  readonly sets: Sets;
  /** What became of each file of the latest import, per set. */
  readonly reports: Readonly<Record<Slot, readonly FileReport[]>>;
  readonly progress: Progress | undefined;
  /** False until the files kept from the last session are read back. */
  readonly restored: boolean;
  readonly importFiles: (slot: Slot, files: readonly File[], county: string) => Promise<void>;
  readonly remove: (slot: Slot, id: string) => void;
  readonly clear: (slot: Slot) => void;
  /** The senders' signing keys on record, in the order they were first seen. */
  readonly keys: readonly KnownKey[];
  /** Drops a sender's key, after the bureau has confirmed with the sender that the key changed. */
  readonly forgetKey: (sender: string) => void;
}

const other = (slot: Slot): Slot => (slot === 'current' ? 'comparison' : 'current');
/** Files are checked in batches; between batches the page repaints the progress. */
const BATCH = 25;
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let serial = 0;
const newId = (): string => `${Date.now().toString(36)}-${(serial += 1).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * The two sets of loaded files, kept in IndexedDB so a closed tab loses nothing. Every file, new or
 * read back, goes through `admitFiles`: a refused file changes nothing.
 */
export function useBureauFiles(db: BureauDb): BureauFiles {
  const [sets, setSets] = useState<Sets>({ current: EMPTY_SET, comparison: EMPTY_SET });
  const [reports, setReports] = useState<Record<Slot, readonly FileReport[]>>({ current: [], comparison: [] });
  const [progress, setProgress] = useState<Progress | undefined>();
  const [restored, setRestored] = useState(false);
  const [keys, setKeys] = useState<readonly KnownKey[]>([]);
  const knownKeys = useRef<ReadonlyMap<string, KnownKey>>(new Map());
  const keepKeys = useCallback((list: readonly KnownKey[]) => {
    knownKeys.current = new Map(list.map((key) => [key.sender, key]));
    setKeys([...list].sort((a, b) => a.since.localeCompare(b.since)));
  }, []);
  const latest = useRef(sets);
  const commit = useCallback((next: Sets) => {
    latest.current = next;
    setSets(next);
  }, []);

  useEffect(() => {
    let live = true;
    // Stored entries are checked like any input; a damaged one is left out (its sender is then new again).
    void db.keys.toArray().then((list) => { if (live) keepKeys(list.flatMap((row) => { const key = ZKnownKey.safeParse(row); return key.success ? [key.data as KnownKey] : []; })); });
    void db.files.orderBy('order').toArray().then((rows) => {
      if (!live) return;
      const back = (slot: Slot, otherYear?: string) =>
        admitFiles(EMPTY_SET, rows.filter((row) => row.slot === slot).map((row) => ({ id: row.id, name: row.name, json: row.aggregate })), otherYear ? { otherYear } : {}).set;
      const current = back('current');
      const year = yearOf(current);
      commit({ current, comparison: back('comparison', year) });
      setRestored(true);
    });
    return () => { live = false; };
  }, [db, commit, keepKeys]);

  const importFiles = useCallback(async (slot: Slot, files: readonly File[], county: string) => {
    if (files.length === 0) return;
    setProgress({ slot, done: 0, total: files.length });
    // Whatever happens to one file or one write, the page never stays on "checking…".
    try {
      // A file that cannot be read gets empty text, and is then refused as damaged like any other.
      const read: IncomingFile[] = await Promise.all(files.map(async (file) => ({ id: newId(), name: file.name, text: await file.text().catch(() => '') })));
      const { ready: incoming, refused } = await unwrapSigned(read);
      let set = latest.current[slot];
      const found: FileReport[] = [...refused];
      const learned: KnownKey[] = [];
      const now = new Date().toISOString();
      for (let start = 0; start < incoming.length; start += BATCH) {
        const otherYear = yearOf(latest.current[other(slot)]);
        const done = admitFiles(set, incoming.slice(start, start + BATCH), { county, keys: knownKeys.current, now, ...(slot === 'comparison' && otherYear ? { otherYear } : {}) });
        set = done.set;
        found.push(...done.reports);
        learned.push(...done.learned);
        if (done.learned.length > 0) keepKeys([...knownKeys.current.values(), ...done.learned]);
        setProgress({ slot, done: Math.min(start + BATCH, incoming.length), total: incoming.length });
        await nextFrame();
      }
      const before = new Set(latest.current[slot].files.map((file) => file.id));
      const added = set.files.filter((file) => !before.has(file.id));
      commit({ ...latest.current, [slot]: set });
      setReports((current) => ({ ...current, [slot]: found }));
      // Kept for the next session once the dashboard is up; the files themselves are the source.
      const order = Date.now();
      await db.files.bulkPut(added.map((file, index) => ({ id: file.id, slot, name: file.name, aggregate: file.aggregate, order: order + index / 10_000 })));
      await db.keys.bulkPut(learned);
    } finally {
      setProgress(undefined);
    }
  }, [db, commit, keepKeys]);

  const forgetKey = useCallback((sender: string) => {
    keepKeys([...knownKeys.current.values()].filter((key) => key.sender !== sender));
    void db.keys.delete(sender);
  }, [db, keepKeys]);

  const remove = useCallback((slot: Slot, id: string) => {
    commit({ ...latest.current, [slot]: removeFile(latest.current[slot], id) });
    void db.files.delete(id);
  }, [db, commit]);

  const clear = useCallback((slot: Slot) => {
    commit({ ...latest.current, [slot]: EMPTY_SET });
    setReports((current) => ({ ...current, [slot]: [] }));
    void db.files.where('slot').equals(slot).delete();
  }, [db, commit]);

  return useMemo(() => ({ sets, reports, progress, restored, importFiles, remove, clear, keys, forgetKey }), [sets, reports, progress, restored, importFiles, remove, clear, keys, forgetKey]);
}
