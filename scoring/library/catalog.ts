import type { Instrument } from '../schema/instrument.ts';
import type { NormTable } from '../schema/norms.ts';
import type { TierPolicy } from '../schema/policy.ts';
import { parseDefinition } from '../schema/parse.ts';
import type { Vectors } from '../schema/vectors.ts';
import { issue, type Issue } from '../outcome.ts';
import type { LibraryFile } from './lock.ts';
import { refOf } from './ref.ts';

/** Everything the library holds, each list in a stable order (id, then version). */
export interface Catalog {
  readonly instruments: readonly Instrument[];
  readonly norms: readonly NormTable[];
  readonly policies: readonly TierPolicy[];
  /** Conformance vectors by instrument version (absent in catalogs built before vectors existed). */
  readonly vectors?: readonly Vectors[];
}

const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};
const byIdThenVersion = <T extends { id: string; version: string }>(a: T, b: T): number =>
  a.id === b.id ? compareVersions(a.version, b.version) : a.id.localeCompare(b.id);

export function buildCatalog(parts: Catalog): Catalog {
  return {
    instruments: [...parts.instruments].sort(byIdThenVersion),
    norms: [...parts.norms].sort(byIdThenVersion),
    policies: [...parts.policies].sort(byIdThenVersion),
    ...(parts.vectors ? { vectors: [...parts.vectors].sort(byIdThenVersion) } : {}),
  };
}

/** The newest version of each instrument. */
export function latestInstruments(catalog: Catalog): Instrument[] {
  const latest = new Map<string, Instrument>();
  for (const def of catalog.instruments) latest.set(def.id, def);
  return [...latest.values()];
}

export const findInstrument = (catalog: Catalog, id: string, version?: string): Instrument | undefined =>
  version === undefined
    ? latestInstruments(catalog).find((def) => def.id === id)
    : catalog.instruments.find((def) => def.id === id && def.version === version);

const refIndexes = new WeakMap<readonly Instrument[], ReadonlyMap<string, Instrument>>();

/**
 * The instrument with exactly this `id@version#sha256`. A ref is a hash of the whole definition, so the
 * refs of a catalog's instruments are computed once per instrument list, not once per lookup (a list
 * of 2,600 students looked its instruments up per row and took 2 s to render).
 */
export function instrumentByRef(catalog: Pick<Catalog, 'instruments'>, ref: string): Instrument | undefined {
  let index = refIndexes.get(catalog.instruments);
  if (!index) {
    index = new Map(catalog.instruments.map((def) => [refOf(def), def]));
    refIndexes.set(catalog.instruments, index);
  }
  return index.get(ref);
}

/** The vectors written for exactly this instrument version, if any. */
export const vectorsFor = (catalog: Catalog, instrument: Instrument): Vectors | undefined =>
  catalog.vectors?.find((file) => file.id === instrument.id && file.version === instrument.version);

export const normsFor = (catalog: Catalog, instrument: Instrument): NormTable[] =>
  catalog.norms.filter((table) => table.instrument === instrument.id && table.instrumentVersions.includes(instrument.version));


export interface FileProblem {
  readonly path: string;
  readonly issues: readonly Issue[];
}

/** Parses every library file by its kind; files that fail validation are reported, not dropped silently. */
export function catalogFromFiles(files: readonly LibraryFile[]): { catalog: Catalog; problems: FileProblem[] } {
  const parts = { instruments: [] as Instrument[], norms: [] as NormTable[], policies: [] as TierPolicy[], vectors: [] as Vectors[] };
  const problems: FileProblem[] = [];
  for (const file of files) {
    const parsed = parseDefinition(file.json);
    if (!parsed.ok) problems.push({ path: file.path, issues: parsed.issues });
    else if (parsed.value.kind === 'instrument') parts.instruments.push(parsed.value.value);
    else if (parsed.value.kind === 'norms') parts.norms.push(parsed.value.value);
    else if (parsed.value.kind === 'policy') parts.policies.push(parsed.value.value);
    else if (parsed.value.kind === 'vectors') parts.vectors.push(parsed.value.value);
    else problems.push({ path: file.path, issues: [issue('kind_unknown', ['kind'], { received: '"plan"', allowed: 'instrument | norms | policy | vectors' })] });
  }
  return { catalog: buildCatalog(parts), problems };
}
