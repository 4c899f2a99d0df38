import { writeBatch } from '../records/index.ts';
import type { KioskDb } from '../store/kioskDb.ts';

/**
 * The machine's collected submissions as one `.psybatch` (records/batchFile.ts, version 2: a zip with
 * a manifest carrying a sha-256 per entry, so damage is found per entry). Each entry is still sealed
 * to the school's key. Exporting never deletes anything.
 */
export async function buildBatch(db: KioskDb, plan: string, machine: string, now: Date): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer>; count: number }> {
  const stored = await db.submissions.orderBy('createdAt').toArray();
  const bytes = await writeBatch({
    plan, machine, created: now.toISOString(),
    submissions: stored.map((entry) => ({ id: entry.id, created: entry.createdAt, sealed: new Uint8Array(entry.sealed) })),
  });
  const date = now.toISOString().slice(0, 10);
  return { name: `${plan.replace('@', '-').replace(/[^A-Za-z0-9.-]+/g, '_')}-${machine}-${date}.psybatch`, bytes, count: stored.length };
}
