import type { RecipientKey } from './recipient.ts';
import { seal } from './sealer.ts';
import type { Submission } from './submission.ts';

/**
 * What the kiosk calls before its thank-you screen: a fresh ephemeral key per submission; the plain
 * header names the plan, the finish time and the submission id (all random or non-personal).
 */
export const sealSubmission = (submission: Submission, recipient: RecipientKey): Promise<Uint8Array<ArrayBuffer>> =>
  seal(submission, recipient, { format: 'psyscreen-sealed', created: submission.finishedAt, plan: submission.plan, id: submission.id });
