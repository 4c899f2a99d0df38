/**
 * Shared test data for the records tests and bench: the shipped library, realistic scored
 * submissions and student records (seeded, so every run builds the same data), and fast keys.
 */
import { catalogFromFiles, compileBattery, findInstrument, refOf, type Instrument, type ScoringEngine, type NormTable, type TierPolicy } from '../../scoring/index.ts';
import { readLibraryFiles } from '../../src/library/disk.ts';
import { createSchoolKey, importRecipient, storedResult, type RecipientKey, type StoredPrivateKey, type StudentRecord, type Submission, type UnlockedKey, type Wave } from '../../src/records/index.ts';
import { randomInt, seededRandom, type Random } from '../bench/support/prng.ts';

/** Test-only PBKDF2 cost; one test in keys.test.ts runs the real 600,000 iterations. */
export const TEST_KDF = { testOnlyIterations: 1_000 } as const;

export interface Library {
  readonly instruments: readonly Instrument[];
  readonly refs: readonly string[];
  readonly norms: readonly NormTable[];
  readonly policy: TierPolicy;
}

let cached: Library | undefined;
export function library(): Library {
  if (cached) return cached;
  const { catalog } = catalogFromFiles(readLibraryFiles());
  const instruments = ['phq9', 'gad7', 'asq', 'k10'].map((id) => {
    const found = findInstrument(catalog, id, '1.0.0');
    if (!found) throw new Error(`${id}@1.0.0 missing from the library`);
    return found;
  });
  const policy = catalog.policies.find((candidate) => candidate.id === 'default');
  if (!policy) throw new Error('default policy missing');
  cached = { instruments, refs: instruments.map(refOf), norms: catalog.norms.filter((table) => table.instrument === 'k10'), policy };
  return cached;
}

function randomAnswers(random: Random, instruments: readonly Instrument[]): { answers: Record<string, number | null>; seconds: Record<string, number> } {
  const answers: Record<string, number | null> = {};
  const seconds: Record<string, number> = {};
  for (const instrument of instruments) {
    for (const item of instrument.items) {
      if (item.showIf) continue;
      const options = instrument.optionSets[item.options]?.filter((option) => option.refusal !== true) ?? [];
      answers[item.id] = options[randomInt(random, 0, options.length - 1)]?.value ?? null;
      seconds[item.id] = randomInt(random, 20, 150) / 10;
    }
  }
  return { answers, seconds };
}

const at = (day: number, minutes = 0): string => new Date(Date.UTC(2024, 8, 1) + day * 86_400_000 + minutes * 60_000).toISOString();

export interface Student {
  readonly studentId: string;
  readonly name: string;
  readonly className: string;
  readonly grade: number;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
}

export const studentNumber = (index: number): string => `2024${String(index).padStart(5, '0')}`;

