import { buildCatalog, canonicalJson, fail, issue, parseDefinition, refOf, succeed, type Catalog, type Definition, type Outcome } from '../../../scoring/index.ts';
import type { LibraryRow, TeacherDb } from '../../store/teacherDb.ts';

/**
 * The school's own library beside the shipped one. Rows are validated with scoring's schemas when
 * saved and again when read (a row that no longer validates is reported, not used). A published
 * version is frozen: saving different content under its id and version is refused; the next
 * version must be saved instead.
 */
export const libraryKey = (definition: Definition): string => `${definition.kind}:${definition.value.id}@${definition.value.version}`;

export async function loadCustomLibrary(db: TeacherDb): Promise<{ rows: LibraryRow[]; definitions: Definition[]; problems: { key: string; codes: string[] }[] }> {
  const rows = await db.library.toArray();
  const definitions: Definition[] = [];
  const problems: { key: string; codes: string[] }[] = [];
  for (const row of rows) {
    const parsed = parseDefinition(row.json);
    if (parsed.ok) definitions.push(parsed.value);
    else problems.push({ key: row.key, codes: parsed.issues.map((found) => found.code) });
  }
  return { rows, definitions, problems };
}

export async function saveDefinition(db: TeacherDb, json: unknown, status: LibraryRow['status'], now: string): Promise<Outcome<LibraryRow>> {
  const parsed = parseDefinition(json);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind === 'plan') return fail([issue('library_plan_not_here', ['kind'])]);
  const key = libraryKey(parsed.value);
  const existing = await db.library.get(key);
  if (existing?.status === 'published' && canonicalJson(existing.json) !== canonicalJson(parsed.value.value)) {
    return fail([issue('library_version_frozen', ['version'], { key })]);
  }
  if (existing?.status === 'published') return succeed(existing);
  const row: LibraryRow = {
    key, kind: parsed.value.kind, status, json: parsed.value.value, updated: now,
    ...(status === 'published' ? { ref: refOf(parsed.value.value) } : {}),
  };
  await db.library.put(row);
  return succeed(row);
}

/** The shipped catalog plus the school's published definitions (drafts are never used for scoring). */
export function workspaceCatalog(shipped: Catalog, rows: readonly LibraryRow[]): Catalog {
  const parts = { instruments: [...shipped.instruments], norms: [...shipped.norms], policies: [...shipped.policies], vectors: [...(shipped.vectors ?? [])] };
  for (const row of rows) {
    if (row.status !== 'published') continue;
    const parsed = parseDefinition(row.json);
    if (!parsed.ok) continue;
    if (parsed.value.kind === 'instrument') parts.instruments.push(parsed.value.value);
    else if (parsed.value.kind === 'norms') parts.norms.push(parsed.value.value);
    else if (parsed.value.kind === 'policy') parts.policies.push(parsed.value.value);
    else if (parsed.value.kind === 'vectors') parts.vectors.push(parsed.value.value);
  }
  return buildCatalog(parts);
}
