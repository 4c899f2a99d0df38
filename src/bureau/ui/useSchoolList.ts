import { useCallback, useEffect, useState } from 'react';
import { issue, parseWith, type Issue } from '../../../scoring/index.ts';
import type { BureauDb } from '../../store/bureauDb.ts';
import { readSchoolList } from '../schoolList/readSchoolList.ts';
import { ZSchoolList, type SchoolList } from '../schoolList/schema.ts';

export interface SchoolListState {
  readonly list: SchoolList | undefined;
  /** Why the latest import was refused (the list kept is the one before it). */
  readonly issues: readonly Issue[];
  readonly busy: boolean;
  readonly importList: (file: { readonly name: string; readonly bytes: Uint8Array }, imported: string) => Promise<void>;
  /** Puts a list read elsewhere (the demo county's) in place. */
  readonly replaceList: (list: SchoolList) => Promise<void>;
  readonly clearList: () => void;
}

/** The expected-school list, kept in IndexedDB. A refused import, or a failed write, changes nothing and says why. */
export function useSchoolList(db: BureauDb): SchoolListState {
  const [list, setList] = useState<SchoolList | undefined>();
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void db.lists.get('expected').then((row) => {
      const parsed = row ? parseWith(ZSchoolList, row.list) : undefined;
      if (live && parsed?.ok) setList(parsed.value);
    });
    return () => { live = false; };
  }, [db]);

  const keep = useCallback(async (next: SchoolList) => {
    try {
      await db.lists.put({ id: 'expected', list: next });
    } catch (error) {
      setIssues([issue('school_list_not_saved', [], { detail: error instanceof Error ? error.name : String(error) })]);
      return;
    }
    setList(next);
    setIssues([]);
  }, [db]);

  const importList = useCallback(async (file: { readonly name: string; readonly bytes: Uint8Array }, imported: string) => {
    setBusy(true);
    try {
      const read = await readSchoolList(file.bytes);
      if (!read.ok) {
        setIssues(read.issues);
        return;
      }
      await keep({ format: 'psyscreen-school-list', version: 1, source: file.name.slice(0, 300), imported, schools: [...read.value.schools] });
    } finally {
      setBusy(false);
    }
  }, [keep]);

  const clearList = useCallback(() => {
    void db.lists.delete('expected').then(() => setList(undefined), (error: unknown) => setIssues([issue('school_list_not_saved', [], { detail: error instanceof Error ? error.name : String(error) })]));
  }, [db]);

  return { list, issues, busy, importList, replaceList: keep, clearList };
}
