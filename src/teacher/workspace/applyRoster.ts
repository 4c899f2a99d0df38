import { fail, issue, succeed, type Issue, type Outcome } from '../../../scoring/index.ts';
import type { StudentIdentity, StudentRecord } from '../../records/index.ts';
import type { RosterRow } from '../roster/index.ts';
import { withAudit } from './audit.ts';
import type { ChangeContext } from './context.ts';

export interface RosterApplied {
  /** Records created or whose class, grade or name changed. */
  readonly changed: readonly StudentRecord[];
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, '').toUpperCase();

/**
 * A validated roster into the workspace: a student already there (same student number) keeps their
 * record, waves and follow-up; their current class and grade follow the roster (a new school year);
 * a new student gets an empty record. Birth dates are required here: with the student number they
 * are how a record is matched when it moves to another school. Nothing is written if any row fails.
 */
export function applyRoster(records: readonly StudentRecord[], rows: readonly RosterRow[], school: string, context: ChangeContext): Outcome<RosterApplied> {
  const missing: Issue[] = rows.filter((row) => !row.birthDate).map((row) => issue('roster_birth_date_required', ['rows', row.rowNumber, 'birthDate'], { row: row.rowNumber }));
  if (missing.length > 0) return fail(missing);
  const byNumber = new Map(records.map((record) => [comparable(record.identity.studentNumber), record] as const));
  const changed: StudentRecord[] = [];
  let added = 0;
  let updated = 0;
  for (const row of rows) {
    const identity: StudentIdentity = {
      name: row.name, studentNumber: row.studentNumber, school, grade: row.grade, className: row.className, sex: row.sex, birthDate: row.birthDate ?? '',
      ...(row.nationalId ? { nationalId: row.nationalId } : {}), ...(row.track ? { track: row.track } : {}),
    };
    const existing = byNumber.get(comparable(row.studentNumber));
    if (!existing) {
      changed.push(withAudit({ id: context.newId(), identity, waves: [], followUps: [], audit: [] }, context, 'created', `roster row ${row.rowNumber}`));
      added += 1;
      continue;
    }
    const before = existing.identity;
    const next: StudentIdentity = { ...before, ...identity, ...(before.nationalId && !identity.nationalId ? { nationalId: before.nationalId } : {}) };
    if (JSON.stringify(next) === JSON.stringify(before)) continue;
    const what = (['name', 'grade', 'className', 'sex', 'birthDate', 'nationalId', 'track'] as const).filter((field) => next[field] !== before[field]).join(',');
    changed.push(withAudit({ ...existing, identity: next }, context, 'identity_changed', what));
    updated += 1;
  }
  return succeed({ changed, added, updated, unchanged: rows.length - added - updated });
}
