import { beforeAll, describe, expect, it } from 'vitest';
import { deriveNorms, type NormTable } from '../../scoring/index.ts';
import {
  ZStudentRecord, createOpener, mergeRecord, openRecord, openRecordWithPassphrase, rescoreWave, sealRecord, sealRecordWithPassphrase, tierOf,
  type StudentRecord,
} from '../../src/records/index.ts';
import { TEST_KDF, flipBit, library, record, testKey, type TestKey } from './support.ts';

const created = '2026-11-22T09:30:00.000Z';
const codes = (outcome: { ok: boolean; issues?: readonly { code: string }[] }) => (outcome.ok ? [] : (outcome.issues ?? []).map((found) => found.code));
const PASSPHRASE = '转介给市精神卫生中心 2026';

let school: TestKey;
let other: TestKey;
beforeAll(async () => {
  school = await testKey('第一中学');
  other = await testKey('第二中学');
});

function merged(existing: StudentRecord, incoming: StudentRecord) {
  const outcome = mergeRecord(existing, incoming);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

describe('.psyrec student record files', () => {
  it('the sample record is valid and realistic', () => {
    const sample = record(1);
    expect(ZStudentRecord.safeParse(sample).success).toBe(true);
    expect(JSON.stringify(sample).length).toBeGreaterThan(4000);
    expect(tierOf(sample.waves[1] ?? sample.waves[0]!)).toMatchObject({ tier: 'medium', confirmed: { by: '李老师' } });
  });

  it('round-trips to a key and to a passphrase; the header holds nothing personal', async () => {
    const sample = record(1);
    const toKey = await sealRecord(sample, school.recipient, created);
    expect(await openRecord(toKey, school.unlocked)).toMatchObject({ ok: true, value: { record: sample, header: { format: 'psyscreen-record', version: 3 } } });
    const asText = new TextDecoder().decode(toKey);
    for (const secret of ['学生1号', sample.identity.studentNumber, sample.identity.birthDate, '第一中学', '李老师']) expect(asText).not.toContain(secret);
    const toPassphrase = await sealRecordWithPassphrase(sample, PASSPHRASE, created, TEST_KDF);
    if (!toPassphrase.ok) throw new Error('sealing failed');
    expect(await openRecordWithPassphrase(toPassphrase.value, PASSPHRASE)).toMatchObject({ ok: true, value: { record: sample } });
    expect(codes(await openRecordWithPassphrase(toPassphrase.value, '转介给市精神卫生中心 2025'))).toEqual(['passphrase_wrong']);
    expect(codes(await openRecord(toKey, other.unlocked))).toEqual(['other_key']);
    expect(codes(await openRecord(toKey.slice(0, toKey.length - 1), school.unlocked))).toEqual(['tampered']);
    expect(codes(await openRecord(flipBit(toKey, toKey.length - 200), school.unlocked))).toEqual(['tampered']);
  });

  it('refuses a sealed submission offered as a record, and a record whose content breaks the schema', async () => {
    const sealedAsSubmission = await createOpener({ key: school.unlocked }).open(await sealRecord(record(1), school.recipient, created), ['psyscreen-sealed']);
    expect(codes(sealedAsSubmission)).toEqual(['wrong_file_kind']);
    const broken = { ...record(1), identity: { ...record(1).identity, birthDate: '2012-02-30' } };
    const outcome = await openRecord(await sealRecord(broken, school.recipient, created), school.unlocked);
    expect(codes(outcome)).toEqual(['content_invalid', 'impossible_date']);
  });
});

describe('mergeRecord', () => {
  it('is idempotent and never duplicates a wave', () => {
    const sample = record(1);
    const again = merged(sample, sample);
    expect(again).toEqual({ merged: sample, conflicts: [], changed: false });
    const partial = { ...sample, waves: sample.waves.slice(0, 1), followUps: [], audit: [] };
    const grown = merged(partial, sample);
    expect(grown.changed).toBe(true);
    expect(grown.merged.waves.map((wave) => wave.id)).toEqual(sample.waves.map((wave) => wave.id));
    expect(merged(grown.merged, partial).changed).toBe(false);
  });

  it('keeps the newer follow-up entry whichever side it comes from', () => {
    const sample = record(1);
    const [entry] = sample.followUps;
    if (!entry) throw new Error('sample has follow-ups');
    const edited = { ...sample, followUps: [{ ...entry, content: '补充：已联系家长。', updatedAt: '2025-12-01T00:00:00.000Z' }, ...sample.followUps.slice(1)] };
    expect(merged(sample, edited).merged.followUps[0]?.content).toBe('补充：已联系家长。');
    expect(merged(edited, sample).merged.followUps[0]?.content).toBe('补充：已联系家长。');
    expect(merged(edited, sample).changed).toBe(false);
    // same edit time, different content: the workspace's version stays and the conflict is reported
    const clash = { ...sample, followUps: [{ ...entry, content: '另一个版本' }, ...sample.followUps.slice(1)] };
    expect(merged(sample, clash).conflicts.map((found) => found.code)).toEqual(['follow_up_differs']);
    expect(merged(sample, clash).merged.followUps[0]?.content).toBe(entry.content);
    // timestamps compare as instants, not text: 07:00 in Beijing is before midnight UTC of the same date
    const offset = { ...sample, followUps: [{ ...entry, content: '东八区时间的修改', updatedAt: '2025-09-04T07:00:00+08:00' }] };
    expect(merged(sample, offset).merged.followUps[0]?.content).toBe(entry.content);
  });

  it('reports identity conflicts for confirmation instead of resolving them', () => {
    const sample = record(1);
    const renamed = { ...sample, id: 'rec-other', identity: { ...sample.identity, name: '王晓明', sex: sample.identity.sex === 'male' ? 'female' as const : 'male' as const, nationalId: 'G110101201201010011' } };
    const result = merged(sample, renamed);
    expect(result.conflicts.map((found) => [found.code, found.params?.['existing'], found.params?.['incoming']])).toEqual([
      ['identity_name_differs', sample.identity.name, '王晓明'],
      ['identity_sex_differs', sample.identity.sex, renamed.identity.sex],
    ]);
    expect(result.merged.identity).toEqual({ ...sample.identity, nationalId: 'G110101201201010011' });
    expect(result.merged.id).toBe(sample.id);
    const stranger = { ...sample, identity: { ...sample.identity, birthDate: '2012-12-12' } };
    expect(codes(mergeRecord(sample, stranger))).toEqual(['record_other_student']);
  });

  it('unites re-scorings and tier reviews of the same wave; reports a wave whose answers differ', () => {
    const sample = record(1);
    const [first, second] = sample.waves;
    if (!first || !second) throw new Error('two waves');
    const reviewed = { ...sample, waves: [{ ...first, reviews: [{ id: 'rev-x', at: '2025-01-01T00:00:00.000Z', by: '王老师', tier: 'low' as const, why: '复核' }] }, second] };
    const result = merged(sample, reviewed);
    expect(result.merged.waves[0]?.reviews.map((review) => review.id)).toEqual(['rev-x']);
    const altered = { ...sample, waves: [{ ...first, answers: { ...first.answers, phq9_1: 3 - (first.answers['phq9_1'] ?? 0) } }, second] };
    expect(merged(sample, altered).conflicts.map((found) => found.code)).toEqual(['wave_differs']);
    expect(merged(sample, altered).merged.waves[0]?.answers).toEqual(first.answers);
  });
});

describe('rescoreWave', () => {
  let localNorms: NormTable;
  beforeAll(() => {
    const lib = library();
    const k10 = lib.instruments.find((instrument) => instrument.id === 'k10');
    if (!k10) throw new Error('k10');
    const cohort = Array.from({ length: 60 }, (_, i) => ({ grade: 7 + (i % 3), sex: i % 2 === 0 ? 'female' as const : 'male' as const, scales: { total: 12 + (i % 25) } }));
    const derived = deriveNorms({ instrument: k10, cohort, gradeGroups: [[7, 8, 9]], bySex: false, minGroupSize: 30, id: 'k10-local-2026', version: '1.0.0', name: { 'zh-CN': '本校 2026 常模', en: 'Local 2026 norms' }, date: '2026-11-01', from: 'school-2026@1.0.0' });
    if (!derived.ok) throw new Error(JSON.stringify(derived.issues));
    localNorms = derived.value.table;
  });

  it('adds a labelled second result with the new norms and keeps the original', () => {
    const wave = record(1).waves[0];
    if (!wave) throw new Error('wave');
    const lib = library();
    const outcome = rescoreWave(wave, lib.instruments, localNorms, lib.policy, { label: '2026 本校常模', at: created });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const [original, again] = outcome.value.results;
    expect(original).toEqual(wave.results[0]);
    expect(again?.label).toBe('2026 本校常模');
    expect(again?.result.used.norms).toEqual(['k10-local-2026@1.0.0']);
    expect(original?.result.used.norms).toEqual(['k10-cn-students-2019@1.0.0']);
    const k10Total = (result: typeof original) => result?.result.instruments.find((found) => found.instrument.startsWith('k10@'))?.scales.find((scale) => scale.id === 'total');
    expect(k10Total(again)?.raw).toBe(k10Total(original)?.raw);
    expect(k10Total(again)?.norm?.table).toBe('k10-local-2026@1.0.0');
    // the same re-scoring again changes nothing; the label cannot be reused for something else
    expect(rescoreWave(outcome.value, lib.instruments, localNorms, lib.policy, { label: '2026 本校常模', at: created })).toEqual(outcome);
    expect(codes(rescoreWave(outcome.value, lib.instruments, lib.norms, lib.policy, { label: '2026 本校常模', at: created }))).toEqual(['rescore_label_taken']);
    expect(codes(rescoreWave(wave, lib.instruments, localNorms, lib.policy, { label: ' ', at: created }))).toEqual(['rescore_label_missing']);
    expect(ZStudentRecord.safeParse({ ...record(1), waves: [outcome.value] }).success).toBe(true);
  });

  it('needs the pinned instrument versions and answers', () => {
    const lib = library();
    const wave = record(1).waves[0];
    if (!wave) throw new Error('wave');
    const changedInstrument = lib.instruments.map((instrument) => (instrument.id === 'gad7' ? { ...instrument, abbreviation: 'GAD-7*' } : instrument));
    expect(codes(rescoreWave(wave, changedInstrument, localNorms, lib.policy, { label: 'x', at: created }))).toEqual(['rescore_instrument_missing']);
    expect(codes(rescoreWave({ ...wave, status: 'declined', results: [] }, lib.instruments, localNorms, lib.policy, { label: 'x', at: created }))).toEqual(['rescore_declined_wave']);
  });
});

describe('merging is about content, not order', () => {
  it('finds nothing changed when the incoming copy lists same-instant entries the other way round', () => {
    const sample = record(3);
    const sameInstant = { ...sample, followUps: sample.followUps.map((entry) => ({ ...entry, at: '2025-09-20T04:00:00.000Z' })) };
    const reversed = { ...sameInstant, followUps: [...sameInstant.followUps].reverse(), audit: [...sameInstant.audit].reverse() };
    const merged = mergeRecord(sameInstant, reversed);
    expect(merged.ok && merged.value.changed).toBe(false);
    const reverseFirst = mergeRecord(reversed, sameInstant);
    expect(reverseFirst.ok && reverseFirst.value.changed).toBe(false);
  });
});
