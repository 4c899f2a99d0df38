import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BureauDb, BureauFileRow } from '../../store/bureauDb.ts';
import { admitFiles, removeFile, type FileReport, type IncomingFile } from '../admit.ts';
import type { DemoCounty } from '../demoCounty.ts';
import { ZKnownKey, type KnownKey } from '../keyRegistry.ts';
import { unwrapSigned } from '../unwrapSigned.ts';
import { EMPTY_SET, yearOf, type FileSet, type LoadedFile, type Slot } from '../fileSet.ts';
import { admitByYear, type YearSets } from '../yearSets.ts';
import { checkFiles } from './checkFiles.ts';

export type Sets = Readonly<Record<Slot, FileSet>>;
/** The two sets, or the files of any other years (for the trends). */
export type Zone = Slot | 'history';

export interface Progress {
  readonly slot: Zone;
  readonly done: number;
  readonly total: number;
}

export interface BureauFiles {
  readonly sets: Sets;
  /** Files of every other school year, one set per year. */
  readonly history: YearSets;
  /** What became of each file of the latest import, per set. */
  readonly reports: Readonly<Record<Zone, readonly FileReport[]>>;
  readonly progress: Progress | undefined;
  /** False until the files kept from the last session are read back. */
  readonly restored: boolean;
  /** Set when files were admitted but could not be kept in IndexedDB (they stay loaded for this session). */
  readonly storeError: string | undefined;
  readonly importFiles: (slot: Zone, files: readonly File[], county: string) => Promise<void>;
  /** Replaces every loaded file with the demo county's: the newest year current, the one before it comparison, the rest history. */
  readonly openDemo: (demo: DemoCounty) => Promise<readonly FileReport[]>;
  readonly remove: (slot: Zone, id: string) => void;
  readonly clear: (slot: Zone) => void;
  /** The senders' signing keys on record, in the order they were first seen. */
  readonly keys: readonly KnownKey[];
  /** Drops a sender's key, after the bureau has confirmed with the sender that the key changed. */
  readonly forgetKey: (sender: string) => void;
}

const other = (slot: Slot): Slot => (slot === 'current' ? 'comparison' : 'current');
/** Files are checked in batches (in the check worker); each batch is merged and drawn as it comes. */
const BATCH = 50;
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const NO_REPORTS: Record<Zone, readonly FileReport[]> = { current: [], comparison: [], history: [] };

