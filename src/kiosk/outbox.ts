import type { KioskLabClient, LabFailure, LabReply } from '../lab/kioskClient.ts';
import type { DraftUpload } from '../lab/protocol.ts';
import type { KioskDb, OutboxRow } from '../store/kioskDb.ts';

/*
 * The outbox: rows are written in the same IndexedDB transaction as the draft, submission or alert
 * they stand for (session.ts), so nothing stored is ever missing from it; drainOutbox sends them.
 * Every local copy stays until the server has it (drafts, alerts) or the teacher has imported it
 * (submissions, via GET /receipts).
 */

export const draftKey = (lookup: string) => `draft:${lookup}`;
export const submissionKey = (id: string) => `submission:${id}`;
export const alertKey = (id: string) => `alert:${id}`;

export const draftRow = (lookup: string, upload: DraftUpload, queuedAt: string): OutboxRow => ({ key: draftKey(lookup), kind: 'draft', lookup, upload, queuedAt });
export const submissionRow = (id: string, entry: string, queuedAt: string): OutboxRow => ({ key: submissionKey(id), kind: 'submission', id, entry, queuedAt });
export const alertRow = (id: string, sealed: Uint8Array, queuedAt: string): OutboxRow => ({ key: alertKey(id), kind: 'alert', id, sealed, queuedAt });

const PRIORITY = { alert: 0, submission: 1, draft: 2 } as const;

/** Why a drain stopped before the outbox was empty: the next try waits (longer each time). */
export type DrainStop = { readonly stop: 'unreachable' | 'disk_full' | 'rate_limited'; readonly retryAfterSeconds?: number };
export type DrainResult = { readonly sent: number } & ({ readonly stop?: undefined } | DrainStop);

/** Failures that another try can cure; anything else is a final answer about that row. */
const TRANSIENT: ReadonlySet<LabFailure> = new Set<LabFailure>(['unreachable', 'not_lab', 'bad_reply', 'server_error', 'disk_full', 'rate_limited']);

function stopOf(reply: LabReply<unknown> & { ok: false }): DrainStop {
  if (reply.code === 'disk_full') return { stop: 'disk_full' };
  if (reply.code === 'rate_limited') return { stop: 'rate_limited', ...(reply.retryAfterSeconds ? { retryAfterSeconds: reply.retryAfterSeconds } : {}) };
  return { stop: 'unreachable' };
}

async function sendRow(db: KioskDb, client: KioskLabClient, machine: string, row: OutboxRow, now: () => Date): Promise<LabReply<unknown>> {
  switch (row.kind) {
    case 'alert': {
      const reply = await client.putAlert(row.id, machine, row.sealed);
      if (reply.ok) await db.outbox.delete(row.key);
      else if (!TRANSIENT.has(reply.code)) {
        const refused: OutboxRow = { ...row, refused: reply.code };
        await db.outbox.put(refused);
      }
      return reply;
    }
    case 'submission': {
      const stored = await db.submissions.get(row.id);
      if (!stored) {
        await db.outbox.delete(row.key); // cleared after an import receipt: nothing left to send
        return { ok: true, value: null };
      }
      const reply = await client.putSubmission(row.id, row.entry, machine, stored.sealed);
      if (reply.ok || !TRANSIENT.has(reply.code)) {
        const change = reply.ok ? { uploadedAt: now().toISOString() } : { serverRefused: reply.code };
        await db.transaction('rw', [db.submissions, db.outbox], async () => {
          await db.submissions.update(row.id, change);
          await db.outbox.delete(row.key);
        });
      }
      return reply;
    }
    case 'draft': {
      const reply = await client.putDraft(row.lookup, row.upload);
      // Dropped once the server has it, or will never take it (already finished, older than its copy);
      // unless a newer draft replaced the row while this one was on its way.
      if (reply.ok || !TRANSIENT.has(reply.code)) {
        await db.transaction('rw', db.outbox, async () => {
          const current = await db.outbox.get(row.key);
          if (current?.kind === 'draft' && current.upload.savedAt === row.upload.savedAt) await db.outbox.delete(row.key);
        });
      }
      return reply;
    }
  }
}

/** Sends what is queued, alerts first; stops at the first sign that the server cannot take more now. */
export async function drainOutbox(db: KioskDb, client: KioskLabClient, machine: string, now: () => Date): Promise<DrainResult> {
  const rows = (await db.outbox.toArray())
    .filter((row) => !(row.kind === 'alert' && row.refused))
    .sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.queuedAt.localeCompare(b.queuedAt));
  let sent = 0;
  for (const row of rows) {
    const reply = await sendRow(db, client, machine, row, now);
    if (!reply.ok && TRANSIENT.has(reply.code)) return { sent, ...stopOf(reply) };
    if (reply.ok) sent++;
  }
  return { sent };
}

/**
 * Deletes the local sealed copy of every submission the teacher has imported (GET /receipts): the
 * workspace holds it now. Only copies the server acknowledged are dropped, so the teacher panel's
 * batch export goes on holding exactly what the workspace may still lack.
 */
export async function applyReceipts(db: KioskDb, client: KioskLabClient, machine: string): Promise<LabReply<{ removed: number }>> {
  const uploaded = await db.submissions.filter((row) => row.uploadedAt !== undefined).primaryKeys();
  if (uploaded.length === 0) return { ok: true, value: { removed: 0 } };
  const reply = await client.receipts(machine);
  if (!reply.ok) return reply;
  const imported = new Set(reply.value.imported);
  const removable = uploaded.filter((id) => imported.has(id));
  if (removable.length > 0) await db.submissions.bulkDelete(removable);
  return { ok: true, value: { removed: removable.length } };
}
