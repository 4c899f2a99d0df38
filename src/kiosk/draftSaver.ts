import type { Timers } from './labLink.ts';

/**
 * Saves a student's drafts one after another (an older draft never overwrites a newer one), always the
 * newest. A failed write (IndexedDB full, QuotaExceededError) is reported at once, the draft stays in
 * memory and is retried; `saved` counts only writes that really completed, and `flush` tells the caller
 * whether the newest draft is on disk instead of waiting for ever or throwing.
 */
export interface DraftSaver<T> {
  save(draft: T): void;
  /** Tries the newest draft now; true once it is on disk, false if the write failed (it is retried later). */
  flush(): Promise<boolean>;
  dispose(): void;
}

export interface SaverState {
  readonly failed: boolean;
  readonly saved: number;
}

export function createDraftSaver<T>(write: (draft: T) => Promise<void>, options: {
  readonly timers: Timers; readonly onState: (state: SaverState) => void; readonly retryMs?: number;
}): DraftSaver<T> {
  const retryMs = options.retryMs ?? 3_000;
  let pending: T | undefined;
  let hasPending = false;
  let failed = false;
  let saved = 0;
  let loop: Promise<void> | undefined;
  let retry: unknown;
  let disposed = false;

  const emit = () => { if (!disposed) options.onState({ failed, saved }); };
  const clearRetry = () => {
    if (retry !== undefined) options.timers.clearTimeout(retry);
    retry = undefined;
  };

  function pump(): Promise<void> {
    loop ??= (async () => {
      try {
        while (hasPending && !disposed) {
          const draft = pending as T;
          hasPending = false;
          try {
            await write(draft);
          } catch {
            if (!hasPending) {
              pending = draft;
              hasPending = true;
            }
            failed = true;
            emit();
            clearRetry();
            retry = options.timers.setTimeout(() => { retry = undefined; void pump(); }, retryMs);
            return;
          }
          saved++;
          failed = false;
          emit();
        }
      } finally {
        loop = undefined;
      }
    })();
    return loop;
  }

  return {
    save(draft) {
      pending = draft;
      hasPending = true;
      void pump();
    },
    async flush() {
      clearRetry();
      // A draft queued while a write was under way is written by that same loop; wait for it too.
      while (loop) await loop.catch(() => undefined);
      if (hasPending) await pump();
      return !hasPending && !failed;
    },
    dispose() {
      disposed = true;
      clearRetry();
    },
  };
}
