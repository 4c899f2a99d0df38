import type { LocalizedText, Plan } from '../../scoring/index.ts';
import { pbkdf2Sha256, scrypt } from '../crypto/index.ts';
import { CURRENT_CODE_KEYS, DETAILS_SCRYPT, toBase64, type DetailsKeying } from './codeVault.ts';
import type { ScryptCost } from '../crypto/index.ts';
import type { KioskPlan, KioskSettings } from './kioskPlan.ts';
import { sealRosterInThread, type RosterSealer, type RosterStudent } from './rosterEntry.ts';

/** Plans built before 2026-12-05 hash the PIN with PBKDF2-SHA-256 at this many rounds (a 4-digit PIN fell in minutes). */
export const PIN_ITERATIONS = 210_000;

/**
 * New plans: scrypt 2^15, r 8 (32 MiB), ≈ 0.5 s in pure JS on the CI box, for a check a teacher makes
 * now and then; with 6 digits or more an offline search takes days of one core (npm run bench -- pin).
 */
export const PIN_SCRYPT: ScryptCost = { logN: 15, r: 8 };

export async function hashPin(pin: string, salt: Uint8Array<ArrayBuffer>, cost: ScryptCost = PIN_SCRYPT): Promise<KioskSettings['pin']> {
  const bits = await scrypt(new TextEncoder().encode(pin), salt, cost, 32);
  return { kdf: 'scrypt', salt: toBase64(salt), logN: cost.logN, r: cost.r, hash: toBase64(bits) };
}

/** How plans built before 2026-12-05 hashed the PIN; still read. */
export async function hashPinPbkdf2(pin: string, salt: Uint8Array<ArrayBuffer>, iterations = PIN_ITERATIONS): Promise<KioskSettings['pin']> {
  const bits = await pbkdf2Sha256(new TextEncoder().encode(pin), salt, iterations, 32);
  return { salt: toBase64(salt), iterations, hash: toBase64(bits) };
}

export interface KioskPlanRequest {
  readonly plan: Plan;
  readonly pin: string;
  readonly layout: KioskSettings['layout'];
  readonly recipient: KioskSettings['recipient'];
  readonly texts: KioskSettings['texts'];
  readonly returnAfterSeconds: number;
  /** Students with the sign-in code each will type (and their birth date, for details sign-in). */
  readonly roster: readonly RosterStudent[];
  readonly signInByDetails?: boolean;
  /** With details sign-in: the lab-session code the teacher writes on the board (signInCode.ts); without it the file alone keys the entries. */
  readonly sessionCode?: string;
  /** Tests only: a cheaper scrypt for details entries than DETAILS_SCRYPT, and for the PIN than PIN_SCRYPT. */
  readonly detailsCost?: ScryptCost;
  readonly pinCost?: ScryptCost;
  /** Which critical flag holds the kiosk for a teacher (default acute) and the idle minutes before sign-in (default 5). */
  readonly holdOn?: KioskSettings['holdOn'];
  readonly idleMinutes?: number;
  readonly demo?: boolean;
  readonly randomBytes: (length: number) => Uint8Array<ArrayBuffer>;
  readonly kdfIterations?: number;
  /** Told each student's code lookup, so the teacher workspace can later tell whose draft a lab machine holds. */
  readonly onLookup?: (studentId: string, lookup: string) => void;
  /** Told after each student: every code costs one deliberately slow key derivation (≈ 35 ms). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Where the per-student derivations run (default: on this thread); e.g. spread over Web Workers. */
  readonly sealRoster?: RosterSealer;
}

