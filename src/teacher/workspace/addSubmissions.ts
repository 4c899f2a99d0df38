import type { StudentRecord, Submission } from '../../records/index.ts';
import { withAudit } from './audit.ts';
import type { ChangeContext } from './context.ts';
import { waveOfSubmission } from './waveOfSubmission.ts';

export interface SubmissionsAdded {
  /** Only the records that changed. */
  readonly changed: readonly StudentRecord[];
  /** Submission ids that became a new wave. */
  readonly added: readonly string[];
  /** Already a wave of that student: nothing changed. */
  readonly alreadyThere: readonly string[];
  /** No student in the workspace has that student number: kept aside for the teacher to resolve. */
  readonly unmatched: readonly Submission[];
}

const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, '').toUpperCase();

/**
 * Files opened kiosk submissions into the students' records. A student is found by the student
 * number the roster gave the kiosk (unique within the school's roster); adding the same submission
 * twice adds one wave.
 */
export function addSubmissions(records: readonly StudentRecord[], submissions: readonly Submission[], school: string, context: ChangeContext): SubmissionsAdded {
  const byNumber = new Map(records.map((record) => [comparable(record.identity.studentNumber), record] as const));
  const changed = new Map<string, StudentRecord>();
  const added: string[] = [];
  const alreadyThere: string[] = [];
  const unmatched: Submission[] = [];
  for (const submission of submissions) {
    const found = byNumber.get(comparable(submission.student.studentId));
    if (!found) {
      unmatched.push(submission);
      continue;
    }
    const current = changed.get(found.id) ?? found;
    if (current.waves.some((wave) => wave.id === submission.id)) {
      alreadyThere.push(submission.id);
      continue;
    }
    const withWave = { ...current, waves: [...current.waves, waveOfSubmission(submission, school)].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)) };
    const next = withAudit(withWave, context, 'wave_added', submission.id);
    changed.set(found.id, next);
    byNumber.set(comparable(found.identity.studentNumber), next);
    added.push(submission.id);
  }
  return { changed: [...changed.values()], added, alreadyThere, unmatched };
}
