import { z } from 'zod';
import { fail, issue, parseWith, succeed, type Issue, type Outcome } from '../../scoring/index.ts';
import { tryFromBase64 } from './base64.ts';
import { decodeUtf8, ownBytes, sha256Hex, utf8 } from './bytes.ts';
import { checkFormat } from './formatCheck.ts';
import { ZId, ZSha256Hex, ZText, ZTimestamp, ZVersionRef } from './schemaParts.ts';
import { MAGIC } from './envelopeLayout.ts';
import { createZipWriter, looksLikeZip, readZip } from './zipFiles.ts';

/**
 * `.psybatch`: a lab machine's sealed submissions for the teacher workspace.
 *
 * Versions 2 and 3 (3 is written here) are a zip: `manifest.json` (plan, machine, time, count, and per submission
 * its id, time and the sha-256 of its sealed bytes) and `submissions/<id>.psysealed`, one PSYE
 * envelope each. Version 1 (kiosk builds so far) is one JSON file with the same manifest fields and
 * each sealed submission inline as base64. Both are read.
 */
const manifestFields = {
  format: z.literal('psyscreen-batch'),
  plan: ZVersionRef,
  machine: ZText.max(100),
  created: ZTimestamp,
  count: z.number().int().min(0),
  submissions: z.array(z.strictObject({ id: ZId, created: ZTimestamp, sha256: ZSha256Hex })),
};

function checkCount(manifest: { count: number; submissions: readonly unknown[] }, ctx: z.RefinementCtx): void {
  if (manifest.count !== manifest.submissions.length) {
    ctx.addIssue({ code: 'custom', path: ['count'], message: 'batch_count_mismatch', params: { code: 'batch_count_mismatch', count: manifest.count, listed: manifest.submissions.length } });
  }
}

const ZBatchManifestV2 = z.strictObject({ ...manifestFields, version: z.literal(2) }).superRefine(checkCount);

/**
 * Version 3 adds the lookups of the drafts left on the machine (students who started and did not
 * finish). A lookup is a hash of a sign-in code under the plan's salt: it names nobody to anyone who
 * does not hold the codes, and lets the teacher workspace, which does, list those students as partial.
 */
export const ZBatchManifest = z.strictObject({
  ...manifestFields,
  version: z.literal(3),
  drafts: z.array(z.strictObject({ lookup: ZSha256Hex, updated: ZTimestamp })),
}).superRefine(checkCount);
export type BatchManifest = z.infer<typeof ZBatchManifest>;

const ZBatchV1 = z.strictObject({
  format: z.literal('psyscreen-batch'),
  version: z.literal(1),
  plan: ZText,
  machine: ZText,
  created: ZTimestamp,
  submissions: z.array(z.strictObject({ id: ZId, createdAt: ZTimestamp, sha256: ZSha256Hex, sealed: z.string() })),
});

export const MANIFEST_NAME = 'manifest.json';
export const sealedEntryName = (id: string): string => `submissions/${id}.psysealed`;

export interface BatchEntry {
  readonly id: string;
  readonly created: string;
  readonly sha256: string;
  /** Absent when the entry could not be read out of the batch; `problem` says why. */
  readonly sealed?: Uint8Array<ArrayBuffer>;
  readonly problem?: Issue;
}

export interface DraftOnMachine {
  readonly lookup: string;
  readonly updated: string;
}

export interface BatchContents {
  readonly version: number;
  /** Drafts left on the machine (version 3; empty for older batches). */
  readonly drafts: readonly DraftOnMachine[];
  readonly plan: string;
  readonly machine: string;
  readonly created: string;
  readonly entries: readonly BatchEntry[];
  /** Files in the zip that the manifest does not list: kept, reported, never opened blindly. */
  readonly strays: readonly { readonly file: string; readonly bytes: Uint8Array<ArrayBuffer> }[];
}

export interface BatchToWrite {
  readonly plan: string;
  readonly machine: string;
  /** ISO timestamp; also the zip entries' modification time. */
  readonly created: string;
  readonly submissions: readonly { readonly id: string; readonly created: string; readonly sealed: Uint8Array<ArrayBuffer> }[];
  readonly drafts?: readonly DraftOnMachine[];
}