/** The file a teacher loads onto lab machines: the plan, kiosk settings and a roster sealed per code. */
export async function buildKioskPlan(request: KioskPlanRequest): Promise<KioskPlan> {
  const salt = request.randomBytes(16);
  const context = `roster:${request.plan.id}@${request.plan.version}`;
  const detailsKeys: DetailsKeying | undefined = request.signInByDetails === true
    ? { kdf: 'scrypt', ...(request.detailsCost ?? DETAILS_SCRYPT), sessionCode: request.sessionCode !== undefined }
    : undefined;
  const job = {
    salt, context, signInByDetails: request.signInByDetails === true, ...(request.kdfIterations === undefined ? {} : { kdfIterations: request.kdfIterations }),
    ...(detailsKeys ? { detailsKeys } : {}), ...(request.sessionCode === undefined ? {} : { sessionCode: request.sessionCode }),
  };
  let done = 0;
  const entries = await (request.sealRoster ?? sealRosterInThread)(request.roster, job, () => request.onProgress?.(++done, request.roster.length));
  if (entries.length !== request.roster.length) throw new Error(`roster sealer returned ${entries.length} entries for ${request.roster.length} students`);
  const roster = [...entries];
  request.roster.forEach((student, i) => {
    const entry = entries[i];
    if (entry) request.onLookup?.(student.identity.studentId, entry.lookup);
    if (entry?.detailsLookup) request.onLookup?.(student.identity.studentId, entry.detailsLookup);
  });
  // Order must not reveal the class list order.
  roster.sort((a, b) => a.lookup.localeCompare(b.lookup));
  return {
    kind: 'kiosk-plan',
    format: 1,
    plan: request.plan,
    kiosk: {
      salt: toBase64(salt),
      codeKeys: CURRENT_CODE_KEYS,
      pin: await hashPin(request.pin, request.randomBytes(16), request.pinCost),
      layout: request.layout,
      recipient: request.recipient,
      texts: request.texts,
      returnAfterSeconds: request.returnAfterSeconds,
      ...(request.demo ? { demoCodes: request.roster.map((student) => student.code), demoPin: request.pin } : {}),
      ...(request.holdOn ? { holdOn: request.holdOn } : {}),
      ...(request.idleMinutes ? { idleMinutes: request.idleMinutes } : {}),
      ...(detailsKeys ? { detailsKeys } : {}),
      ...(request.signInByDetails ? { signInByDetails: true, classes: [...new Set(request.roster.map((student) => student.identity.className))].sort() } : {}),
    },
    roster,
  };
}

export const DEFAULT_TEXTS = {
  thankYou: {
    'zh-CN': '谢谢你认真完成！你的回答只有学校心理老师能看到。',
    en: 'Thank you for taking part! Only the school psychology teacher can see your answers.',
  },
  help: {
    'zh-CN': '如果你现在感到难过或不安全，可以随时找心理老师或班主任聊聊，也可以拨打 12355 青少年服务台（免费、保密）。',
    en: 'If you feel sad or unsafe, talk to the psychology teacher or your class teacher at any time, or call the 12355 youth hotline (free and confidential).',
  },
} satisfies Record<string, LocalizedText>;

/** Consent in age-appropriate words: plainer for upper primary, the same text for all secondary bands. */
const PRIMARY_AND_SECONDARY_CONSENT = {
  'upper-primary': {
    'zh-CN': '接下来有一些关于你最近心情和感受的问题。没有对错之分，按照你真实的感受选就好。你的回答会保密，只有学校心理老师能看到。你可以选择不参加。',
    en: 'Next come some questions about how you have been feeling lately. There are no right or wrong answers; just choose what is true for you. Your answers are private: only the school psychology teacher sees them. You may choose not to take part.',
  },
  junior: {
    'zh-CN': '这是一次学校心理健康筛查，帮助老师了解同学们最近的情绪状况，及时给需要的同学提供帮助。回答保密，只有学校心理老师可以查看，不计入成绩。你可以选择不参加，这不会有任何不好的影响。',
    en: 'This is the school mental-health screening. It helps teachers see how students have been feeling and offer help early to those who need it. Your answers are confidential, seen only by the school psychology teacher, and never affect your grades. You may decline without any consequence.',
  },
};
export const DEFAULT_CONSENT: Record<string, LocalizedText> = {
  ...PRIMARY_AND_SECONDARY_CONSENT,
  senior: PRIMARY_AND_SECONDARY_CONSENT.junior,
  vocational: PRIMARY_AND_SECONDARY_CONSENT.junior,
};
