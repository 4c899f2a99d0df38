import { z } from 'zod';
import { TIERS, TRACKS, ZSex } from '../../scoring/index.ts';
import { ZBatteryResult } from './batteryResult.ts';
import { ZAnswers, ZId, ZIsoDate, ZPinnedRef, ZSeconds, ZText, ZTimestamp, ZVersionRef } from './schemaParts.ts';
import { compareTimes } from './time.ts';

/**
 * The student record (一生一档), the content of a `.psyrec` file (format `psyscreen-record` v2; v1 had
 * no `action`, `referralTo` or `due` on follow-up entries, so every v1 record is a valid v2 record).
 * It follows the student from school to school; README.md has the field-by-field spec.
 */

export const ZStudentIdentity = z.strictObject({
  name: ZText,
  /** The current school's student number; with the birth date, what finds the student (mergeRecord.ts). */
  studentNumber: ZText,
  /** 全国学籍号, where the school records it; follows the student across schools. */
  nationalId: ZText.optional(),
  school: ZText,
  grade: z.number().int().min(1).max(12),
  className: ZText,
  sex: ZSex,
  birthDate: ZIsoDate,
  track: z.enum(TRACKS).optional(),
});
export type StudentIdentity = z.infer<typeof ZStudentIdentity>;

/** A scoring of a wave's raw answers. The first is `original`: what was computed at the time. */
export const ZLabelledResult = z.strictObject({
  label: ZText.max(100),
  at: ZTimestamp,
  result: ZBatteryResult,
});
export type LabelledResult = z.infer<typeof ZLabelledResult>;

/** A teacher's confirmation or change of a wave's tier (the latest `at` is the confirmed tier). */
export const ZTierReview = z.strictObject({
  id: ZId,
  at: ZTimestamp,
  by: ZText,
  tier: z.enum(TIERS),
  why: ZText,
});
export type TierReview = z.infer<typeof ZTierReview>;

export const ORIGINAL_RESULT = 'original';

function customIssue(ctx: z.RefinementCtx, path: (string | number)[], code: string, params: Record<string, string | number> = {}): void {
  ctx.addIssue({ code: 'custom', path, message: code, params: { ...params, code } });
}

function reportDuplicateIds(ctx: z.RefinementCtx, ids: readonly string[], path: (index: number) => (string | number)[]): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) customIssue(ctx, path(index), 'record_duplicate_id', { id });
    seen.add(id);
  });
}

/** One screening the student took (or declined). The id is the submission's id: a wave is never stored twice. */
export const ZWave = z.strictObject({
  id: ZId,
  /** The screening plan, `id@version`. */
  plan: ZVersionRef,
  /** The school that ran the screening, and the student's grade and class then. */
  school: ZText,
  grade: z.number().int().min(1).max(12),
  className: ZText,
  status: z.enum(['completed', 'declined']),
  /** The battery given, `id@version#sha256`: re-scoring uses exactly these definitions. */
  instruments: z.array(ZPinnedRef),
  answers: ZAnswers,
  seconds: ZSeconds,
  startedAt: ZTimestamp,
  finishedAt: ZTimestamp,
  machineId: ZText.optional(),
  /**
   * Scores, norm tables and tier policy used, computed tier and validity: results[0] (`original`);
   * re-scorings follow, each labelled. Empty for a declined wave.
   */
  results: z.array(ZLabelledResult),
  reviews: z.array(ZTierReview),
}).superRefine((wave, ctx) => {
  if (wave.status === 'completed' && wave.results[0]?.label !== ORIGINAL_RESULT) customIssue(ctx, ['results'], 'wave_original_missing');
  if (wave.status === 'declined' && wave.results.length > 0) customIssue(ctx, ['results'], 'submission_declined_with_result');
  reportDuplicateIds(ctx, wave.results.map((result) => result.label), (index) => ['results', index, 'label']);
  reportDuplicateIds(ctx, wave.reviews.map((review) => review.id), (index) => ['reviews', index, 'id']);
});
export type Wave = z.infer<typeof ZWave>;

export const FOLLOW_UP_KINDS = ['interview', 'action', 'referral', 'closure', 'note'] as const;
/** What the school did (三预一跟): counselling in school, parents told, referral out, a re-test. */
export const FOLLOW_UP_ACTIONS = ['counselling', 'parents_informed', 'referral', 'retest', 'other'] as const;

/** An entry in the follow-up history. Edits keep the id and move `updatedAt`; the newer edit wins a merge. */
export const ZFollowUp = z.strictObject({
  id: ZId,
  /** When it happened. */
  at: ZTimestamp,
  /** When this entry was last written. */
  updatedAt: ZTimestamp,
  by: ZText,
  kind: z.enum(FOLLOW_UP_KINDS),
  content: z.string(),
  /** The attention tier this entry changed, if it did. */
  tierChange: z.strictObject({ from: z.enum(TIERS).optional(), to: z.enum(TIERS) }).optional(),
  /** The wave it follows up, if any. */
  wave: ZId.optional(),
  /** v2: what kind of action (for `action` and `referral` entries). */
  action: z.enum(FOLLOW_UP_ACTIONS).optional(),
  /** v2: the hospital or centre a referral names. */
  referralTo: ZText.max(200).optional(),
  /** v2: the date of the next planned contact (YYYY-MM-DD). */
  due: ZIsoDate.optional(),
});
export type FollowUp = z.infer<typeof ZFollowUp>;

/** Who did what to the record, and when. Append-only; merged by id. */
export const ZAuditEntry = z.strictObject({
  id: ZId,
  at: ZTimestamp,
  by: ZText,
  /** e.g. created, wave_added, tier_reviewed, follow_up_added, rescored, imported, merged, exported, identity_changed */
  action: z.string().regex(/^[a-z][a-z_]*$/, { error: 'bad_slug' }),
  detail: z.string().optional(),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;

export const ZStudentRecord = z.strictObject({
  /** Random, given when the record is created; kept by every merge. */
  id: ZId,
  identity: ZStudentIdentity,
  waves: z.array(ZWave),
  followUps: z.array(ZFollowUp),
  audit: z.array(ZAuditEntry),
}).superRefine((record, ctx) => {
  reportDuplicateIds(ctx, record.waves.map((wave) => wave.id), (index) => ['waves', index, 'id']);
  reportDuplicateIds(ctx, record.followUps.map((entry) => entry.id), (index) => ['followUps', index, 'id']);
  reportDuplicateIds(ctx, record.audit.map((entry) => entry.id), (index) => ['audit', index, 'id']);
});
export type StudentRecord = z.infer<typeof ZStudentRecord>;

/** The tier a teacher confirmed last, else the tier computed at the time; undefined for a declined wave. */
export function tierOf(wave: Wave): { tier: (typeof TIERS)[number]; confirmed?: TierReview } | undefined {
  const latest = [...wave.reviews].sort((a, b) => compareTimes(a.at, b.at)).at(-1);
  if (latest) return { tier: latest.tier, confirmed: latest };
  const original = wave.results[0];
  return original ? { tier: original.result.tier } : undefined;
}