export async function writeBatch(batch: BatchToWrite): Promise<Uint8Array<ArrayBuffer>> {
  const listed = [];
  for (const entry of batch.submissions) listed.push({ id: entry.id, created: entry.created, sha256: await sha256Hex(entry.sealed) });
  const manifest: BatchManifest = {
    format: 'psyscreen-batch', version: 3, plan: batch.plan, machine: batch.machine, created: batch.created, count: listed.length, submissions: listed,
    drafts: [...(batch.drafts ?? [])],
  };
  const checked = ZBatchManifest.safeParse(manifest);
  if (!checked.success) throw new RangeError(`writeBatch: invalid batch (${checked.error.issues.map((found) => found.message).join(', ')})`);
  const zip = createZipWriter(new Date(batch.created));
  zip.add(MANIFEST_NAME, utf8(`${JSON.stringify(manifest, null, 1)}\n`));
  for (const entry of batch.submissions) zip.add(sealedEntryName(entry.id), entry.sealed);
  return zip.finish();
}

function readJson(bytes: Uint8Array): Outcome<unknown> {
  const text = decodeUtf8(bytes);
  if (text === undefined) return fail([issue('file_damaged', [])]);
  try {
    return succeed(JSON.parse(text) as unknown);
  } catch {
    return fail([issue('file_damaged', [])]);
  }
}

/** Reads either version. Fails only when the file as a whole is unusable; single entries carry their problem. */
export function readBatch(bytes: Uint8Array<ArrayBuffer>): Outcome<BatchContents> {
  return looksLikeZip(bytes) ? readZipBatch(bytes) : readJsonBatch(bytes);
}

function readZipBatch(bytes: Uint8Array<ArrayBuffer>): Outcome<BatchContents> {
  const zip = readZip(bytes);
  if (!zip.ok) return zip;
  const manifestBytes = zip.value.files.get(MANIFEST_NAME);
  if (!manifestBytes) return fail([issue('batch_manifest_missing', [MANIFEST_NAME])]);
  const json = readJson(manifestBytes);
  if (!json.ok) return fail([issue('batch_manifest_damaged', [MANIFEST_NAME])]);
  const format = checkFormat(json.value, ['psyscreen-batch']);
  if (!format.ok) return format;
  const manifest = format.value.version === 2 ? parseWith(ZBatchManifestV2, json.value) : parseWith(ZBatchManifest, json.value);
  if (!manifest.ok) return manifest;
  const drafts = 'drafts' in manifest.value ? manifest.value.drafts : [];
  const listed = new Set(manifest.value.submissions.map((entry) => sealedEntryName(entry.id)));
  const entries = manifest.value.submissions.map((entry, index): BatchEntry => {
    const name = sealedEntryName(entry.id);
    const found = zip.value.files.get(name);
    if (found) return { ...entry, sealed: ownBytes(found) };
    const code = zip.value.oversized.includes(name) ? 'batch_entry_too_large' : 'batch_entry_missing';
    return { ...entry, problem: issue(code, ['submissions', index], { id: entry.id }) };
  });
  const strays = [...zip.value.files].filter(([name]) => name !== MANIFEST_NAME && !listed.has(name)).map(([file, found]) => ({ file, bytes: ownBytes(found) }));
  const { plan, machine, created } = manifest.value;
  return succeed({ version: manifest.value.version, drafts, plan, machine, created, entries, strays });
}

function readJsonBatch(bytes: Uint8Array<ArrayBuffer>): Outcome<BatchContents> {
  const json = readJson(bytes);
  if (!json.ok) return fail([issue('not_psyscreen_file', [], { expected: '.psybatch' })]);
  const format = checkFormat(json.value, ['psyscreen-batch']);
  if (!format.ok) return format;
  if (format.value.version !== 1) return fail([issue('file_damaged', ['version'])]);
  const batch = parseWith(ZBatchV1, json.value);
  if (!batch.ok) return batch;
  const entries = batch.value.submissions.map((entry, index): BatchEntry => {
    const sealed = tryFromBase64(entry.sealed);
    const listed = { id: entry.id, created: entry.createdAt, sha256: entry.sha256 };
    return sealed ? { ...listed, sealed } : { ...listed, problem: issue('batch_entry_missing', ['submissions', index, 'sealed'], { id: entry.id }) };
  });
  const { plan, machine, created } = batch.value;
  return succeed({ version: 1, drafts: [], plan, machine, created, entries, strays: [] });
}

export const looksLikeSealedFile = (bytes: Uint8Array): boolean => MAGIC.every((byte, index) => bytes[index] === byte);
