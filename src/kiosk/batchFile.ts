import { writeBatch } from '../records/batchFile.ts';
import { receiptCode, sameReceipt } from '../records/receipt.ts';
import type { KioskDb } from '../store/kioskDb.ts';
import { localDay } from '../teacher/workspace/localDay.ts';

/**
 * The machine's collected submissions as one `.psybatch` (records/batchFile.ts, version 2: a zip with
 * a manifest carrying a sha-256 per entry, so damage is found per entry). Each entry is still sealed
 * to the school's key. Exporting never deletes anything.
 */
export async function buildBatch(db: KioskDb, plan: string, machine: string, now: Date): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer>; count: number }> {
  const stored = await db.submissions.orderBy('createdAt').toArray();
  // Students who started and did not finish: their draft lookups let the teacher see who is partial.
  const drafts = await db.drafts.where('planId').equals(plan.split('@')[0] ?? plan).toArray();
  const bytes = await writeBatch({
    plan, machine, created: now.toISOString(),
    submissions: stored.map((entry) => ({ id: entry.id, created: entry.createdAt, sealed: new Uint8Array(entry.sealed) })),
    drafts: drafts.map((draft) => ({ lookup: draft.lookup, updated: draft.updatedAt })),
  });
  await db.meta.put({ key: LAST_EXPORT, value: JSON.stringify({ plan, machine, ids: stored.map((entry) => entry.id) }) });
  const date = localDay(now.toISOString());
  return { name: `${plan.replace('@', '-').replace(/[^A-Za-z0-9.-]+/g, '_')}-${machine}-${date}.psybatch`, bytes, count: stored.length };
}

const LAST_EXPORT = 'lastExport';

/**
 * Deletes the submissions of the last export, but only with the receipt the teacher workspace showed
 * for that batch: proof that every one of them arrived. Anything submitted since stays.
 */
export async function clearAfterReceipt(db: KioskDb, typed: string): Promise<{ cleared: number } | { refused: 'no_export' | 'receipt_wrong' }> {
  const row = await db.meta.get(LAST_EXPORT);
  if (!row) return { refused: 'no_export' };
  const last = JSON.parse(row.value) as { plan: string; machine: string; ids: string[] };
  if (!sameReceipt(typed, await receiptCode(last.plan, last.machine, last.ids))) return { refused: 'receipt_wrong' };
  await db.transaction('rw', [db.submissions, db.meta], async () => {
    await db.submissions.bulkDelete(last.ids);
    await db.meta.delete(LAST_EXPORT);
  });
  return { cleared: last.ids.length };
}
