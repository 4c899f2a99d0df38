import type { Monitor } from '../../lab/protocol.ts';
import type { StudentRecord } from '../../records/index.ts';

/*
 * The live lab monitor, as the teacher reads it: the server knows only opaque sign-in lookups; the
 * workspace kept, when it built the plan, which lookup belongs to which student number (partial.ts),
 * and the roster says who that is and in which class. A lookup the workspace cannot name is counted,
 * never dropped: it means a kiosk runs a plan this workspace did not build, or a roster changed since.
 */

export type LabState = 'not-started' | 'in-progress' | 'finished';

export interface LabStudent {
  readonly recordId: string;
  readonly name: string;
  readonly studentNumber: string;
  readonly state: LabState;
  /** The PC that last saved the student's draft (in progress) or took the submission (finished). */
  readonly machine?: string;
  readonly answered?: number;
  /** When the server last heard of this student: the latest draft save, or the finish. */
  readonly at?: string;
}

export interface LabCounts {
  readonly total: number;
  readonly notStarted: number;
  readonly inProgress: number;
  readonly finished: number;
}

export interface LabClass {
  readonly grade: number;
  readonly className: string;
  readonly students: readonly LabStudent[];
  readonly counts: LabCounts;
}

export interface LabOverview {
  readonly plan: string;
  readonly classes: readonly LabClass[];
  readonly counts: LabCounts;
  /** Lookups the server reports that this workspace cannot name (another plan's roster, or another workspace). */
  readonly unknownLookups: number;
  /** Students the plan was built for who are no longer on the workspace roster. */
  readonly leftRoster: number;
  /** The workspace holds no lookups for this plan: it was built elsewhere, so nobody can be named. */
  readonly planUnknown: boolean;
}

const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, '').toUpperCase();
const STATE_ORDER: Readonly<Record<LabState, number>> = { 'in-progress': 0, 'not-started': 1, finished: 2 };

type Heard = Monitor['students'][number];

/** Of two reports for one student (signed in twice), a finish wins, else the latest. */
const better = (a: Heard | undefined, b: Heard): Heard =>
  !a ? b : a.state !== b.state ? (a.state === 'finished' ? a : b) : Date.parse(b.at) > Date.parse(a.at) ? b : a;

function countOf(students: readonly LabStudent[]): LabCounts {
  const tally = { total: students.length, notStarted: 0, inProgress: 0, finished: 0 };
  for (const student of students) {
    if (student.state === 'finished') tally.finished += 1;
    else if (student.state === 'in-progress') tally.inProgress += 1;
    else tally.notStarted += 1;
  }
  return tally;
}

function studentOf(record: StudentRecord, heard: Heard | undefined, plan: string): LabStudent {
  const base = { recordId: record.id, name: record.identity.name, studentNumber: record.identity.studentNumber };
  // a wave already filed (USB batch, earlier pull) means finished, whatever the server still shows
  const filed = record.waves.some((wave) => wave.plan === plan);
  if (heard?.state === 'finished' || (filed && heard)) return { ...base, state: 'finished', machine: heard.machine, at: heard.at };
  if (filed) return { ...base, state: 'finished' };
  if (heard) return { ...base, state: 'in-progress', machine: heard.machine, answered: heard.answered, at: heard.at };
  return { ...base, state: 'not-started' };
}

/**
 * Per class: who has not started, who is in progress (on which PC, how many answers, last saved when),
 * who has finished. `lookups` maps the plan's sign-in lookups to student numbers (undefined when the
 * workspace did not build the plan the server runs).
 */
export function labOverview(monitor: Monitor & { plan: string }, lookups: Readonly<Record<string, string>> | undefined, records: readonly StudentRecord[]): LabOverview {
  const byNumber = new Map(records.map((record) => [comparable(record.identity.studentNumber), record] as const));
  const planNumbers = new Set(Object.values(lookups ?? {}).map(comparable));
  const heardOf = new Map<string, Heard>();
  let unknownLookups = 0;
  for (const heard of monitor.students) {
    const number = lookups?.[heard.entry];
    if (number === undefined || !byNumber.has(comparable(number))) {
      unknownLookups += 1;
      continue;
    }
    heardOf.set(comparable(number), better(heardOf.get(comparable(number)), heard));
  }
  const byClass = new Map<string, { grade: number; className: string; students: LabStudent[] }>();
  let leftRoster = 0;
  for (const number of planNumbers) {
    const record = byNumber.get(number);
    if (!record) {
      leftRoster += 1;
      continue;
    }
    const { grade, className } = record.identity;
    const key = `${grade}\u0000${className}`;
    const group = byClass.get(key) ?? { grade, className, students: [] };
    byClass.set(key, group);
    group.students.push(studentOf(record, heardOf.get(number), monitor.plan));
  }
  const classes = [...byClass.values()]
    .sort((x, y) => x.grade - y.grade || x.className.localeCompare(y.className, 'zh-CN'))
    .map((group) => {
      const students = group.students.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.studentNumber.localeCompare(b.studentNumber, 'zh-CN'));
      return { ...group, students, counts: countOf(students) };
    });
  return { plan: monitor.plan, classes, counts: countOf(classes.flatMap((group) => group.students)), unknownLookups, leftRoster, planUnknown: lookups === undefined };
}
