import {
  catalogFromFiles, checkPlanVectors, findInstrument, issue, parseDefinition, runVectors, shortRefOf,
  type Catalog, type Definition, type Instrument, type Issue, type Vectors,
} from '../../scoring/index.ts';
import { readLibraryFiles } from '../library/disk.ts';
import { readJson, reportIssues, type CliIo } from './io.ts';

interface Parsed {
  readonly file: string;
  readonly definition: Definition;
}

/** What the files given and the shipped library hold together; a file given wins over the library. */
function lookups(parsed: readonly Parsed[], library: Catalog) {
  const given = <K extends Definition['kind']>(kind: K) =>
    parsed.flatMap(({ definition }) => (definition.kind === kind ? [definition.value as Extract<Definition, { kind: K }>['value']] : []));
  const vectors = [...given('vectors'), ...(library.vectors ?? [])];
  const instruments = [...given('instrument'), ...library.instruments];
  const policies = [...given('policy'), ...library.policies];
  return {
    vectors,
    givenVectors: given('vectors'),
    instrument: (id: string, version: string) => instruments.find((def) => def.id === id && def.version === version) ?? findInstrument(library, id, version),
    vectorsOf: (def: Instrument) => vectors.find((file) => file.id === def.id && file.version === def.version),
    policy: (ref: string) => policies.find((candidate) => shortRefOf(candidate) === ref),
  };
}

/** Runs the vectors that bear on one file; returns the problems and a note for the ok line. */
function vectorCheck(definition: Definition, found: ReturnType<typeof lookups>): { issues: Issue[]; note: string } {
  const run = (def: Instrument, vectors: Vectors, path: (string | number)[] = []): Issue[] => {
    const policy = found.policy(vectors.policy);
    return policy ? runVectors(def, vectors, policy, path) : [issue('vectors_policy_unknown', [...path, 'policy'], { ref: vectors.policy })];
  };
  switch (definition.kind) {
    case 'vectors': {
      const def = found.instrument(definition.value.id, definition.value.version);
      if (!def) return { issues: [issue('vectors_instrument_unknown', ['id'], { ref: `${definition.value.id}@${definition.value.version}` })], note: '' };
      return { issues: run(def, definition.value), note: `, ${definition.value.cases.length} cases` };
    }
    case 'instrument': {
      const def = definition.value;
      // A vectors file given beside it is checked (and reported) as that file.
      if (found.givenVectors.some((file) => file.id === def.id && file.version === def.version)) return { issues: [], note: '' };
      const vectors = found.vectorsOf(def);
      return vectors ? { issues: run(def, vectors, ['(vectors)']), note: `, ${vectors.cases.length} vectors` } : { issues: [], note: '' };
    }
    case 'plan': {
      const check = checkPlanVectors(definition.value, found.vectors);
      return { issues: [...check.issues], note: check.checked.length > 0 ? `, vectors of ${check.checked.join(' ')}` : '' };
    }
    default: return { issues: [], note: '' };
  }
}

/**
 * `psyscreen validate FILE…`: one line per problem; exit 0 when every file is valid, 1 otherwise.
 * Conformance vectors run too: a vectors file against its instrument (given or shipped), an
 * instrument against its vectors, a plan against the vectors it carries or the shipped ones.
 */
export function validateCommand(io: CliIo, files: readonly string[]): number {
  if (files.length === 0) {
    io.err('usage: psyscreen validate FILE…');
    return 1;
  }
  let allValid = true;
  const parsed: Parsed[] = [];
  for (const file of files) {
    const json = readJson(io, file);
    if (json === undefined) {
      allValid = false;
      continue;
    }
    const definition = parseDefinition(json);
    if (definition.ok) parsed.push({ file, definition: definition.value });
    else {
      allValid = false;
      reportIssues(io, file, definition.issues);
    }
  }
  const found = lookups(parsed, catalogFromFiles(readLibraryFiles()).catalog);
  for (const { file, definition } of parsed) {
    const { issues, note } = vectorCheck(definition, found);
    const what = `${definition.kind} ${definition.value.id}@${definition.value.version}`;
    if (issues.length === 0) io.out(`${file}: ok (${what}${note})`);
    else {
      allValid = false;
      reportIssues(io, file, issues);
    }
  }
  return allValid ? 0 : 1;
}
