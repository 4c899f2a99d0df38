import type { KioskPlanRequest } from '../../kiosk/buildKioskPlan.ts';
import type { RosterIdentity } from '../../kiosk/kioskPlan.ts';
import type { RosterRow } from './rosterRow.ts';

export type KioskRosterEntry = KioskPlanRequest['roster'][number];

/** What a lab machine learns about a student once their code opens the entry: no more than the kiosk needs. */
export function rosterIdentity(student: RosterRow): RosterIdentity {
  return {
    studentId: student.studentNumber,
    name: student.name,
    className: student.className,
    grade: student.grade,
    sex: student.sex,
    ...(student.track === undefined ? {} : { track: student.track }),
  };
}

/** Imported students with their codes → the roster buildKioskPlan seals for the lab machines. */
export function toKioskRoster(students: readonly (RosterRow & { readonly code: string })[]): KioskRosterEntry[] {
  return students.map((student) => ({
    code: student.code,
    identity: rosterIdentity(student),
    ...(student.birthDate === undefined ? {} : { birthDate: student.birthDate }),
  }));
}
