import {
  canonicalJson, fail, issue, parseDefinition, parseJsonText, shortRefOf, succeed,
  type Catalog, type Issue, type NormTable, type Outcome, type TierPolicy,
} from '../../../scoring/index.ts';
import type { LibraryRow, TeacherDb } from '../../store/teacherDb.ts';
import { saveDefinition } from './customLibrary.ts';
import { unknownTargets } from './policyForm.ts';

export type NormsOrPolicy = { readonly kind: 'norms'; readonly value: NormTable } | { readonly kind: 'policy'; readonly value: TierPolicy };

function normsTargets(table: NormTable, catalog: Catalog): Issue[] {
  const versions = catalog.instruments.filter((def) => def.id === table.instrument);
  if (versions.length === 0) return [issue('norms_instrument_unknown', ['instrument'], { instrument: table.instrument })];
  const matching = versions.filter((def) => table.instrumentVersions.includes(def.version));
  if (matching.length === 0) return [issue('norms_instrument_version_unknown', ['instrumentVersions'], { instrument: table.instrument, versions: table.instrumentVersions.join(', ') })];
  return Object.keys(table.scales).flatMap((scale) => matching.every((def) => def.scales.some((candidate) => candidate.id === scale))
    ? [] : [issue('norms_scale_unknown', ['scales', scale], { instrument: table.instrument, scale })]);
}

/** A school's definition may not take the id and version of a shipped one (the library would hold two). */
export function shippedClash(definition: NormTable | TierPolicy, shipped: Catalog): Issue[] {
  const key = shortRefOf(definition);
  const twin = [...shipped.norms, ...shipped.policies].find((candidate) => candidate.kind === definition.kind && shortRefOf(candidate) === key);
  if (!twin) return [];
  return [issue(canonicalJson(twin) === canonicalJson(definition) ? 'library_already_shipped' : 'library_shipped_conflict', ['version'], { key })];
}

/** Saves a derived norm table or an edited policy into the school's library. */
export async function saveNormsOrPolicy(db: TeacherDb, definition: NormTable | TierPolicy, status: LibraryRow['status'], now: string, shipped: Catalog): Promise<Outcome<LibraryRow>> {
  const clash = shippedClash(definition, shipped);
  return clash.length > 0 ? fail(clash) : saveDefinition(db, definition, status, now);
}

/**
 * A norm table or tier policy file, checked against scoring's schema and the library: it must be of
 * one of those two kinds, name instruments and scales the library has, and not reuse the id and
 * version of a shipped definition.
 */
export function checkNormsOrPolicy(text: string, shipped: Catalog, catalog: Catalog): Outcome<NormsOrPolicy> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseDefinition(json.value);
  if (!parsed.ok) return parsed;
  const definition = parsed.value;
  if (definition.kind !== 'norms' && definition.kind !== 'policy') return fail([issue('norms_import_wrong_kind', ['kind'], { kind: definition.kind })]);
  const clash = shippedClash(definition.value, shipped);
  if (clash.length > 0) return fail(clash);
  const problems = definition.kind === 'norms' ? normsTargets(definition.value, catalog) : unknownTargets(definition.value, catalog);
  if (problems.length > 0) return fail(problems);
  return succeed(definition.kind === 'norms' ? { kind: 'norms', value: definition.value } : { kind: 'policy', value: definition.value });
}

/** Checks and saves an imported file into the school's library; a rejected file changes nothing. */
export async function importNormsOrPolicy(db: TeacherDb, text: string, status: LibraryRow['status'], now: string, shipped: Catalog, catalog: Catalog): Promise<Outcome<LibraryRow>> {
  const checked = checkNormsOrPolicy(text, shipped, catalog);
  if (!checked.ok) return checked;
  return saveNormsOrPolicy(db, checked.value.value, status, now, shipped);
}
