import { canonicalJson, fail, issue, parseInstrument, refOf, succeed, type Catalog, type Instrument, type Outcome } from '../../../scoring/index.ts';
import type { LibraryRow, TeacherDb } from '../../store/teacherDb.ts';
import { libraryKey, loadCustomLibrary, saveDefinition } from './customLibrary.ts';
import { readInstrumentFile } from './instrumentFile.ts';

/**
 * The instruments a school can see: the shipped ones and its own drafts and published versions,
 * grouped by id with every version. A draft can be replaced (re-import) and deleted; publishing
 * freezes it; a change to a published version is saved as the next version.
 */

export type VersionStatus = 'shipped' | 'draft' | 'published';

export interface InstrumentVersion {
  readonly def: Instrument;
  readonly status: VersionStatus;
  /** The library row's key, for the school's own versions. */
  readonly key?: string;
  /** `id@version#sha256`: fixed for shipped and published versions; a draft's changes with every edit. */
  readonly ref: string;
  readonly updated?: string;
}

export interface InstrumentEntry {
  readonly id: string;
  /** Newest first. */
  readonly versions: readonly InstrumentVersion[];
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let index = 0; index < 3; index += 1) if ((pa[index] ?? 0) !== (pb[index] ?? 0)) return (pa[index] ?? 0) - (pb[index] ?? 0);
  return 0;
}

const instrumentKey = (def: Instrument): string => libraryKey({ kind: 'instrument', value: def });

/** Every instrument id with its versions, shipped and the school's, the newest version first. */
export function instrumentEntries(shipped: Catalog, rows: readonly LibraryRow[]): InstrumentEntry[] {
  const byId = new Map<string, InstrumentVersion[]>();
  const add = (version: InstrumentVersion) => {
    const list = byId.get(version.def.id) ?? [];
    list.push(version);
    byId.set(version.def.id, list);
  };
  for (const def of shipped.instruments) add({ def, status: 'shipped', ref: refOf(def) });
  for (const row of rows) {
    if (row.kind !== 'instrument') continue;
    const parsed = parseInstrument(row.json);
    if (!parsed.ok) continue;
    add({ def: parsed.value, status: row.status, key: row.key, ref: row.ref ?? refOf(parsed.value), updated: row.updated });
  }
  return [...byId.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, versions]) => ({ id, versions: versions.sort((a, b) => compareVersions(b.def.version, a.def.version)) }));
}

export async function listInstruments(db: TeacherDb, shipped: Catalog): Promise<{ entries: InstrumentEntry[]; problems: { key: string; codes: string[] }[] }> {
  const { rows, problems } = await loadCustomLibrary(db);
  return { entries: instrumentEntries(shipped, rows), problems: problems.filter((problem) => problem.key.startsWith('instrument:')) };
}

/** The patch after the highest of `version` and the versions taken, so the new version is also the newest. */
export function nextFreeVersion(version: string, taken: readonly string[]): string {
  const highest = [version, ...taken].reduce((best, candidate) => (compareVersions(candidate, best) > 0 ? candidate : best));
  const [major = 0, minor = 0, patch = 0] = highest.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}

export const withVersion = (def: Instrument, version: string): Instrument => ({ ...def, version });

export type SaveDraftResult =
  | { readonly kind: 'saved'; readonly row: LibraryRow; readonly replaced: boolean }
  | { readonly kind: 'already-published'; readonly row: LibraryRow }
  | { readonly kind: 'already-shipped' };

/**
 * Saves an imported definition as a draft. A draft of the same id and version is replaced (that is
 * how a draft is edited). A version that is shipped, or published by the school, with other content
 * is refused with the next free version in the issue, for the page to offer; with the same content
 * there is nothing to save.
 */
export async function saveInstrumentDraft(db: TeacherDb, shipped: Catalog, def: Instrument, now: string): Promise<Outcome<SaveDraftResult>> {
  const key = instrumentKey(def);
  const taken = await takenVersions(db, shipped, def.id);
  const next = nextFreeVersion(def.version, taken);
  const shippedVersion = shipped.instruments.find((candidate) => candidate.id === def.id && candidate.version === def.version);
  if (shippedVersion) {
    if (canonicalJson(shippedVersion) === canonicalJson(def)) return succeed({ kind: 'already-shipped' });
    return fail([issue('instrument_version_shipped', ['version'], { key: `${def.id}@${def.version}`, next })]);
  }
  const existing = await db.library.get(key);
  if (existing?.status === 'published') {
    if (canonicalJson(existing.json) === canonicalJson(def)) return succeed({ kind: 'already-published', row: existing });
    return fail([issue('library_version_frozen', ['version'], { key: `${def.id}@${def.version}`, next })]);
  }
  const saved = await saveDefinition(db, def, 'draft', now);
  return saved.ok ? succeed({ kind: 'saved', row: saved.value, replaced: existing !== undefined }) : saved;
}

export interface FileImport {
  readonly format: 'json' | 'template';
  /** The file read and validated; when it failed, nothing was saved. */
  readonly read: Outcome<Instrument>;
  /** Present when the file was valid: the draft saved, or why it was refused. */
  readonly saved?: Outcome<SaveDraftResult>;
}

/** A chosen file (JSON or filled template) saved as a draft, or refused whole with every problem in it. */
export async function importInstrumentFile(db: TeacherDb, shipped: Catalog, bytes: Uint8Array, now: string): Promise<FileImport> {
  const { format, outcome } = await readInstrumentFile(bytes);
  if (!outcome.ok) return { format, read: outcome };
  return { format, read: outcome, saved: await saveInstrumentDraft(db, shipped, outcome.value, now) };
}

/** Freezes a draft: from now on its content under this id and version never changes. */
export async function publishInstrument(db: TeacherDb, key: string, now: string): Promise<Outcome<LibraryRow>> {
  const row = await db.library.get(key);
  if (row?.kind !== 'instrument' || row.status !== 'draft') return fail([issue('instrument_not_a_draft', [], { key })]);
  return saveDefinition(db, row.json, 'published', now);
}

/** Deletes a draft; published versions stay for good (results name them). */
export async function deleteInstrumentDraft(db: TeacherDb, key: string): Promise<Outcome<true>> {
  const row = await db.library.get(key);
  if (row?.kind !== 'instrument' || row.status !== 'draft') return fail([issue('instrument_not_a_draft', [], { key })]);
  await db.library.delete(key);
  return succeed(true);
}

async function takenVersions(db: TeacherDb, shipped: Catalog, id: string): Promise<string[]> {
  const rows = await db.library.where('kind').equals('instrument').toArray();
  const school = rows.flatMap((row) => {
    const parsed = parseInstrument(row.json);
    return parsed.ok && parsed.value.id === id ? [parsed.value.version] : [];
  });
  return [...shipped.instruments.filter((def) => def.id === id).map((def) => def.version), ...school];
}

/** A version the school published of an instrument the app ships (e.g. phq9@1.0.1 beside the shipped phq9@1.0.0). */
export const isSchoolEdit = (def: { readonly id: string; readonly version: string }, shipped: Catalog): boolean =>
  shipped.instruments.some((candidate) => candidate.id === def.id) && !shipped.instruments.some((candidate) => candidate.id === def.id && candidate.version === def.version);
