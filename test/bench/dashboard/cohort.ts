/**
 * A school of 5,000 students with three yearly waves each, scored by the real engine from seeded
 * random answers (so tiers, flags and validity are spread as the scoring rules make them), with an
 * interview for every flagged student of the first year. Same seed, same school.
 */
import { compileBattery, type ScoringEngine } from '../../../scoring/index.ts';
import { storedResult, type StudentRecord, type Submission } from '../../../src/records/index.ts';
import { waveOfSubmission } from '../../../src/teacher/workspace/waveOfSubmission.ts';
import { library } from '../../records/support.ts';
import { randomInt, seededRandom, type Random } from '../support/prng.ts';

export const PLANS = ['school-2024@1.0.0', 'school-2025@1.0.0', 'school-2026@1.0.0'] as const;

function answers(random: Random): { answers: Record<string, number>; seconds: Record<string, number> } {
  const severity = random() < 0.8 ? 0 : random() < 0.7 ? 1 : 2;
  const result: Record<string, number> = {};
  const seconds: Record<string, number> = {};
  const symptom = (): number => Math.min(3, (random() < 0.3 ? 1 : 0) + severity);
  for (let item = 1; item <= 10; item += 1) result[`phq9_${item}`] = symptom();
  result.phq9_9 = random() < 0.02 ? 1 : 0; // the self-harm item: rare, and always high when positive
  for (let item = 1; item <= 7; item += 1) result[`gad7_${item}`] = symptom();
  for (let item = 1; item <= 4; item += 1) result[`asq_${item}`] = random() < 0.01 ? 1 : 0;
  if (Object.entries(result).some(([id, value]) => id.startsWith('asq_') && value === 1)) result.asq_5 = 0;
  for (const id of Object.keys(result)) seconds[id] = randomInt(random, 15, 90) / 10;
  return { answers: result, seconds };
}

export function cohort(students: number): StudentRecord[] {
  const lib = library();
  const junior = lib.instruments.filter((def) => def.id !== 'k10');
  const engines = new Map<string, ScoringEngine>(PLANS.map((plan) => [plan, compileBattery({ instruments: junior, norms: [], policy: lib.policy, plan, gradeBand: 'junior' })]));
  const refs = lib.refs.filter((ref) => !ref.startsWith('k10@'));
  const random = seededRandom(2026);
  const records: StudentRecord[] = [];
  for (let index = 0; index < students; index += 1) {
    const grade = 7 + (index % 3);
    const sex = index % 2 ? 'male' as const : 'female' as const;
    const className = `${grade}年级(${(index % 24) + 1})班`;
    const number = `B${String(index).padStart(5, '0')}`;
    const waves = PLANS.map((plan, year) => {
      const given = answers(random);
      const scored = engines.get(plan)?.score({ respondent: { id: number, grade, sex }, ...given });
      if (!scored?.ok) throw new Error('bench answers did not score');
      const finishedAt = new Date(Date.UTC(2024 + year, 9, 10, 2, index % 60)).toISOString();
      const submission: Submission = {
        format: 'psyscreen-submission', version: 1, id: `w${year}-${number}`, plan, machineId: 'lab-bench',
        student: { studentId: number, name: `学生${index}`, className, grade, sex }, status: 'completed', instruments: refs, ...given,
        startedAt: new Date(Date.parse(finishedAt) - 600_000).toISOString(), finishedAt, result: storedResult(scored.value),
      };
      return waveOfSubmission(submission, '基准中学');
    });
    const flagged = waves[0]?.results[0]?.result.tier !== 'low';
    records.push({
      id: `rec-${number}`,
      identity: { name: `学生${index}`, studentNumber: number, school: '基准中学', grade, className, sex, birthDate: `2012-0${(index % 9) + 1}-1${index % 10}` },
      waves,
      followUps: flagged ? [{ id: `fu-${number}`, at: '2024-10-20T06:00:00.000Z', updatedAt: '2024-10-20T06:00:00.000Z', by: '李老师', kind: 'interview', content: '面谈，情绪平稳。', wave: waves[0]?.id ?? '', due: '2024-11-03' }] : [],
      audit: [],
    });
  }
  return records;
}
