/**
 * A screened school for the norms and policy tests: junior and senior students whose seeded answers
 * spread over the whole PHQ-9/GAD-7 range, each scored by the real engine (default policy, no norms)
 * as the kiosk does, and filed into their records as the workspace files kiosk submissions.
 */
import { compileBattery, type Sex } from '../../../scoring/index.ts';
import { storedResult, type StudentRecord, type Submission } from '../../../src/records/index.ts';
import { addSubmissions } from '../../../src/teacher/workspace/addSubmissions.ts';
import { randomInt, seededRandom, type Random } from '../../bench/support/prng.ts';
import { library } from '../../records/support.ts';
import { emptyRecord, testContext, type Pupil } from './support.ts';

export const PLAN = 'school-2026@1.0.0';

const engine = () => {
  const lib = library();
  return compileBattery({ instruments: lib.instruments.filter((def) => def.id !== 'k10'), norms: [], policy: lib.policy, plan: PLAN, gradeBand: 'junior' });
};

/** Symptom answers skewed towards 0, as in a school population; the self-harm items are rarely positive. */
function answersOf(random: Random, options: { selfHarm: boolean }): Record<string, number> {
  const symptom = () => Math.min(3, Math.floor(random() ** 1.6 * 4));
  const answers: Record<string, number> = {};
  for (let item = 1; item <= 8; item += 1) answers[`phq9_${item}`] = symptom();
  answers.phq9_9 = options.selfHarm && random() < 0.5 ? 1 : 0;
  if (Object.values(answers).some((value) => value > 0)) answers.phq9_10 = randomInt(random, 0, 3);
  for (let item = 1; item <= 7; item += 1) answers[`gad7_${item}`] = symptom();
  for (let item = 1; item <= 4; item += 1) answers[`asq_${item}`] = 0;
  if (options.selfHarm && answers.phq9_9 === 0) answers.asq_2 = 1;
  if (options.selfHarm && answers.asq_2 === 1) answers.asq_5 = 0;
  return answers;
}

export interface Cohort {
  readonly records: StudentRecord[];
  readonly pupils: readonly Pupil[];
}

/**
 * `counts` students per grade; every 13th student answers a self-harm item, every 29th answers far too
 * fast (invalid), every 31st rushes through most items (questionable), every 37th declines.
 */
export function screenedCohort(counts: Readonly<Record<number, number>>, seed = 2026): Cohort {
  const random = seededRandom(seed);
  const scorer = engine();
  const pupils: Pupil[] = [];
  const submissions: Submission[] = [];
  let index = 0;
  for (const [gradeText, count] of Object.entries(counts)) {
    const grade = Number(gradeText);
    for (let n = 0; n < count; n += 1) {
      index += 1;
      const sex: Sex = random() < 0.5 ? 'female' : 'male';
      const who: Pupil = { number: `G${grade}-${String(index).padStart(4, '0')}`, name: `学生${index}`, className: `${grade}年级(${(n % 4) + 1})班`, grade, sex, birthDate: `${2026 - grade - 6}-03-1${index % 10}` };
      pupils.push(who);
      const finishedAt = new Date(Date.UTC(2026, 9, 12, 2, 0) + index * 60_000).toISOString();
      const base = { format: 'psyscreen-submission' as const, version: 1 as const, id: `sub-${who.number}`, plan: PLAN, machineId: 'lab-01', student: { studentId: who.number, name: who.name, className: who.className, grade, sex } };
      if (index % 37 === 0) {
        submissions.push({ ...base, status: 'declined', instruments: [], answers: {}, seconds: {}, startedAt: finishedAt, finishedAt });
        continue;
      }
      const answers = answersOf(random, { selfHarm: index % 13 === 0 });
      const perItem = index % 29 === 0 ? 0.5 : 3 + random() * 5;
      const seconds = Object.fromEntries(Object.keys(answers).map((item, i) => [item, index % 31 === 0 ? (i % 4 === 0 ? 12 : 1) : Math.round(perItem * 10) / 10]));
      const scored = scorer.score({ respondent: { id: who.number, grade, sex }, answers, seconds });
      if (!scored.ok) throw new Error(JSON.stringify(scored.issues));
      submissions.push({
        ...base, status: 'completed', instruments: library().refs.filter((ref) => !ref.startsWith('k10@')), answers, seconds,
        startedAt: new Date(Date.parse(finishedAt) - 600_000).toISOString(), finishedAt, result: storedResult(scored.value),
      });
    }
  }
  const filed = addSubmissions(pupils.map(emptyRecord), submissions, '测试中学', testContext());
  if (filed.unmatched.length > 0) throw new Error('unmatched submissions');
  return { records: [...filed.changed], pupils };
}
