import { canonicalJson, fail, issue, succeed, type Issue, type Outcome } from '../../scoring/index.ts';
import type { AuditEntry, FollowUp, LabelledResult, StudentIdentity, StudentRecord, TierReview, Wave } from './studentRecord.ts';
import { compareTimes } from './time.ts';

/**
 * Merging a record that arrives (a transfer, a re-import, a colleague's export) into the one the
 * workspace holds. Deterministic and idempotent: merging the same record twice changes nothing.
 *
 * - Identity: the existing values stay. Name, sex, birth date and national id that differ are
 *   returned as conflicts for a confirmation screen, never decided here. School, grade, class,
 *   student number and track are where the student is now: the workspace's values stay.
 * - Waves: by id, never duplicated. Re-scorings (by label) and tier reviews (by id) are united.
 * - Follow-up entries: by id; the later `updatedAt` wins, so an older copy never overwrites a newer one.
 * - Audit entries: united by id.
 */
export interface RecordMerge {
  readonly merged: StudentRecord;
  /** For the confirmation screen; the merged record keeps the existing value in each case. */
  readonly conflicts: readonly Issue[];
  readonly changed: boolean;
}

const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, '');

/** Same student: same student number and birth date, or the same national student id. */
export function sameStudent(a: StudentIdentity, b: StudentIdentity): boolean {
  if (a.nationalId !== undefined && b.nationalId !== undefined && comparable(a.nationalId) === comparable(b.nationalId)) return true;
  return comparable(a.studentNumber) === comparable(b.studentNumber) && a.birthDate === b.birthDate;
}

/** Identity fields that must agree, with the issue a disagreement raises. */
const CHECKED_FIELDS = { name: 'identity_name_differs', sex: 'identity_sex_differs', birthDate: 'identity_birth_date_differs', nationalId: 'identity_national_id_differs' } as const;

function mergeIdentity(existing: StudentIdentity, incoming: StudentIdentity, conflicts: Issue[]): StudentIdentity {
  for (const [field, code] of Object.entries(CHECKED_FIELDS) as [keyof typeof CHECKED_FIELDS, string][]) {
    const mine = existing[field];
    const theirs = incoming[field];
    if (mine !== undefined && theirs !== undefined && comparable(mine) !== comparable(theirs)) {
      conflicts.push(issue(code, ['identity', field], { field, existing: mine, incoming: theirs }));
    }
  }
  return existing.nationalId === undefined && incoming.nationalId !== undefined ? { ...existing, nationalId: incoming.nationalId } : existing;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** Unites two lists by key: existing entries stay; `pick` decides for a key in both. */
function unite<T>(existing: readonly T[], incoming: readonly T[], key: (entry: T) => string, pick: (mine: T, theirs: T) => T): T[] {
  const byKey = new Map(existing.map((entry) => [key(entry), entry] as const));
  for (const entry of incoming) {
    const mine = byKey.get(key(entry));
    byKey.set(key(entry), mine === undefined ? entry : pick(mine, entry));
  }
  return [...byKey.values()];
}

const byTimeThenId = <T extends { id: string }>(time: (entry: T) => string) => (a: T, b: T): number =>
  compareTimes(time(a), time(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function mergeWave(mine: Wave, theirs: Wave, conflicts: Issue[]): Wave {
  const core = (wave: Wave) => ({ ...wave, results: undefined, reviews: undefined });
  if (!same(core(mine), core(theirs))) conflicts.push(issue('wave_differs', ['waves', mine.id], { wave: mine.id }));
  const results = unite<LabelledResult>(mine.results, theirs.results, (result) => result.label, (a, b) => {
    if (!same(a, b)) conflicts.push(issue('wave_result_differs', ['waves', mine.id, 'results', a.label], { wave: mine.id, label: a.label }));
    return a;
  });
  const reviews = unite<TierReview>(mine.reviews, theirs.reviews, (review) => review.id, (a, b) => {
    if (!same(a, b)) conflicts.push(issue('review_differs', ['waves', mine.id, 'reviews', a.id], { wave: mine.id, id: a.id }));
    return a;
  }).sort(byTimeThenId((review) => review.at));
  return { ...mine, results, reviews };
}

function newerFollowUp(conflicts: Issue[]) {
  return (mine: FollowUp, theirs: FollowUp): FollowUp => {
    const order = compareTimes(theirs.updatedAt, mine.updatedAt);
    if (order > 0) return theirs;
    if (order === 0 && !same(mine, theirs)) conflicts.push(issue('follow_up_differs', ['followUps', mine.id], { id: mine.id }));
    return mine;
  };
}

function inCanonicalOrder(record: StudentRecord): StudentRecord {
  const byId = <T extends { id: string }>(entries: readonly T[]): T[] => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...record,
    waves: byId(record.waves).map((wave) => ({ ...wave, results: [...wave.results].sort((a, b) => (a.label < b.label ? -1 : 1)), reviews: byId(wave.reviews) })),
    followUps: byId(record.followUps),
    audit: byId(record.audit),
  };
}

export function mergeRecord(existing: StudentRecord, incoming: StudentRecord): Outcome<RecordMerge> {
  if (!sameStudent(existing.identity, incoming.identity)) return fail([issue('record_other_student', ['identity'])]);
  const conflicts: Issue[] = [];
  const identity = mergeIdentity(existing.identity, incoming.identity, conflicts);
  const waves = unite<Wave>(existing.waves, incoming.waves, (wave) => wave.id, (mine, theirs) => mergeWave(mine, theirs, conflicts))
    .sort(byTimeThenId((wave) => wave.startedAt));
  const followUps = unite<FollowUp>(existing.followUps, incoming.followUps, (entry) => entry.id, newerFollowUp(conflicts))
    .sort(byTimeThenId((entry) => entry.at));
  const audit = unite<AuditEntry>(existing.audit, incoming.audit, (entry) => entry.id, (mine, theirs) => {
    if (!same(mine, theirs)) conflicts.push(issue('audit_differs', ['audit', mine.id], { id: mine.id }));
    return mine;
  }).sort(byTimeThenId((entry) => entry.at));
  const merged: StudentRecord = { id: existing.id, identity, waves, followUps, audit };
  // Order is not content: entries at the same instant may be listed either way round in the workspace.
  return succeed({ merged, conflicts, changed: !same(inCanonicalOrder(merged), inCanonicalOrder(existing)) });
}

export interface WorkspaceMerge {
  readonly records: readonly StudentRecord[];
  /** `added`: a new student; `merged`: into an existing record; `unchanged`: nothing new. */
  readonly outcome: 'added' | 'merged' | 'unchanged';
  readonly recordId: string;
  readonly conflicts: readonly Issue[];
}

/** Finds the student among the workspace's records (at most one may match) and merges, or adds. */
export function mergeIntoWorkspace(records: readonly StudentRecord[], incoming: StudentRecord): Outcome<WorkspaceMerge> {
  const matches = records.filter((record) => sameStudent(record.identity, incoming.identity));
  const [match] = matches;
  if (matches.length > 1) return fail([issue('record_ambiguous_match', ['identity'], { count: matches.length })]);
  if (!match) return succeed({ records: [...records, incoming], outcome: 'added', recordId: incoming.id, conflicts: [] });
  const merged = mergeRecord(match, incoming);
  if (!merged.ok) return merged;
  const { changed, conflicts } = merged.value;
  return succeed({
    records: records.map((record) => (record === match ? merged.value.merged : record)),
    outcome: changed ? 'merged' : 'unchanged',
    recordId: match.id,
    conflicts,
  });
}
