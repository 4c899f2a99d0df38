import { useCryptoBackend, type BackendName } from '../crypto/index.ts';
import type { SealedRosterEntry } from './kioskPlan.ts';
import { sealRosterEntry, type RosterJob, type RosterStudent } from './rosterEntry.ts';

/** Page → roster worker: seal these students (each with its place in the roster). */
export interface RosterChunk {
  readonly job: RosterJob;
  /** `noble`: derive in pure JS on this worker's own core (see rosterWorkerPool.ts); absent: the platform's choice. */
  readonly backend?: BackendName;
  readonly students: readonly { readonly index: number; readonly student: RosterStudent }[];
}

/** Roster worker → page: one entry sealed, the chunk finished, or a failure (a programmer error). */
export type RosterReply =
  | { readonly kind: 'sealed'; readonly index: number; readonly entry: SealedRosterEntry }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string };

/** What a roster worker does with one chunk; in its own module so tests can run it without a Worker. */
export async function sealChunk(chunk: RosterChunk, reply: (message: RosterReply) => void): Promise<void> {
  try {
    // A worker is one lane for its whole life, so switching its backend here changes nothing else.
    if (chunk.backend) useCryptoBackend(chunk.backend);
    for (const { index, student } of chunk.students) reply({ kind: 'sealed', index, entry: await sealRosterEntry(student, chunk.job) });
    reply({ kind: 'done' });
  } catch (error: unknown) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
