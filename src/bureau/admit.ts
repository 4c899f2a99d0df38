import { canonicalAggregate } from '../../scoring/aggregate/canonical.ts';
import { addAggregates } from '../../scoring/aggregate/merge.ts';
import {
  incompatibilities, mergeAll, parseAggregate, parseAggregateText, emptyAggregate, issue,
  type Aggregate, type Issue, type Outcome,
} from '../../scoring/index.ts';
import type { FileSet, LoadedFile } from './fileSet.ts';
import { checkSigningKey, type KeyRegistry, type KeyStatus, type KnownKey } from './keyRegistry.ts';

export interface AdmitOptions {
  /** The county this bureau covers; when set, a file with a school of another county is refused. */
  readonly county?: string;
  /** The other set's school year, when this set is the comparison year (it must differ). */
  readonly otherYear?: string;
  /** The senders' known signing keys; when given, each file's signature is held to them (keyRegistry.ts). */
  readonly keys?: KeyRegistry;
  /** ISO time, recorded for a key learned from this import. */
  readonly now?: string;
}

export interface IncomingFile {
  readonly id: string;
  readonly name: string;
  /** The file's text; or, for a file read back from storage, its parsed value (checked again all the same). */
  readonly text?: string;
  readonly json?: unknown;
  /** Set when the file came signed and the signature held (unwrapSigned.ts). */
  readonly signedBy?: Signer;
  /** What `readIncoming` made of the file, when that ran elsewhere (the check worker): not read again. */
  readonly checked?: Outcome<Aggregate>;
}

/** Who signed a file: only what the signature covers (no name for signed files of version 1). */
export interface Signer {
  readonly keyId: string;
  readonly keyName?: string;
}

/** What became of one file: accepted (with what it added), or refused with the reason first and the details after. */
export type FileReport =
  | { readonly file: string; readonly accepted: true; readonly schools: number; readonly year: string; readonly signedBy?: Signer; readonly key?: KeyStatus }
  | { readonly file: string; readonly accepted: false; readonly issues: readonly Issue[] };

/** Reads and checks one file (schema and every cross-field rule), its refusal worded for the bureau. Pure: runs in the check worker too. */
export function readIncoming(file: IncomingFile): Outcome<Aggregate> {
  if (file.checked) return file.checked;
  const parsed = file.text !== undefined ? parseAggregateText(file.text) : parseAggregate(file.json);
  if (parsed.ok) return parsed;
  const first = parsed.issues[0];
  const params = { file: file.name };
  if (first?.code === 'not_an_aggregate') return { ok: false, issues: [issue('bureau_not_an_aggregate', [], params)] };
  if (first?.code === 'aggregate_version_unsupported') return { ok: false, issues: [issue('bureau_version_unsupported', [], { ...params, version: first.params?.version ?? '?' })] };
  return { ok: false, issues: [issue('bureau_file_damaged', [], params), ...parsed.issues] };
}

function refusals(set: FileSet, name: string, file: Aggregate, options: AdmitOptions): Issue[] {
  const params = { file: name };
  if (file.stage === 'exact') return [issue('bureau_exact_file', ['stage'], params)];
  const county = options.county?.trim();
  if (county) {
    const [stranger] = file.provenance.schools.filter((school) => school.county.trim() !== county);
    if (stranger) return [issue('bureau_wrong_county', ['provenance', 'schools'], { ...params, name: stranger.name, code: stranger.code, county: stranger.county, expected: county })];
  }
  if (options.otherYear === file.schoolYear) return [issue('bureau_same_year_comparison', ['schoolYear'], { ...params, year: file.schoolYear })];
  if (!set.merged) return [];
  return incompatibilities(set.merged, file).map((found): Issue => {
    switch (found.code) {
      case 'aggregate_year_mismatch': return issue('bureau_wrong_year', found.path, { ...params, year: file.schoolYear, loaded: set.merged?.schoolYear ?? '' });
      case 'aggregate_k_mismatch': return issue('bureau_k_mismatch', found.path, { ...params, k: file.k, loaded: set.merged?.k ?? '' });
      case 'aggregate_duplicate_school': {
        const code = String(found.params?.code ?? '');
        const other = set.files.find((loaded) => loaded.aggregate.provenance.schools.some((school) => school.code === code));
        return issue('bureau_duplicate_school', found.path, { ...params, code, name: String(found.params?.name ?? ''), other: other?.name ?? '' });
      }
      case 'aggregate_instrument_conflict': return issue('bureau_instrument_conflict', found.path, { ...params, instrument: String(found.params?.instrument ?? '') });
      default: return { ...found, params: { ...found.params, ...params } };
    }
  });
}

