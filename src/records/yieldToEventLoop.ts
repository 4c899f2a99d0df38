/**
 * Lets the page (or a worker's message queue: progress, cancel) run between slices of long work.
 * A macrotask, not a microtask: awaiting a resolved promise would not let anything else in.
 * `scheduler.yield()` where the browser has it; else a MessageChannel message (what React's
 * scheduler uses: no 4 ms clamp, unlike nested setTimeout); else setTimeout.
 */
interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Calls `yieldToEventLoop` once `sliceMs` of work have passed since the last yield. */
export function createSlicer(sliceMs: number, now: () => number = () => performance.now()): () => Promise<void> {
  let last = now();
  return async () => {
    if (now() - last < sliceMs) return;
    await yieldToEventLoop();
    last = now();
  };
}
