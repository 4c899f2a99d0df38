import type { KioskLabClient, LabReply } from '../lab/kioskClient.ts';
import type { DraftUpload, Hello } from '../lab/protocol.ts';
import type { KioskDb } from '../store/kioskDb.ts';
import { applyReceipts, drainOutbox } from './outbox.ts';

/**
 * The kiosk's link to the lab server: finds it (GET /hello), sends the outbox, retries with a growing
 * wait while the server is down or full, and asks for import receipts. A page served by a plain static
 * host gets "not a lab server" and the link goes quiet: the kiosk works on its own, as before.
 *
 * - `none`: no lab server (yet): nothing is shown to students.
 * - `connected`: everything queued has been sent, or is being sent.
 * - `offline`: a lab server was seen on this machine but does not answer now; answers are kept here.
 * - `disk_full`: the server answered 507; answers are kept here.
 */
export type LabStatus = 'none' | 'connected' | 'offline' | 'disk_full';

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What sign-in and submit ask the server; undefined whenever it cannot say (no server, no answer). */
export interface RemoteState {
  finished(entry: string): Promise<boolean | undefined>;
  draft(lookup: string): Promise<DraftUpload | undefined>;
}

export interface LabLink {
  /** Resolves when the first look for the server (and the first drain) is done. */
  start(): Promise<void>;
  /** Something was queued: send it now rather than at the next poll. */
  kick(): Promise<void>;
  stop(): void;
  status(): LabStatus;
  /** The plan file the server serves, as text (for the kiosk's validated plan reader). */
  plan(): Promise<LabReply<string>>;
  readonly remote: RemoteState;
}

export interface LabLinkOptions {
  readonly db: KioskDb;
  readonly client: KioskLabClient;
  readonly machineId: string;
  readonly now: () => Date;
  readonly timers: Timers;
  readonly onStatus?: (status: LabStatus) => void;
  readonly onHello?: (hello: Hello) => void;
  readonly pollMs?: number;
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
}

const SEEN = 'labSeen';

export function createLabLink(options: LabLinkOptions): LabLink {
  const { db, client, machineId, now, timers } = options;
  const pollMs = options.pollMs ?? 20_000;
  const firstRetryMs = options.firstRetryMs ?? 2_000;
  const maxRetryMs = options.maxRetryMs ?? 60_000;
  let status: LabStatus = 'none';
  let seen = false;
  let retryMs = firstRetryMs;
  let timer: unknown;
  let running = false;
  let again = false;
  let stopped = false;

  const setStatus = (next: LabStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => { timer = undefined; void run(); }, ms);
  };
  const backOff = (atLeastMs = 0) => {
    schedule(Math.max(retryMs, atLeastMs));
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  async function cycle(): Promise<void> {
    if (!seen) seen = (await db.meta.get(SEEN)) !== undefined;
    const hello = await client.hello(machineId);
    if (!hello.ok) {
      // A static host (or anything that is not a lab server) on a machine that never met one: stay quiet for good.
      if (hello.code === 'not_lab' && !seen) return setStatus('none');
      setStatus(seen ? 'offline' : 'none');
      return backOff();
    }
    if (!seen) {
      seen = true;
      await db.meta.put({ key: SEEN, value: now().toISOString() });
    }
    options.onHello?.(hello.value);
    const drained = await drainOutbox(db, client, machineId, now);
    if (drained.stop) {
      setStatus(drained.stop === 'disk_full' ? 'disk_full' : drained.stop === 'unreachable' ? 'offline' : 'connected');
      return backOff((drained.retryAfterSeconds ?? 0) * 1000);
    }
    setStatus('connected');
    retryMs = firstRetryMs;
    await applyReceipts(db, client, machineId);
    schedule(pollMs);
  }

  async function run(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await cycle();
      } while (again && !stopped);
    } catch {
      // IndexedDB refused a read or write here: the rows are still queued; try again later.
      backOff();
    } finally {
      running = false;
    }
  }

  const asks = () => status !== 'none' || seen;
  return {
    start: () => run(),
    kick: () => (asks() ? run() : Promise.resolve()),
    stop: () => {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
    },
    status: () => status,
    plan: () => client.plan(),
    remote: {
      async finished(entry) {
        if (!asks()) return undefined;
        const reply = await client.student(entry);
        return reply.ok ? reply.value.finished : undefined;
      },
      async draft(lookup) {
        if (!asks()) return undefined;
        const reply = await client.getDraft(lookup);
        return reply.ok ? reply.value ?? undefined : undefined;
      },
    },
  };
}
