import { TIERS, type Tier } from '../../../scoring/index.ts';
import { tierOf, type StudentRecord, type Wave } from '../../records/index.ts';

/** Counts for one group of students (the school, a grade or a class) in one screening. */
export interface GroupSummary {
  readonly grade?: number;
  readonly className?: string;
  readonly roster: number;
  readonly completed: number;
  readonly declined: number;
  /** Started on a lab machine, not finished (the machine still holds their draft). */
  readonly partial: number;
  /** On the roster, no submission and no draft: candidates for a make-up session. */
  readonly absent: number;
  /** By current tier (confirmed where an interview confirmed one). */
  readonly tiers: Readonly<Record<Tier, number>>;
  readonly urgent: number;
  readonly invalid: number;
}

export interface ScreeningSummary {
  readonly school: GroupSummary;
  readonly grades: readonly GroupSummary[];
  readonly classes: readonly GroupSummary[];
}

/** The student's wave of this screening plan (the latest, should a re-test have added another). */
export const waveOfPlan = (record: StudentRecord, plan: string): Wave | undefined =>
  record.waves.filter((wave) => wave.plan === plan).sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt)).at(-1);

interface Tally { roster: number; completed: number; declined: number; partial: number; absent: number; tiers: Record<Tier, number>; urgent: number; invalid: number }
const emptyTally = (): Tally => ({ roster: 0, completed: 0, declined: 0, partial: 0, absent: 0, tiers: Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>, urgent: 0, invalid: 0 });

function count(tally: Tally, wave: Wave | undefined, started: boolean): void {
  tally.roster += 1;
  if (!wave && started) tally.partial += 1;
  else if (!wave) tally.absent += 1;
  else if (wave.status === 'declined') tally.declined += 1;
  else {
    tally.completed += 1;
    const result = wave.results[0]?.result;
    const tier = tierOf(wave)?.tier;
    if (tier) tally.tiers[tier] += 1;
    if (result?.flags.urgent) tally.urgent += 1;
    if (result?.validity.status === 'invalid') tally.invalid += 1;
  }
}

/** Only students in the given grades count as the screening's roster (a plan covers some grades). */
export function summarize(records: readonly StudentRecord[], plan: string, grades?: ReadonlySet<number>, partial: ReadonlySet<string> = new Set()): ScreeningSummary {
  const school = emptyTally();
  const byGrade = new Map<number, Tally>();
  // Keyed by grade and class: two grades may both have a "(1)班" (the roster import refuses that, a transferred record may not).
  const byClass = new Map<string, Tally & { grade: number; className: string }>();
  for (const record of records) {
    const wave = waveOfPlan(record, plan);
    const grade = wave?.grade ?? record.identity.grade;
    if (grades && !grades.has(grade)) continue;
    const className = wave?.className ?? record.identity.className;
    const started = partial.has(record.identity.studentNumber);
    count(school, wave, started);
    const gradeTally = byGrade.get(grade) ?? emptyTally();
    byGrade.set(grade, gradeTally);
    count(gradeTally, wave, started);
    const classKey = `${grade}\u0000${className}`;
    const classTally = byClass.get(classKey) ?? { ...emptyTally(), grade, className };
    byClass.set(classKey, classTally);
    count(classTally, wave, started);
  }
  return {
    school,
    grades: [...byGrade].sort(([a], [b]) => a - b).map(([grade, tally]) => ({ grade, ...tally })),
    classes: [...byClass.values()].sort((x, y) => x.grade - y.grade || x.className.localeCompare(y.className, 'zh-CN')),
  };
}

/** Where the plan's own grades are unknown: the grades in which someone has a wave of that plan. */
export function gradesScreened(records: readonly StudentRecord[], plan: string): Set<number> {
  const grades = new Set<number>();
  for (const record of records) {
    const wave = waveOfPlan(record, plan);
    if (wave) grades.add(wave.grade);
  }
  return grades;
}
