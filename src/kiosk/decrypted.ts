import type { Draft } from './draft.ts';
import type { RosterIdentity } from './kioskPlan.ts';

/*
 * Shape checks for what the kiosk decrypts at sign-in: a roster entry (sealed by the plan builder) and
 * a draft (sealed by this kiosk). AES-GCM has already proved who wrote them, so these only guard
 * against a different app version's shape. They are hand-written because they run on the student's way
 * in, which does not load zod; test/kiosk/decrypted.test.ts holds them to ZRosterIdentity's verdicts.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const onlyKeys = (value: Json, allowed: readonly string[]): boolean => Object.keys(value).every((key) => allowed.includes(key));
const isFilledText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isRecordOf = (value: unknown, check: (entry: unknown) => boolean): boolean => isObject(value) && Object.values(value).every(check);

const IDENTITY_KEYS = ['studentId', 'name', 'className', 'grade', 'sex', 'track'] as const;
const DRAFT_KEYS = ['consent', 'answers', 'seconds', 'startedAt'] as const;

export function asRosterIdentity(value: unknown): RosterIdentity | undefined {
  if (!isObject(value) || !onlyKeys(value, IDENTITY_KEYS)) return undefined;
  const { studentId, name, className, grade, sex, track } = value;
  const valid = isFilledText(studentId) && isFilledText(name) && isFilledText(className)
    && Number.isInteger(grade) && (grade as number) >= 1 && (grade as number) <= 12
    && (sex === 'male' || sex === 'female')
    && (track === undefined || track === 'general' || track === 'vocational');
  return valid ? (value as unknown as RosterIdentity) : undefined;
}

export function asDraft(value: unknown): Draft | undefined {
  if (!isObject(value) || !onlyKeys(value, DRAFT_KEYS)) return undefined;
  const { consent, answers, seconds, startedAt } = value;
  const valid = (consent === undefined || consent === 'given' || consent === 'declined')
    && isRecordOf(answers, (answer) => answer === null || Number.isInteger(answer))
    && isRecordOf(seconds, (spent) => typeof spent === 'number' && spent >= 0)
    && typeof startedAt === 'string';
  return valid ? (value as unknown as Draft) : undefined;
}
