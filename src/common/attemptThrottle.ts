/**
 * A growing wait after wrong secrets (the workspace passphrase, the kiosk PIN): the first few tries
 * are free, then each failure doubles the wait up to a cap. The state is kept in storage the caller
 * hands in, so a reload does not reset it. It slows someone at the keyboard; the slow key
 * derivation behind each secret is what slows someone holding a copy of the file.
 */

export interface ThrottleRule {
  /** Tries without any wait; the failure that ends them starts the first wait. */
  readonly freeTries: number;
  readonly firstWaitMs: number;
  readonly maxWaitMs: number;
}

export interface AttemptState {
  readonly failures: number;
  /** ms since the epoch of the latest failure. */
  readonly lastFailureAt: number;
}

/** What persists the state; `localStorage` fits (its two methods, by key). */
export interface ThrottleStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const NO_FAILURES: AttemptState = { failures: 0, lastFailureAt: 0 };

/** The wait that follows `failures` wrong tries in a row. */
export function waitAfter(rule: ThrottleRule, failures: number): number {
  const beyond = failures - rule.freeTries;
  if (beyond < 0) return 0;
  return Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** Math.min(beyond, 30));
}

/** ms left before the next try; a clock set back never makes it longer than the full wait. */
export function waitLeft(rule: ThrottleRule, state: AttemptState, now: number): number {
  const wait = waitAfter(rule, state.failures);
  return Math.max(0, Math.min(wait, state.lastFailureAt + wait - now));
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Reads the stored state; anything unreadable counts as no failures (whoever can edit storage can clear it anyway). */
export function loadAttempts(storage: ThrottleStorage, key: string): AttemptState {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    if (typeof value !== 'object' || value === null) return NO_FAILURES;
    const { failures, lastFailureAt } = value as Record<string, unknown>;
    return isCount(failures) && isCount(lastFailureAt) ? { failures, lastFailureAt } : NO_FAILURES;
  } catch {
    return NO_FAILURES;
  }
}

export function recordFailure(storage: ThrottleStorage, key: string, now: number): AttemptState {
  const state = { failures: loadAttempts(storage, key).failures + 1, lastFailureAt: now };
  storage.setItem(key, JSON.stringify(state));
  return state;
}

export function recordSuccess(storage: ThrottleStorage, key: string): AttemptState {
  storage.removeItem(key);
  return NO_FAILURES;
}