let serial = 0;
const newId = (): string => `${Date.now().toString(36)}-${(serial += 1).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const takenYears = (sets: Sets): string[] => [yearOf(sets.current), yearOf(sets.comparison)].filter((year) => year !== undefined);
const historyFiles = (history: YearSets): LoadedFile[] => [...history.values()].flatMap((set) => set.files);
const rowsOf = (slot: Zone, files: readonly LoadedFile[], order: number): BureauFileRow[] =>
  files.map((file, index) => ({ id: file.id, slot, name: file.name, aggregate: file.aggregate, order: order + index / 10_000 }));
const failure = (error: unknown): string => (error instanceof Error ? error.name : String(error));

/**
 * The loaded files, kept in IndexedDB so a closed tab loses nothing: the current and comparison sets,
 * and any number of other years for the trends. Every file, new or read back, goes through
 * `admitFile`: a refused file changes nothing.
 */
export function useBureauFiles(db: BureauDb): BureauFiles {
  const [sets, setSets] = useState<Sets>({ current: EMPTY_SET, comparison: EMPTY_SET });
  const [history, setHistory] = useState<YearSets>(new Map());
  const [reports, setReports] = useState<Record<Zone, readonly FileReport[]>>(NO_REPORTS);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [restored, setRestored] = useState(false);
  const [storeError, setStoreError] = useState<string | undefined>();
  const [keys, setKeys] = useState<readonly KnownKey[]>([]);
  const knownKeys = useRef<ReadonlyMap<string, KnownKey>>(new Map());
  const keepKeys = useCallback((list: readonly KnownKey[]) => {
    knownKeys.current = new Map(list.map((key) => [key.sender, key]));
    setKeys([...list].sort((a, b) => a.since.localeCompare(b.since)));
  }, []);
  const latest = useRef(sets);
  const latestHistory = useRef(history);
  const commit = useCallback((next: Sets) => {
    latest.current = next;
    setSets(next);
  }, []);
  const commitHistory = useCallback((next: YearSets) => {
    latestHistory.current = next;
    setHistory(next);
  }, []);
  const store = useCallback(async (write: () => Promise<unknown>) => {
    try {
      await write();
      setStoreError(undefined);
    } catch (error) {
      setStoreError(failure(error));
    }
  }, []);

  useEffect(() => {
    let live = true;
    // Stored entries are checked like any input; a damaged one is left out (its sender is then new again).
    void db.keys.toArray().then((list) => { if (live) keepKeys(list.flatMap((row) => { const key = ZKnownKey.safeParse(row); return key.success ? [key.data as KnownKey] : []; })); });
    void db.files.orderBy('order').toArray().then((rows) => {
      if (!live) return;
      const stored = (slot: Zone): IncomingFile[] => rows.filter((row) => row.slot === slot).map((row) => ({ id: row.id, name: row.name, json: row.aggregate }));
      const back = (slot: Slot, otherYear?: string) => admitFiles(EMPTY_SET, stored(slot), otherYear ? { otherYear } : {}).set;
      const current = back('current');
      const next = { current, comparison: back('comparison', yearOf(current)) };
      commit(next);
      commitHistory(admitByYear(new Map(), stored('history'), { taken: takenYears(next) }).sets);
      setRestored(true);
    }, (error: unknown) => { if (live) { setStoreError(failure(error)); setRestored(true); } });
    return () => { live = false; };
  }, [db, commit, commitHistory, keepKeys]);

  const importFiles = useCallback(async (slot: Zone, files: readonly File[], county: string) => {
    if (files.length === 0) return;
    setProgress({ slot, done: 0, total: files.length });
    // Whatever happens to one file or one write, the page never stays on "checking…".
    try {
      // A file that cannot be read gets empty text, and is then refused as damaged like any other.
      const read: IncomingFile[] = await Promise.all(files.map(async (file) => ({ id: newId(), name: file.name, text: await file.text().catch(() => '') })));
      const { ready: incoming, refused } = await unwrapSigned(read);
      const before = new Set((slot === 'history' ? historyFiles(latestHistory.current) : latest.current[slot].files).map((file) => file.id));
      let set = slot === 'history' ? EMPTY_SET : latest.current[slot];
      let years = latestHistory.current;
      const found: FileReport[] = [...refused];
      const learned: KnownKey[] = [];
      const now = new Date().toISOString();
      let done = 0;
      // Parsing and checking run in a worker; each checked batch is merged here and shown at once.
      await checkFiles(incoming, BATCH, async (batch) => {
        const options = { county, keys: knownKeys.current, now };
        if (slot === 'history') {
          const admitted = admitByYear(years, batch, { ...options, taken: takenYears(latest.current) });
          years = admitted.sets;
          found.push(...admitted.reports);
          learned.push(...admitted.learned);
          if (admitted.learned.length > 0) keepKeys([...knownKeys.current.values(), ...admitted.learned]);
          commitHistory(years);
        } else {
          const otherYear = yearOf(latest.current[other(slot)]);
          const admitted = admitFiles(set, batch, { ...options, ...(slot === 'comparison' && otherYear ? { otherYear } : {}) });
          set = admitted.set;
          found.push(...admitted.reports);
          learned.push(...admitted.learned);
          if (admitted.learned.length > 0) keepKeys([...knownKeys.current.values(), ...admitted.learned]);
          commit({ ...latest.current, [slot]: set });
        }
        done += batch.length;
        setProgress({ slot, done, total: incoming.length });
        await nextFrame();
      });
      const added = (slot === 'history' ? historyFiles(years) : set.files).filter((file) => !before.has(file.id));
      setReports((current) => ({ ...current, [slot]: found }));
      // Kept for the next session once the dashboard is up; the files themselves are the source.
      await store(async () => {
        await db.files.bulkPut(rowsOf(slot, added, Date.now()));
        await db.keys.bulkPut(learned);
      });
    } finally {
      setProgress(undefined);
    }
  }, [db, commit, commitHistory, keepKeys, store]);

  const openDemo = useCallback(async (demo: DemoCounty) => {
    const years = [...demo.years];
    const newest = years.pop();
    const previous = years.pop();
    setProgress({ slot: 'current', done: 0, total: demo.years.reduce((sum, year) => sum + year.files.length, 0) });
    await nextFrame();
    const current = admitFiles(EMPTY_SET, newest?.files ?? []);
    const comparison = admitFiles(EMPTY_SET, previous?.files ?? [], newest ? { otherYear: newest.schoolYear } : {});
    const next = { current: current.set, comparison: comparison.set };
    const rest = admitByYear(new Map(), years.flatMap((year) => year.files), { taken: takenYears(next) });
    commit(next);
    commitHistory(rest.sets);
    const found = [...current.reports, ...comparison.reports, ...rest.reports];
    setReports({ current: current.reports, comparison: comparison.reports, history: rest.reports });
    setProgress(undefined);
    const order = Date.now();
    await store(async () => {
      await db.files.clear();
      await db.files.bulkPut([...rowsOf('current', next.current.files, order), ...rowsOf('comparison', next.comparison.files, order + 1), ...rowsOf('history', historyFiles(rest.sets), order + 2)]);
    });
    return found;
  }, [db, commit, commitHistory, store]);

  const forgetKey = useCallback((sender: string) => {
    keepKeys([...knownKeys.current.values()].filter((key) => key.sender !== sender));
    void store(() => db.keys.delete(sender));
  }, [db, keepKeys, store]);

  const remove = useCallback((slot: Zone, id: string) => {
    if (slot === 'history') {
      commitHistory(new Map([...latestHistory.current].map(([year, set]) => [year, removeFile(set, id)] as const).filter(([, set]) => set.files.length > 0)));
    } else commit({ ...latest.current, [slot]: removeFile(latest.current[slot], id) });
    void store(() => db.files.delete(id));
  }, [db, commit, commitHistory, store]);

  const clear = useCallback((slot: Zone) => {
    if (slot === 'history') commitHistory(new Map());
    else commit({ ...latest.current, [slot]: EMPTY_SET });
    setReports((current) => ({ ...current, [slot]: [] }));
    void store(() => db.files.where('slot').equals(slot).delete());
  }, [db, commit, commitHistory, store]);

  return useMemo(() => ({ sets, history, reports, progress, restored, storeError, importFiles, openDemo, remove, clear, keys, forgetKey }),
    [sets, history, reports, progress, restored, storeError, importFiles, openDemo, remove, clear, keys, forgetKey]);
}
