import { useCallback, useEffect, useState } from 'react';
import { loadAttempts, recordFailure, recordSuccess, waitLeft, type AttemptState, type ThrottleRule, type ThrottleStorage } from './attemptThrottle.ts';

export interface AttemptThrottle {
  /** Whole seconds before the next try; 0 when a try is allowed now. */
  readonly secondsLeft: number;
  readonly failed: () => void;
  readonly succeeded: () => void;
}

/** The browser's localStorage where the page may use it; else none (the wait then lasts only this page's life). */
export function browserThrottleStorage(): ThrottleStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function memoryStorage(): ThrottleStorage {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

/** Storage that falls back to memory when the real one refuses a write (private mode, quota): the wait still holds on this page. */
function resilient(storage: ThrottleStorage | undefined): ThrottleStorage {
  const fallback = memoryStorage();
  if (!storage) return fallback;
  return {
    getItem: (key) => fallback.getItem(key) ?? storage.getItem(key),
    setItem: (key, value) => {
      try {
        storage.setItem(key, value);
      } catch {
        fallback.setItem(key, value);
      }
    },
    removeItem: (key) => {
      fallback.removeItem(key);
      storage.removeItem(key);
    },
  };
}

/** A growing wait after wrong secrets (attemptThrottle.ts), counting down once a second. */
export function useAttemptThrottle(rule: ThrottleRule, key: string, storage: ThrottleStorage | undefined, now: () => number = Date.now): AttemptThrottle {
  const [store] = useState(() => resilient(storage));
  const [state, setState] = useState<AttemptState>(() => loadAttempts(store, key));
  const [clock, setClock] = useState(now);
  const left = waitLeft(rule, state, clock);
  const waiting = left > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setClock(now()), 1000);
    return () => clearInterval(timer);
  }, [waiting, now]);
  const failed = useCallback(() => {
    const at = now();
    setState(recordFailure(store, key, at));
    setClock(at);
  }, [store, key, now]);
  const succeeded = useCallback(() => setState(recordSuccess(store, key)), [store, key]);
  return { secondsLeft: Math.ceil(left / 1000), failed, succeeded };
}

/** 75 → "1:15": the time left, as a kitchen timer shows it. */
export const minutesAndSeconds = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
