import { z } from 'zod';
import { ZLocalizedText, ZPlan, ZSex, TRACKS } from '../../scoring/index.ts';

const ZBase64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'bad_base64' });
export const ZSealedJson = z.strictObject({ iv: ZBase64, data: ZBase64 });

/** A roster entry a lab machine holds: found by a hash of the code, readable only with the code. */
const ZLookup = z.string().regex(/^[0-9a-f]{64}$/, { error: 'bad_lookup' });
export const ZSealedRosterEntry = z.strictObject({
  lookup: ZLookup,
  sealed: ZSealedJson,
  /** Where the plan allows it: the same identity, found and opened by class + student number + birth date. */
  detailsLookup: ZLookup.optional(),
  detailsSealed: ZSealedJson.optional(),
});
export type SealedRosterEntry = z.infer<typeof ZSealedRosterEntry>;

/** What the sealed part of a roster entry holds once opened with the student's code. */
export const ZRosterIdentity = z.strictObject({
  studentId: z.string().min(1),
  name: z.string().min(1),
  className: z.string().min(1),
  grade: z.number().int().min(1).max(12),
  sex: ZSex,
  track: z.enum(TRACKS).optional(),
});
export type RosterIdentity = z.infer<typeof ZRosterIdentity>;

/** The teacher's PIN: scrypt in plans built since 2026-12-05, PBKDF2 before (buildKioskPlan.ts). */
export const ZPinHash = z.union([
  z.strictObject({ kdf: z.literal('scrypt'), salt: ZBase64, logN: z.number().int().min(10).max(16), r: z.number().int().min(1).max(8), hash: ZBase64 }),
  z.strictObject({ salt: ZBase64, iterations: z.number().int().min(100_000), hash: ZBase64 }),
]);

export const ZKioskSettings = z.strictObject({
  /** Per-plan salt for code-derived keys; a new plan makes old drafts and codes useless. */
  salt: ZBase64,
  /** How codes become keys (codeVault.ts); absent in plans built before 2026-11-25. */
  codeKeys: z.literal('pbkdf2-hkdf').optional(),
  pin: ZPinHash,
  layout: z.enum(['question', 'page']),
  recipient: z.strictObject({ keyId: z.string().min(8), name: z.string().min(1), publicKey: ZBase64 }),
  texts: z.strictObject({
    consent: z.record(z.string(), ZLocalizedText),
    thankYou: ZLocalizedText,
    help: ZLocalizedText,
  }),
  returnAfterSeconds: z.number().int().min(3).max(60),
  /** Demo plans show their sign-in codes on screen so a new user can try a screening at once. */
  demoCodes: z.array(z.string()).optional(),
  demoPin: z.string().optional(),
  /** Lets a student without a code sign in by class, student number and birth date (weaker: classmates know these). */
  signInByDetails: z.boolean().optional(),
  /** How details entries are keyed (codeVault.ts DetailsKeying); absent in plans built before 2026-12-05. */
  detailsKeys: z.strictObject({
    kdf: z.literal('scrypt'),
    // Readers refuse more than 2^16 · 1 KiB = 64 MiB: a crafted file must not exhaust an old PC.
    logN: z.number().int().min(10).max(16),
    r: z.number().int().min(1).max(8),
    sessionCode: z.boolean(),
  }).optional(),
  /** Class names offered in the details sign-in, so nobody has to type them exactly. */
  classes: z.array(z.string().min(1)).optional(),
  /** Which critical flag holds the kiosk until a teacher's PIN (crisis.ts); absent: acute. */
  holdOn: z.enum(['acute', 'urgent']).optional(),
  /** Minutes without input before a battery is saved and the kiosk returns to sign-in; absent: 5. */
  idleMinutes: z.number().int().min(1).max(60).optional(),
});
export type KioskSettings = z.infer<typeof ZKioskSettings>;

export const ZKioskPlan = z.strictObject({
  kind: z.literal('kiosk-plan'),
  format: z.literal(1),
  plan: ZPlan,
  kiosk: ZKioskSettings,
  roster: z.array(ZSealedRosterEntry),
}).superRefine((file, ctx) => {
  for (const band of file.plan.gradeBands) {
    if (!(band.id in file.kiosk.texts.consent)) {
      ctx.addIssue({ code: 'custom', path: ['kiosk', 'texts', 'consent'], message: 'consent_text_missing', params: { code: 'consent_text_missing', band: band.id } });
    }
  }
});
export type KioskPlan = z.infer<typeof ZKioskPlan>;
