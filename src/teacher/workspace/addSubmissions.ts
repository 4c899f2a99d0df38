import type { StudentRecord, Submission } from '../../records/index.ts';
import { withAudit } from './audit.ts';
import type { ChangeContext } from './context.ts';
import { completedWaveOf, DUPLICATE_FLAGGED } from './duplicateWaves.ts';
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
  /**
   * Completed submissions (among `added`) for a student who already had a completed wave of the same
   * plan under another id, e.g. finished on two PCs: filed and flagged for the teacher's decision.
   */
  readonly possibleDuplicates: readonly PossibleDuplicate[];
}

export interface PossibleDuplicate {
  readonly id: string;
  /** The wave it repeats. */
  readonly earlier: string;
  readonly recordId: string;
  readonly name: string;
  readonly className: string;
}

const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, '').toUpperCase();

/**
 * Files opened kiosk submissions into the students' records. A student is found by the student
 * number the roster gave the kiosk (unique within the school's roster); adding the same submission
 * twice adds one wave; a second completed submission of the same plan under another id is filed and
 * flagged (duplicateWaves.ts), never silently made a second result.
 */
export function addSubmissions(records: readonly StudentRecord[], submissions: readonly Submission[], school: string, context: ChangeContext): SubmissionsAdded {
  const byNumber = new Map(records.map((record) => [comparable(record.identity.studentNumber), record] as const));
  const changed = new Map<string, StudentRecord>();
  const added: string[] = [];
  const alreadyThere: string[] = [];
  const unmatched: Submission[] = [];
  const possibleDuplicates: PossibleDuplicate[] = [];
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
    const earlier = submission.status === 'completed' ? completedWaveOf(current, submission.plan) : undefined;
    const withWave = { ...current, waves: [...current.waves, waveOfSubmission(submission, school)].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)) };
    const withAdded = withAudit(withWave, context, 'wave_added', submission.id);
    const next = earlier ? withAudit(withAdded, context, DUPLICATE_FLAGGED, submission.id) : withAdded;
    if (earlier) possibleDuplicates.push({ id: submission.id, earlier: earlier.id, recordId: found.id, name: found.identity.name, className: found.identity.className });
    changed.set(found.id, next);
    byNumber.set(comparable(found.identity.studentNumber), next);
    added.push(submission.id);
  }
  return { changed: [...changed.values()], added, alreadyThere, unmatched, possibleDuplicates };
}