export function student(index: number): Student {
  return {
    studentId: studentNumber(index),
    name: `学生${index}号`,
    className: `七年级（${(index % 8) + 1}）班`,
    grade: 7,
    sex: index % 2 === 0 ? 'female' : 'male',
    birthDate: `2012-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
  };
}

const engines = new Map<string, ScoringEngine>();
function engine(plan: string): ScoringEngine {
  const lib = library();
  const found = engines.get(plan) ?? compileBattery({ instruments: lib.instruments, norms: lib.norms, policy: lib.policy, plan, gradeBand: 'junior' });
  engines.set(plan, found);
  return found;
}

/** A completed, scored submission as the kiosk would seal it. */
export function submission(index: number, options: { seed?: number; day?: number; plan?: string } = {}): Submission {
  const lib = library();
  const random = seededRandom(options.seed ?? index + 1);
  const who = student(index);
  const { answers, seconds } = randomAnswers(random, lib.instruments);
  const scored = engine(options.plan ?? 'school-2024@1.0.0').score({ respondent: { id: who.studentId, grade: who.grade, sex: who.sex }, answers, seconds });
  if (!scored.ok) throw new Error(`test answers did not score: ${JSON.stringify(scored.issues)}`);
  const day = options.day ?? 0;
  return {
    format: 'psyscreen-submission', version: 1, id: `sub-${options.seed ?? index + 1}-${index}`, plan: options.plan ?? 'school-2024@1.0.0', machineId: 'lab-0a1b2c3d',
    student: { studentId: who.studentId, name: who.name, className: who.className, grade: who.grade, sex: who.sex },
    status: 'completed', instruments: [...lib.refs], answers, seconds,
    startedAt: at(day, 10), finishedAt: at(day, 22), result: storedResult(scored.value),
  };
}

export function waveFrom(sub: Submission, school: string): Wave {
  return {
    id: sub.id, plan: sub.plan, school, grade: sub.student.grade, className: sub.student.className, status: sub.status,
    instruments: sub.instruments, answers: sub.answers, seconds: sub.seconds, startedAt: sub.startedAt, finishedAt: sub.finishedAt,
    machineId: sub.machineId, results: sub.result ? [{ label: 'original', at: sub.finishedAt, result: sub.result }] : [], reviews: [],
  };
}

/** A student record: two waves (one reviewed), two follow-up entries and three audit entries, ~8 KB of JSON. */
export function record(index: number, school = '第一中学'): StudentRecord {
  const who = student(index);
  const first = waveFrom(submission(index, { seed: index * 2 + 1, day: 0, plan: 'school-2024@1.0.0' }), school);
  const second = waveFrom(submission(index, { seed: index * 2 + 2, day: 365, plan: 'school-2025@1.0.0' }), school);
  return {
    id: `rec-${index}`,
    identity: { name: who.name, studentNumber: who.studentId, school, grade: 8, className: who.className, sex: who.sex, birthDate: who.birthDate },
    waves: [first, { ...second, grade: 8, reviews: [{ id: `rev-${index}`, at: at(370), by: '李老师', tier: 'medium', why: '访谈后确认：近期学业压力大，睡眠差，需在校内跟进。' }] }],
    followUps: [
      { id: `fu-${index}-1`, at: at(368), updatedAt: at(368), by: '李老师', kind: 'interview', content: '与学生面谈约 30 分钟，情绪尚稳定，否认自伤想法。约定两周后再谈。', tierChange: { from: 'low', to: 'medium' }, wave: second.id },
      { id: `fu-${index}-2`, at: at(382), updatedAt: at(383), by: '李老师', kind: 'action', content: '联系班主任调整座位，告知家长注意作息。' },
    ],
    audit: [
      { id: `au-${index}-1`, at: at(0, 30), by: 'system', action: 'wave_added', detail: first.id },
      { id: `au-${index}-2`, at: at(365, 30), by: 'system', action: 'wave_added', detail: second.id },
      { id: `au-${index}-3`, at: at(370), by: '李老师', action: 'tier_reviewed', detail: 'medium' },
    ],
  };
}

export interface TestKey {
  readonly unlocked: UnlockedKey;
  readonly recipient: RecipientKey;
  readonly stored: StoredPrivateKey;
  readonly passphrase: string;
}

/** A school key with the test-only PBKDF2 cost. */
export async function testKey(name: string, passphrase = `${name} 的测试口令 2026`): Promise<TestKey> {
  const made = await createSchoolKey({ name, passphrase, created: '2026-09-01T00:00:00.000Z', kdf: TEST_KDF });
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  const recipient = await importRecipient(made.value.publicKeyFile);
  if (!recipient.ok) throw new Error(JSON.stringify(recipient.issues));
  return { unlocked: made.value.unlocked, recipient: recipient.value, stored: made.value.stored, passphrase };
}

export const flipBit = (bytes: Uint8Array, position: number, mask = 0x01): Uint8Array<ArrayBuffer> => {
  const copy = new Uint8Array(bytes);
  copy[position] = (copy[position] ?? 0) ^ mask;
  return copy;
};

/** The bench's "realistic size": one screening wave, one follow-up, two audit entries, ~4 KB of JSON. */
export function smallRecord(index: number): StudentRecord {
  const full = record(index);
  const [first] = full.waves;
  const [followUp] = full.followUps;
  if (!first || !followUp) throw new Error('record() changed shape');
  return { ...full, waves: [first], followUps: [{ ...followUp, wave: first.id }], audit: full.audit.slice(0, 2) };
}

/** A v2 record: the follow-up names its action, the referral and the next planned contact. */
export function recordWithPlannedContact(index: number): StudentRecord {
  const base = record(index);
  return {
    ...base,
    followUps: [
      ...base.followUps,
      { id: `fu-${index}-3`, at: at(384), updatedAt: at(384), by: '李老师', kind: 'referral', action: 'referral', referralTo: '市精神卫生中心青少年门诊', due: '2027-12-01', content: '与家长沟通后转介，家长同意陪同就诊。' },
    ],
  };
}
