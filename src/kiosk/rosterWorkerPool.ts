import type { SealedRosterEntry } from './kioskPlan.ts';
import { sealRosterInThread, type RosterSealer } from './rosterEntry.ts';
import type { RosterChunk, RosterReply } from './rosterWorkerProtocol.ts';

/** The part of a Web Worker the pool uses, so tests can hand it stand-ins. */
export interface RosterWorker {
  post(chunk: RosterChunk): void;
  terminate(): void;
}

export interface RosterPoolOptions {
  /** Starts one worker that tells `onReply` its replies and `onError` that it died; throwing (no Worker) means: fewer workers. */
  readonly spawn: (onReply: (reply: RosterReply) => void, onError: () => void) => RosterWorker;
  /** How many workers: the PC's cores (navigator.hardwareConcurrency). One or fewer: no workers at all. */
  readonly workers: number;
  /** Students per message to a WebCrypto lane: small enough to balance the cores, large enough to keep messages few. */
  readonly chunkSize?: number;
  /**
   * Run the workers from this one on (0: all, 1: all but the first) on the pure-JS backend: on plain
   * http (no WebCrypto), or to add cores beside a WebCrypto that does not scale over workers (Chromium's
   * source runs it on one thread per page; pure-JS PBKDF2 is ~11× slower per code). Pure-JS lanes take
   * one student at a time, so none holds up the end.
   */
  readonly pureJsFrom?: number;
}

/**
 * Spreads the per-student derivations over Web Workers, handing out small chunks as workers free up.
 * A worker that fails (or cannot start) gives its unfinished students back; if none is left, the rest
 * are sealed on this thread. With pure-JS lanes, the WebCrypto lane, once the queue is empty, redoes
 * what the slow lanes still hold (the first result wins), so they never hold up the end. The entries
 * come back in roster order, as the in-thread sealer gives them; only the random IVs differ, as
 * between any two builds.
 */
export function rosterSealerWithWorkers(options: RosterPoolOptions): RosterSealer {
  return async (students, job, onSealed) => {
    const count = Math.min(Math.floor(options.workers), Math.ceil(students.length / 2));
    if (count <= 1) return sealRosterInThread(students, job, onSealed);
    const chunkSize = options.chunkSize ?? 8;
    const entries: (SealedRosterEntry | undefined)[] = Array.from({ length: students.length }, () => undefined);
    let sealedCount = 0;
    const queue: number[] = students.map((_, index) => index);
    const unsealed = (indexes: readonly number[]) => indexes.filter((index) => entries[index] === undefined);

    interface Lane { readonly slow: boolean; current: number[]; stop(): void }
    const lanes: Lane[] = [];
    await new Promise<void>((resolve) => {
      let running = 0;
      let spawning = true;
      const finishIfIdle = () => {
        if (sealedCount === students.length) for (const lane of lanes) lane.stop();
        if (running === 0 && !spawning) resolve();
      };
      const start = (laneNumber: number) => {
        const backend = options.pureJsFrom !== undefined && laneNumber >= options.pureJsFrom ? 'noble' as const : undefined;
        const size = backend ? 1 : chunkSize;
        let stopped = false;
        const lane: Lane = {
          slow: backend !== undefined,
          current: [],
          stop: () => {
            if (stopped) return;
            stopped = true;
            worker.terminate();
            running--;
            finishIfIdle();
          },
        };
        const next = () => {
          lane.current = queue.splice(0, size);
          if (lane.current.length === 0 && !lane.slow) lane.current = unsealed(lanes.flatMap((other) => (other.slow ? other.current : []))).slice(0, size);
          if (lane.current.length === 0) return lane.stop();
          const chunk = { job, students: lane.current.map((index) => ({ index, student: students[index] as (typeof students)[number] })) };
          worker.post(backend ? { ...chunk, backend } : chunk);
        };
        const giveBack = () => {
          if (stopped) return;
          queue.unshift(...unsealed(lane.current));
          lane.current = [];
          lane.stop();
        };
        const worker = options.spawn((reply) => {
          if (stopped) return;
          if (reply.kind === 'sealed') {
            if (entries[reply.index] === undefined) {
              entries[reply.index] = reply.entry;
              sealedCount++;
              onSealed();
            }
            if (sealedCount === students.length) finishIfIdle();
          } else if (reply.kind === 'done') next();
          else giveBack();
        }, giveBack);
        lanes.push(lane);
        running++;
        next();
      };
      for (let i = 0; i < count; i++) {
        try {
          start(i);
        } catch {
          // a worker that cannot start leaves its share to the others, or to this thread
        }
      }
      spawning = false;
      finishIfIdle();
    });

    const left = unsealed(students.map((_, index) => index));
    if (left.length > 0) {
      const sealed = await sealRosterInThread(left.map((index) => students[index] as (typeof students)[number]), job, onSealed);
      left.forEach((index, i) => { entries[index] = sealed[i]; });
    }
    return entries.map((entry) => {
      if (!entry) throw new Error('a roster entry went missing');
      return entry;
    });
  };
}

/**
 * How the teacher's PC should build: one worker per core. With WebCrypto every lane uses it (Chromium
 * may run all of a page's WebCrypto on one thread, and then this gains nothing, but loses nothing
 * either; mixed lanes would gain at most ≈ 1/11 of a core per extra lane and lose much if WebCrypto
 * does scale, so they stay opt-in); on plain http every lane is pure JS and every core counts.
 */
export function rosterPoolFor(cores: number, webCrypto: boolean): Pick<RosterPoolOptions, 'workers' | 'pureJsFrom'> {
  return webCrypto ? { workers: cores } : { workers: cores, pureJsFrom: 0 };
}
