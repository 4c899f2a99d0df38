import {
  fail, issue, parseDefinition, parseJsonText, runVectors, shortRefOf,
  type Catalog, type Outcome, type Vectors,
} from '../../../scoring/index.ts';
import type { LibraryRow, TeacherDb } from '../../store/teacherDb.ts';
import { saveDefinition, workspaceCatalog } from './customLibrary.ts';

/** Whether a file's text is a vectors file (JSON of kind "vectors"), so the import can send it here. */
export const looksLikeVectors = (text: string): boolean => /^\s*\{[\s\S]*"kind"\s*:\s*"vectors"/.test(text);

/**
 * Conformance vectors for one of the school's own instruments: read, checked against that published
 * instrument under the policy they name (every case must pass), then kept in the school's library,
 * from where plans carry them to the lab machines, which run them again. Shipped instrument versions
 * come with their own vectors and take no others.
 */
export async function importVectors(db: TeacherDb, shipped: Catalog, text: string, now: string): Promise<Outcome<{ row: LibraryRow; vectors: Vectors }>> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseDefinition(json.value);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'vectors') return fail([issue('vectors_import_wrong_kind', ['kind'], { kind: parsed.value.kind })]);
  const vectors = parsed.value.value;
  const ref = `${vectors.id}@${vectors.version}`;
  if (shipped.instruments.some((def) => shortRefOf(def) === ref)) return fail([issue('vectors_instrument_shipped', ['id'], { ref })]);
  const catalog = workspaceCatalog(shipped, await db.library.toArray());
  const instrument = catalog.instruments.find((def) => shortRefOf(def) === ref);
  if (!instrument) return fail([issue('vectors_instrument_unknown', ['id'], { ref })]);
  const policy = catalog.policies.find((candidate) => shortRefOf(candidate) === vectors.policy);
  if (!policy) return fail([issue('vectors_policy_unknown', ['policy'], { ref: vectors.policy })]);
  const problems = runVectors(instrument, vectors, policy);
  if (problems.length > 0) return fail(problems);
  const saved = await saveDefinition(db, vectors, 'published', now);
  return saved.ok ? { ok: true, value: { row: saved.value, vectors } } : saved;
}
