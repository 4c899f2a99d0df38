import type { Timers } from './labLink.ts';

/** What counts as someone at the keyboard. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

export const DEFAULT_IDLE_MINUTES = 5;

/**
 * Calls `onIdle` once after `timeoutMs` without any input event on `target`, so a battery left open
 * does not show one student's answers to the next. Returns the function that stops watching.
 */
export function watchIdle(target: EventTarget, timeoutMs: number, onIdle: () => void, timers: Timers): () => void {
  let timer: unknown;
  let done = false;
  const arm = () => {
    if (done) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      done = true;
      onIdle();
    }, timeoutMs);
  };
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, arm, { capture: true, passive: true });
  arm();
  return () => {
    done = true;
    if (timer !== undefined) timers.clearTimeout(timer);
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, arm, { capture: true });
  };
}
