import { z } from 'zod';
import { TRACKS, ZSex } from '../../scoring/index.ts';
import { ZBatteryResult } from './batteryResult.ts';
import { ZAnswers, ZId, ZIsoDate, ZPinnedRef, ZSeconds, ZText, ZTimestamp, ZVersionRef } from './schemaParts.ts';

/** Who answered, as the plan's roster names them on the lab machine. */
export const ZSubmissionStudent = z.strictObject({
  studentId: ZText,
  name: ZText,
  className: ZText,
  grade: z.number().int().min(1).max(12),
  sex: ZSex,
  track: z.enum(TRACKS).optional(),
  /** Present when the roster carries it; the teacher workspace otherwise takes it from its own roster. */
  birthDate: ZIsoDate.optional(),
});

/**
 * One student's finished (or declined) battery, as a kiosk seals it (`psyscreen-submission` v1).
 * Answers stay raw so the teacher can re-score them; `result` is what the kiosk computed.
 */
export const ZSubmission = z.strictObject({
  format: z.literal('psyscreen-submission'),
  version: z.literal(1),
  id: ZId,
  /** The screening plan, `id@version`. */
  plan: ZVersionRef,
  machineId: ZText.max(100),
  student: ZSubmissionStudent,
  status: z.enum(['completed', 'declined']),
  /** The battery given, `id@version#sha256` each. */
  instruments: z.array(ZPinnedRef),
  answers: ZAnswers,
  seconds: ZSeconds,
  startedAt: ZTimestamp,
  finishedAt: ZTimestamp,
  result: ZBatteryResult.optional(),
}).superRefine((submission, ctx) => {
  if (submission.status === 'completed' && !submission.result) ctx.addIssue({ code: 'custom', path: ['result'], message: 'submission_result_missing', params: { code: 'submission_result_missing' } });
  if (submission.status === 'declined' && submission.result) ctx.addIssue({ code: 'custom', path: ['result'], message: 'submission_declined_with_result', params: { code: 'submission_declined_with_result' } });
});
export type Submission = z.infer<typeof ZSubmission>;
