import { fail, issue, succeed, type Issue, type Outcome } from '../../../scoring/index.ts';
import type { UploadListing } from '../../lab/protocol.ts';
import type { Cleared, TeacherLabClient } from '../../lab/teacherClient.ts';
import { writeBatch } from '../../records/index.ts';
import type { ChangeContext } from './context.ts';
import { importBatchFiles, type BatchFileReport, type Workspace } from './workspace.ts';

export interface LabPull {
  /** Submissions the server holds, imported before or not. */
  readonly listed: number;
  /** Not yet imported: fetched and run through the batch import. */
  readonly fetched: number;
  /** One report per lab machine, exactly as a batch file from that machine would give. */
  readonly reports: readonly BatchFileReport[];
  /** Ids the server was told are safely in the workspace (kiosks then drop their copies). */
  readonly receipted: readonly string[];
  /** Non-empty when the receipt did not reach the server: the import stands, the kiosks keep their copies. */
  readonly receiptIssues: readonly Issue[];
}

/** The file name a pull's batch from one machine is filed under (import log, kept-aside entries). */
export const labBatchName = (machine: string): string => `lab-server/${machine}`;

const RECEIPT_CHUNK = 10_000;

/**
 * Wraps what the server holds for each machine into a batch, so that a pull goes through the very path
 * a USB batch does (importBatch → addSubmissions → kept aside → import log): same checks, same
 * idempotence, same report.
 */
async function batchesByMachine(fetched: readonly { listing: UploadListing; sealed: Uint8Array<ArrayBuffer> }[]): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }[]> {
  const groups = new Map<string, typeof fetched[number][]>();
  for (const entry of fetched) {
    const key = `${entry.listing.machine} ${entry.listing.plan}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const files = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const created = group.map((entry) => entry.listing.receivedAt).sort().at(-1) ?? first.listing.receivedAt;
    const bytes = await writeBatch({
      plan: first.listing.plan, machine: first.listing.machine, created,
      submissions: group.map((entry) => ({ id: entry.listing.id, created: entry.listing.receivedAt, sealed: entry.sealed })),
    });
    files.push({ name: labBatchName(first.listing.machine), bytes });
  }
  return files;
}

/**
 * One button, no USB: fetches every submission the lab server holds that was not imported yet, imports
 * them as batches, then tells the server which arrived. Nothing is imported unless every one could be
 * fetched; a failed write is reported, not swallowed.
 */
export async function pullFromLab(
  workspace: Workspace, client: Pick<TeacherLabClient, 'submissions' | 'submissionBytes' | 'receipts'>, context: ChangeContext,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<Outcome<LabPull>> {
  const listed = await client.submissions();
  if (!listed.ok) return listed;
  const waiting = listed.value.filter((entry) => !entry.imported);
  const fetched = [];
  for (const listing of waiting) {
    onProgress(fetched.length, waiting.length);
    const bytes = await client.submissionBytes(listing.id);
    if (!bytes.ok) return fail([issue('lab_pull_failed', [], { done: fetched.length, total: waiting.length }), ...bytes.issues]);
    fetched.push({ listing, sealed: bytes.value });
  }
  onProgress(fetched.length, waiting.length);
  let reports: BatchFileReport[];
  try {
    reports = await importBatchFiles(workspace, await batchesByMachine(fetched), context);
  } catch {
    // IndexedDB refused a write (quota, or the browser closed the database): say so; the server keeps everything.
    return fail([issue('lab_import_failed', [])]);
  }
  const arrived = reports.flatMap((report) => (report.outcome.ok ? report.outcome.value.arrived : []));
  const receipted: string[] = [];
  const receiptIssues: Issue[] = [];
  for (let start = 0; start < arrived.length && receiptIssues.length === 0; start += RECEIPT_CHUNK) {
    const chunk = arrived.slice(start, start + RECEIPT_CHUNK);
    const sent = await client.receipts(chunk);
    if (sent.ok) receipted.push(...chunk);
    else receiptIssues.push(issue('lab_receipts_failed', []), ...sent.issues);
  }
  return succeed({ listed: listed.value.length, fetched: fetched.length, reports, receipted, receiptIssues });
}

/** Deletes from the server's disk the ciphertext of every submission it has a receipt for. */
export async function clearImportedFromLab(client: Pick<TeacherLabClient, 'submissions' | 'clear'>): Promise<Outcome<Cleared>> {
  const listed = await client.submissions();
  if (!listed.ok) return listed;
  const imported = listed.value.filter((entry) => entry.imported).map((entry) => entry.id);
  if (imported.length === 0) return succeed({ removed: 0, notImported: [] });
  return client.clear(imported);
}
