/**
 * Workspace test data: junior-band submissions scored by the real engine from answers chosen to
 * land in a known tier (PHQ-9/GAD-7 cut-offs and the ASQ critical items of the default policy).
 */
import { compileBattery, type Sex } from '../../../scoring/index.ts';
import { storedResult, type StudentRecord, type Submission } from '../../../src/records/index.ts';
import type { ChangeContext } from '../../../src/teacher/workspace/context.ts';
import { library } from '../../records/support.ts';

export type Profile = 'low' | 'medium' | 'high' | 'urgent' | 'too_fast';

function answersFor(profile: Profile): Record<string, number> {
  const phq = profile === 'medium' ? [2, 2, 2, 2, 1, 1, 0, 0, 0] : profile === 'high' ? [2, 2, 2, 2, 2, 2, 2, 2, 0] : [0, 1, 0, 1, 0, 0, 0, 0, 0];
  const answers: Record<string, number> = {};
  phq.forEach((value, index) => { answers[`phq9_${index + 1}`] = value; });
  answers.phq9_10 = 0;
  for (let item = 1; item <= 7; item += 1) answers[`gad7_${item}`] = item % 3 === 0 ? 1 : 0;
  for (let item = 1; item <= 4; item += 1) answers[`asq_${item}`] = profile === 'urgent' && item === 2 ? 1 : 0;
  if (profile === 'urgent') answers.asq_5 = 0;
  return answers;
}

const junior = () => {
  const lib = library();
  return compileBattery({ instruments: lib.instruments.filter((def) => def.id !== 'k10'), norms: [], policy: lib.policy, plan: 'school-2026@1.0.0', gradeBand: 'junior' });
};

export interface Pupil {
  readonly number: string;
  readonly name: string;
  readonly className: string;
  readonly grade: number;
  readonly sex: Sex;
  readonly birthDate: string;
}

export const pupil = (index: number, className = '八年级(1)班'): Pupil => ({
  number: `S${String(index).padStart(4, '0')}`, name: `测试学生${index}`, className, grade: 8, sex: index % 2 ? 'male' : 'female', birthDate: `2012-0${(index % 9) + 1}-1${index % 10}`,
});

export function scoredSubmission(who: Pupil, profile: Profile, options: { id?: string; plan?: string; finishedAt?: string } = {}): Submission {
  const answers = answersFor(profile);
  const perItem = profile === 'too_fast' ? 0.4 : 4;
  const seconds = Object.fromEntries(Object.keys(answers).map((item) => [item, perItem]));
  const scored = junior().score({ respondent: { id: who.number, grade: who.grade, sex: who.sex }, answers, seconds });
  if (!scored.ok) throw new Error(JSON.stringify(scored.issues));
  const finishedAt = options.finishedAt ?? '2026-10-12T02:30:00.000Z';
  return {
    format: 'psyscreen-submission', version: 1, id: options.id ?? `sub-${who.number}-${profile}`, plan: options.plan ?? 'school-2026@1.0.0', machineId: 'lab-01',
    student: { studentId: who.number, name: who.name, className: who.className, grade: who.grade, sex: who.sex },
    status: 'completed', instruments: library().refs.filter((ref) => !ref.startsWith('k10@')), answers, seconds,
    startedAt: new Date(Date.parse(finishedAt) - 600_000).toISOString(), finishedAt, result: storedResult(scored.value),
  };
}

export function declinedSubmission(who: Pupil): Submission {
  return {
    format: 'psyscreen-submission', version: 1, id: `sub-${who.number}-declined`, plan: 'school-2026@1.0.0', machineId: 'lab-01',
    student: { studentId: who.number, name: who.name, className: who.className, grade: who.grade, sex: who.sex },
    status: 'declined', instruments: [], answers: {}, seconds: {}, startedAt: '2026-10-12T02:00:00.000Z', finishedAt: '2026-10-12T02:01:00.000Z',
  };
}

export const emptyRecord = (who: Pupil): StudentRecord => ({
  id: `rec-${who.number}`,
  identity: { name: who.name, studentNumber: who.number, school: '测试中学', grade: who.grade, className: who.className, sex: who.sex, birthDate: who.birthDate },
  waves: [], followUps: [], audit: [],
});

let issued = 0;

/** A deterministic clock and an id source unique across contexts (as random ids are); `advance` moves the clock by minutes. */
export function testContext(by = '李老师', start = '2026-10-15T01:00:00.000Z'): ChangeContext & { advance(minutes: number): void } {
  let now = Date.parse(start);
  return {
    by,
    now: () => new Date(now).toISOString(),
    newId: () => `id-${(issued += 1).toString().padStart(5, '0')}`,
    advance(minutes: number) { now += minutes * 60_000; },
  };
}
