import { z } from 'zod';
import { ZDraftUpload, ZLookup, ZMachineId, ZPlanRef, ZUploadId } from '../lab/protocol.ts';

/*
 * The files in the data folder besides the uploads themselves (README: "The data folder"). Each is
 * checked when the server starts; none holds anything readable about a student.
 */
const ZTime = z.iso.datetime({ offset: true });
const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** submissions/<id>.json, written before <id>.psysealed. */
export const ZSubmissionMeta = z.strictObject({
  id: ZUploadId,
  plan: ZPlanRef,
  machine: ZMachineId,
  entry: ZLookup,
  receivedAt: ZTime,
  bytes: z.number().int().min(1),
  sha256: ZSha256,
  address: z.string().max(100),
  /** How many answers the student's last draft held, for the monitor. */
  answered: z.number().int().min(0).optional(),
});
export type SubmissionMeta = z.infer<typeof ZSubmissionMeta>;

/** alerts/<id>.json, rewritten when the alert is acknowledged. */
export const ZAlertMeta = z.strictObject({
  id: ZUploadId,
  machine: ZMachineId,
  receivedAt: ZTime,
  bytes: z.number().int().min(1),
  sha256: ZSha256,
  address: z.string().max(100),
  acknowledged: z.strictObject({ by: z.string().min(1).max(100), at: ZTime }).optional(),
});
export type AlertMeta = z.infer<typeof ZAlertMeta>;

/** drafts/<lookup>.json: the kiosk's upload as it came, and when. */
export const ZDraftRecord = z.strictObject({ draft: ZDraftUpload, receivedAt: ZTime, address: z.string().max(100) });
export type DraftRecord = z.infer<typeof ZDraftRecord>;

/** receipts.json: the submissions the teacher's workspace has imported. */
export const ZReceiptsFile = z.strictObject({ imported: z.array(ZUploadId) });
