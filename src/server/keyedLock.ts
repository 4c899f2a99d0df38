export type KeyedLock = <T>(keys: readonly string[], task: () => Promise<T>) => Promise<T>;

/** Runs tasks one after another per key (the same upload id, the same student), in parallel across keys. */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  const withOne = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
    return run;
  };
  // Keys are always taken in sorted order, so two tasks sharing keys cannot wait on each other.
  return <T>(keys: readonly string[], task: () => Promise<T>): Promise<T> => {
    const sorted = [...new Set(keys)].sort();
    const nest = (index: number): Promise<T> => {
      const key = sorted[index];
      return key === undefined ? task() : withOne(key, () => nest(index + 1));
    };
    return nest(0);
  };
}
