import { fail, issue, parseWith, succeed, type Issue, type Outcome } from '../../scoring/index.ts';
import { readBatch, type BatchContents, type BatchEntry, type DraftOnMachine } from './batchFile.ts';
import { sha256Hex } from './bytes.ts';
import { decodeEnvelope } from './envelopeReader.ts';
import type { KeptAside } from './keptAside.ts';
import { createOpener, type KeyForOpening, type Opener } from './opener.ts';
import { ZSubmission, type Submission } from './submission.ts';

export interface ForOtherKey {
  readonly id: string;
  readonly keyId: string;
  readonly sealed: Uint8Array<ArrayBuffer>;
}

export interface ImportedSubmission {
  readonly submission: Submission;
  /** The sealed bytes as received, for a workspace that keeps submissions encrypted at rest. */
  readonly sealed: Uint8Array<ArrayBuffer>;
}

export type ManifestStanding = 'confirmed' | 'unconfirmed' | 'contradicted';

export interface BatchImport {
  /**
   * The batch's plan and machine as its manifest states them. The manifest is not encrypted, so anyone
   * can edit it: `standing` is `confirmed` only when at least one submission opened and every opened one
   * (authenticated by AES-GCM) names this same plan and machine; `contradicted` when one names another;
   * `unconfirmed` when none opened. Only confirmed values may be shown as the batch's without a caveat.
   * (The manifest's creation time is never used.)
   */
  readonly batch: { readonly version: number; readonly plan: string; readonly machine: string; readonly count: number; readonly standing: ManifestStanding };
  /** Drafts left on the lab machine, by sign-in lookup (batch version 3); as unauthenticated as the manifest. */
  readonly drafts: readonly DraftOnMachine[];
  /** Ids of submissions not seen before, in batch order; their contents are in `submissions`. */
  readonly new: readonly string[];
  /** Already in the workspace (or twice in this batch): skipped, nothing changes. */
  readonly duplicate: readonly string[];
  /** Sealed to another school's or plan's key. */
  readonly forOtherKey: readonly ForOtherKey[];
  /** Cut off, altered, unreadable or inconsistent: kept aside with the reason. */
  readonly damaged: readonly KeptAside[];
  readonly submissions: readonly ImportedSubmission[];
}

type EntryOutcome =
  | { kind: 'opened'; submission: Submission; sealed: Uint8Array<ArrayBuffer> }
  | { kind: 'other'; value: ForOtherKey }
  | { kind: 'damaged'; value: KeptAside };

async function openEntry(entry: BatchEntry, opener: Opener): Promise<EntryOutcome> {
  const { id, sealed } = entry;
  if (!sealed) return { kind: 'damaged', value: { id, issues: entry.problem ? [entry.problem] : [issue('batch_entry_missing', [], { id })] } };
  const aside = (issues: readonly Issue[]): EntryOutcome => ({ kind: 'damaged', value: { id, sealed, issues } });
  if ((await sha256Hex(sealed)) !== entry.sha256) return aside([issue('batch_checksum_mismatch', [], { id })]);
  const opened = await opener.openJson(sealed, ['psyscreen-sealed']);
  if (!opened.ok) {
    const header = decodeEnvelope(sealed, ['psyscreen-sealed']);
    if (opened.issues[0]?.code === 'other_key' && header.ok && header.value.header.protection.mode === 'key') {
      return { kind: 'other', value: { id, keyId: header.value.header.protection.keyId, sealed } };
    }
    return aside(opened.issues);
  }
  const submission = parseWith(ZSubmission, opened.value.value);
  if (!submission.ok) return aside([issue('content_invalid', [], { id }), ...submission.issues]);
  if (submission.value.id !== id) return aside([issue('batch_id_mismatch', [], { id, inside: submission.value.id })]);
  return { kind: 'opened', submission: submission.value, sealed };
}

/**
 * Imports a `.psybatch` into a teacher workspace. Pure over its inputs: the ids the workspace already
 * holds, the batch bytes and the unlocked key. The caller stores `submissions` (and, if it likes,
 * `damaged` and `forOtherKey` in a quarantine); importing the same batch again finds only duplicates.
 * Fails only when the file as a whole cannot be read; then nothing is imported.
 */
export async function importBatch(existingIds: ReadonlySet<string>, bytes: Uint8Array<ArrayBuffer>, key: KeyForOpening): Promise<Outcome<BatchImport>> {
  const batch = readBatch(bytes);
  if (!batch.ok) return fail(batch.issues);
  return succeed(await importContents(existingIds, batch.value, key));
}

/**
 * A single `.psysealed` file (as a lab machine writes into a shared folder), imported exactly like a
 * one-entry batch: same checks, same idempotence. Nothing but the envelope reader touches the bytes
 * before they are authenticated; the plan and machine are then the submission's own.
 */
export async function importSealedFile(existingIds: ReadonlySet<string>, bytes: Uint8Array<ArrayBuffer>, key: KeyForOpening): Promise<Outcome<BatchImport>> {
  const decoded = decodeEnvelope(bytes, ['psyscreen-sealed']);
  if (!decoded.ok) return fail(decoded.issues);
  const { id, created, plan } = decoded.value.header;
  if (id === undefined) return fail([issue('file_damaged', ['header'])]);
  const entry: BatchEntry = { id, created, sha256: await sha256Hex(bytes), sealed: bytes };
  const opened = await openEntry(entry, createOpener({ key }));
  if (opened.kind === 'damaged') return fail(opened.value.issues);
  const [machine, claimedPlan] = opened.kind === 'opened' ? [opened.submission.machineId, opened.submission.plan] : ['shared-folder', plan ?? ''];
  return succeed(await importContents(existingIds, { version: 0, drafts: [], plan: claimedPlan, machine, created, entries: [entry], strays: [] }, key));
}

async function importContents(existingIds: ReadonlySet<string>, contents: BatchContents, key: KeyForOpening): Promise<BatchImport> {
  const opener = createOpener({ key });
  const seen = new Set(existingIds);
  const result = { new: [] as string[], duplicate: [] as string[], forOtherKey: [] as ForOtherKey[], damaged: [] as KeptAside[], submissions: [] as ImportedSubmission[] };
  let opened = 0;
  let agree = true;
  for (const entry of contents.entries) {
    const outcome = await openEntry(entry, opener);
    if (outcome.kind === 'other') result.forOtherKey.push(outcome.value);
    else if (outcome.kind === 'damaged') result.damaged.push(outcome.value);
    else {
      opened += 1;
      agree &&= outcome.submission.plan === contents.plan && outcome.submission.machineId === contents.machine;
      if (seen.has(outcome.submission.id)) result.duplicate.push(outcome.submission.id);
      else {
        seen.add(outcome.submission.id);
        result.new.push(outcome.submission.id);
        result.submissions.push({ submission: outcome.submission, sealed: outcome.sealed });
      }
    }
  }
  for (const stray of contents.strays) result.damaged.push({ file: stray.file, sealed: stray.bytes, issues: [issue('batch_entry_not_in_manifest', [], { file: stray.file })] });
  const { version, plan, machine, entries, drafts } = contents;
  return { batch: { version, plan, machine, count: entries.length, standing: !agree ? 'contradicted' : opened > 0 ? 'confirmed' : 'unconfirmed' }, drafts, ...result };
}
