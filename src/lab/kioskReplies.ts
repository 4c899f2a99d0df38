import type { DraftUpload, Hello, LabErrorCode, Receipts, Stored, StudentState } from './protocol.ts';

/*
 * Hand-written checks of the lab server's replies the kiosk reads. The kiosk's student path does not
 * load zod, so protocol.ts cannot be imported for its values here (only its types);
 * test/lab/kioskReplies.test.ts holds every check below to the verdict of protocol.ts's zod schema,
 * and the two constants to protocol.ts's.
 */

export const KIOSK_LAB_API = '/api/v1';
export const KIOSK_LAB_PROTOCOL = 1;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const exactKeys = (value: Json, required: readonly string[], optional: readonly string[] = []): boolean =>
  required.every((key) => key in value) && Object.keys(value).every((key) => required.includes(key) || optional.includes(key));

const HEX64 = /^[0-9a-f]{64}$/;
const MACHINE = /^lab-[0-9a-f]{8}$/;
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PLAN_REF = /^[a-z0-9][a-z0-9-]*@\d+\.\d+\.\d+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64_MAX = 64 * 1024 * 2;
// zod's iso.datetime({ offset: true }): a real calendar date, seconds required, Z or ±hh:mm.
const DATE = '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const TIMESTAMP = new RegExp(`^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`);

const matches = (pattern: RegExp) => (value: unknown): value is string => typeof value === 'string' && pattern.test(value);
export const isLookup = matches(HEX64);
export const isMachineId = matches(MACHINE);
export const isUploadId = matches(UPLOAD_ID);
const isPlanRef = matches(PLAN_REF);
const isTimestamp = matches(TIMESTAMP);
const isBase64 = (value: unknown): value is string => typeof value === 'string' && value.length <= BASE64_MAX && BASE64.test(value);
const isUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value.trim()).protocol.length > 1;
  } catch {
    return false;
  }
};

export function asHello(value: unknown): Hello | undefined {
  if (!isObject(value) || !exactKeys(value, ['server', 'protocol', 'plan', 'kioskUrls', 'time'])) return undefined;
  const { server, protocol, plan, kioskUrls, time } = value;
  const planOk = plan === null || (isObject(plan) && exactKeys(plan, ['ref', 'digest']) && isPlanRef(plan.ref) && isLookup(plan.digest));
  const valid = server === 'psyscreen-lab' && protocol === KIOSK_LAB_PROTOCOL && planOk
    && Array.isArray(kioskUrls) && kioskUrls.every(isUrl) && isTimestamp(time);
  return valid ? (value as unknown as Hello) : undefined;
}

export function asStored(value: unknown): Stored | undefined {
  if (!isObject(value) || !exactKeys(value, ['ok', 'id', 'duplicate'])) return undefined;
  return value.ok === true && typeof value.id === 'string' && typeof value.duplicate === 'boolean' ? (value as unknown as Stored) : undefined;
}

export function asStudentState(value: unknown): StudentState | undefined {
  if (!isObject(value) || !exactKeys(value, ['finished', 'lastDraft'])) return undefined;
  const { finished, lastDraft } = value;
  const draftOk = lastDraft === null || (isObject(lastDraft) && exactKeys(lastDraft, ['machine', 'savedAt']) && isMachineId(lastDraft.machine) && isTimestamp(lastDraft.savedAt));
  return typeof finished === 'boolean' && draftOk ? (value as unknown as StudentState) : undefined;
}

export function asDraftUpload(value: unknown): DraftUpload | undefined {
  if (!isObject(value) || !exactKeys(value, ['plan', 'entry', 'machine', 'savedAt', 'answered', 'sealed'])) return undefined;
  const { plan, entry, machine, savedAt, answered, sealed } = value;
  const valid = isPlanRef(plan) && isLookup(entry) && isMachineId(machine) && isTimestamp(savedAt)
    && Number.isInteger(answered) && (answered as number) >= 0 && (answered as number) <= 10_000
    && isObject(sealed) && exactKeys(sealed, ['iv', 'data']) && isBase64(sealed.iv) && isBase64(sealed.data);
  return valid ? (value as unknown as DraftUpload) : undefined;
}

export function asReceipts(value: unknown): Receipts | undefined {
  if (!isObject(value) || !exactKeys(value, ['imported'])) return undefined;
  return Array.isArray(value.imported) && value.imported.every(isUploadId) ? (value as unknown as Receipts) : undefined;
}

const ERROR_CODES: readonly string[] = [
  'bad_request', 'too_large', 'rate_limited', 'disk_full', 'not_found', 'no_plan', 'wrong_plan',
  'not_envelope', 'wrong_key', 'id_conflict', 'already_finished', 'stale_draft', 'unauthorized', 'server_error',
] satisfies readonly LabErrorCode[];

/** The first issue code of a well-formed error reply (ZLabError), if it is one the protocol names. */
export function labErrorCode(value: unknown): LabErrorCode | undefined {
  if (!isLabError(value)) return undefined;
  const code = value.issues[0]?.code;
  return code !== undefined && ERROR_CODES.includes(code) ? (code as LabErrorCode) : undefined;
}

export function isLabError(value: unknown): value is { ok: false; issues: { code: string; path: (string | number)[] }[] } {
  if (!isObject(value) || !exactKeys(value, ['ok', 'issues']) || value.ok !== false) return false;
  const { issues } = value;
  return Array.isArray(issues) && issues.length > 0 && issues.every((found) => isObject(found) && exactKeys(found, ['code', 'path'])
    && typeof found.code === 'string' && Array.isArray(found.path) && found.path.every((part) => typeof part === 'string' || typeof part === 'number'));
}

export const KIOSK_ERROR_CODES = ERROR_CODES;
