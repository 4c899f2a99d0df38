import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseDefinition, parseRef, type Catalog, type NormTable, type TierPolicy } from '../../../scoring/index.ts';
import { bundledCatalog } from '../../library/bundled.ts';
import type { LibraryRow, TeacherDb } from '../../store/teacherDb.ts';
import { loadCustomLibrary, workspaceCatalog } from '../workspace/customLibrary.ts';

export interface WorkspaceLibrary {
  /** The school's own rows (drafts and published), undefined while loading. */
  readonly rows: readonly LibraryRow[] | undefined;
  /** The shipped library plus the school's published definitions: what plans may use. */
  readonly catalog: Catalog;
  readonly shipped: Catalog;
  readonly reload: () => void;
}

/** The shipped and the school's own library, read from IndexedDB; `reload` after saving into it. */
export function useWorkspaceLibrary(db: TeacherDb): WorkspaceLibrary {
  const [rows, setRows] = useState<readonly LibraryRow[] | undefined>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    void loadCustomLibrary(db).then((loaded) => { if (current) setRows(loaded.rows); });
    return () => { current = false; };
  }, [db, generation]);
  const catalog = useMemo(() => workspaceCatalog(bundledCatalog, rows ?? []), [rows]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return useMemo(() => ({ rows, catalog, shipped: bundledCatalog, reload }), [rows, catalog, reload]);
}

/** Every id@version of a kind the workspace holds (shipped, published or draft): a new version must differ from all. */
export function takenVersions(library: WorkspaceLibrary, kind: 'norms' | 'policy'): { id: string; version: string }[] {
  const inCatalog = kind === 'norms' ? library.catalog.norms : library.catalog.policies;
  const inRows = (library.rows ?? []).flatMap((row) => {
    const ref = row.kind === kind ? parseRef(row.key.slice(kind.length + 1)) : undefined;
    return ref ? [{ id: ref.id, version: ref.version }] : [];
  });
  return [...inCatalog.map(({ id, version }) => ({ id, version })), ...inRows];
}

export type LibraryOrigin = 'shipped' | 'published' | 'draft';
export interface LibraryEntry { readonly origin: LibraryOrigin; readonly definition: NormTable | TierPolicy }

/** Every norm table and tier policy: shipped ones, then the school's (published and drafts), each with where it came from. */
export function libraryEntries(library: WorkspaceLibrary): LibraryEntry[] {
  const shipped: LibraryEntry[] = [...library.shipped.norms, ...library.shipped.policies].map((definition) => ({ origin: 'shipped', definition }));
  const own = (library.rows ?? []).flatMap((row): LibraryEntry[] => {
    const parsed = parseDefinition(row.json);
    if (!parsed.ok || (parsed.value.kind !== 'norms' && parsed.value.kind !== 'policy')) return [];
    return [{ origin: row.status, definition: parsed.value.value }];
  });
  return [...shipped, ...own];
}
