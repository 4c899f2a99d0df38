import { ORIGINAL_RESULT, type Submission, type Wave } from '../../records/index.ts';

/** A kiosk submission as a wave of the student's record; the kiosk's result becomes the original result. */
export function waveOfSubmission(submission: Submission, school: string): Wave {
  return {
    id: submission.id,
    plan: submission.plan,
    school,
    grade: submission.student.grade,
    className: submission.student.className,
    status: submission.status,
    instruments: submission.instruments,
    answers: submission.answers,
    seconds: submission.seconds,
    startedAt: submission.startedAt,
    finishedAt: submission.finishedAt,
    machineId: submission.machineId,
    results: submission.result ? [{ label: ORIGINAL_RESULT, at: submission.finishedAt, result: submission.result }] : [],
    reviews: [],
  };
}
