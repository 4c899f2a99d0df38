import { describe, expect, it } from 'vitest';
import { loadAttempts, recordFailure, recordSuccess, waitAfter, waitLeft, type ThrottleStorage } from '../../src/common/attemptThrottle.ts';

const RULE = { freeTries: 3, firstWaitMs: 5_000, maxWaitMs: 60_000 };

function memoryStorage(): ThrottleStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => items.set(key, value), removeItem: (key) => items.delete(key) };
}

describe('growing wait after wrong secrets', () => {
  it('is free for the first tries, then doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50].map((failures) => waitAfter(RULE, failures))).toEqual([0, 0, 0, 5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });

  it('counts down from the last failure, survives a reload through storage, and clears on success', () => {
    const storage = memoryStorage();
    for (let i = 0; i < 4; i++) recordFailure(storage, 'pin', 1_000_000);
    // a "reload": a fresh read of the same storage
    const state = loadAttempts(storage, 'pin');
    expect(state).toEqual({ failures: 4, lastFailureAt: 1_000_000 });
    expect(waitLeft(RULE, state, 1_000_000)).toBe(10_000);
    expect(waitLeft(RULE, state, 1_007_500)).toBe(2_500);
    expect(waitLeft(RULE, state, 1_020_000)).toBe(0);
    recordSuccess(storage, 'pin');
    expect(loadAttempts(storage, 'pin').failures).toBe(0);
  });

  it('never waits longer than the full wait when the clock was set back', () => {
    expect(waitLeft(RULE, { failures: 4, lastFailureAt: 9_000_000 }, 1_000)).toBe(10_000);
  });

  it('reads damaged storage as no failures', () => {
    const storage = memoryStorage();
    for (const junk of ['{', '"x"', '{"failures":-1,"lastFailureAt":0}', '{"failures":2}', 'null']) {
      storage.items.set('pin', junk);
      expect(loadAttempts(storage, 'pin')).toEqual({ failures: 0, lastFailureAt: 0 });
    }
  });
});