/**
 * Adds one file to a set if it belongs there: readable, a published aggregate, of this county (when
 * set), of the set's year, k and instrument versions, with no school already loaded. A refused file
 * leaves the set exactly as it was.
 */
export function admitFile(set: FileSet, incoming: IncomingFile, options: AdmitOptions = {}): { set: FileSet; report: FileReport; learned?: KnownKey } {
  const done = addFile(set, incoming, options);
  return done.set.merged && done.set.merged !== set.merged ? { ...done, set: { ...done.set, merged: canonicalAggregate(done.set.merged) } } : done;
}

/** `admitFile` without putting the sum in canonical order (callers adding many files do that once). */
export function addFile(set: FileSet, incoming: IncomingFile, options: AdmitOptions = {}): { set: FileSet; report: FileReport; learned?: KnownKey } {
  const readOutcome = readIncoming(incoming);
  if (!readOutcome.ok) return { set, report: { file: incoming.name, accepted: false, issues: readOutcome.issues } };
  const aggregate = readOutcome.value;
  // A wrong key says more than any other refusal (the file may not be the school's at all), so it comes first.
  const key = options.keys ? checkSigningKey(options.keys, aggregate, incoming.signedBy, incoming.name, options.now ?? new Date().toISOString()) : undefined;
  if (key && !key.ok) return { set, report: { file: incoming.name, accepted: false, issues: key.issues } };
  const refused = refusals(set, incoming.name, aggregate, options);
  if (refused.length > 0) return { set, report: { file: incoming.name, accepted: false, issues: refused } };
  // `refusals` held the file to every rule of merging, so it adds; admitFiles puts the sum in canonical order.
  const merged = set.merged ? addAggregates(set.merged, aggregate) : aggregate;
  const loaded: LoadedFile = { id: incoming.id, name: incoming.name, aggregate };
  return {
    set: { files: [...set.files, loaded], merged },
    report: {
      file: incoming.name, accepted: true, schools: aggregate.provenance.schools.length, year: aggregate.schoolYear,
      ...(incoming.signedBy ? { signedBy: incoming.signedBy } : {}), ...(key ? { key: key.status } : {}),
    },
    ...(key?.learned ? { learned: key.learned } : {}),
  };
}

/** Many files at once, in order: each is checked against the set (and the keys) as the files before it left them. */
export function admitFiles(set: FileSet, incoming: readonly IncomingFile[], options: AdmitOptions = {}): { set: FileSet; reports: FileReport[]; learned: KnownKey[] } {
  const admitted = admitEach(set, incoming, options);
  const merged = admitted.set.merged;
  return { ...admitted, set: { files: admitted.set.files, merged: merged && merged !== set.merged ? canonicalAggregate(merged) : merged } };
}

function admitEach(set: FileSet, incoming: readonly IncomingFile[], options: AdmitOptions): { set: FileSet; reports: FileReport[]; learned: KnownKey[] } {
  let current = set;
  const reports: FileReport[] = [];
  const learned: KnownKey[] = [];
  let keys = options.keys;
  for (const file of incoming) {
    const next = addFile(current, file, { ...options, ...(keys ? { keys } : {}) });
    current = next.set;
    reports.push(next.report);
    if (next.learned && keys) {
      learned.push(next.learned);
      keys = new Map([...keys, [next.learned.sender, next.learned]]);
    }
  }
  return { set: current, reports, learned };
}

/** The set without one file: the others merged again from scratch (merging is associative and commutative). */
export function removeFile(set: FileSet, id: string): FileSet {
  const files = set.files.filter((file) => file.id !== id);
  const [first] = files;
  if (!first) return { files: [], merged: undefined };
  const identity = emptyAggregate({ schoolYear: first.aggregate.schoolYear, k: first.aggregate.k, stage: first.aggregate.stage });
  const merged = mergeAll(files.map((file) => file.aggregate), identity);
  // The files were merged once already, so they merge again; keep the set unchanged should that ever fail.
  return merged.ok ? { files, merged: merged.value } : set;
}
