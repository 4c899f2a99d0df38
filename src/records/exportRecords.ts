import { fail, issue, succeed, type Outcome } from '../../scoring/index.ts';
import { randomId, utf8 } from './bytes.ts';
import type { KdfCost } from './kdf.ts';
import type { RecipientKey } from './recipient.ts';
import { EXPORT_MANIFEST_NAME, recordEntryName, type RecordExportManifest } from './recordExport.ts';
import { createKeySealer, createPassphraseSealer, type Sealer } from './sealer.ts';
import type { StudentRecord } from './studentRecord.ts';
import { createSlicer } from './yieldToEventLoop.ts';
import { createZipWriter } from './zipFiles.ts';

export type ExportRecipient = { readonly key: RecipientKey } | { readonly passphrase: string; readonly kdf?: KdfCost };

export interface ExportProgress {
  readonly done: number;
  readonly total: number;
}

export interface ExportOptions {
  /** ISO timestamp from the caller's clock: the headers' and the zip entries' time. */
  readonly created: string;
  readonly onProgress?: (progress: ExportProgress) => void;
  readonly signal?: AbortSignal;
  /** Longest stretch of work between two yields to the event loop (default 12 ms). */
  readonly sliceMs?: number;
}

/** Records sealed at once: enough to keep WebCrypto's worker threads busy, few enough to report progress often. */
const GROUP = 16;
const SLICE_MS = 12;

/**
 * Seals every record to the recipient (one `.psyrec` each; one key agreement or one PBKDF2 run for
 * the whole export) and zips them with a manifest. No DOM: runs in a Web Worker as well as on a
 * page. Yields to the event loop every few milliseconds, reports progress after every group and
 * stops at the next group once `signal` is aborted (`export_cancelled`; nothing is returned).
 */
export async function exportRecords(records: readonly StudentRecord[], recipient: ExportRecipient, options: ExportOptions): Promise<Outcome<Uint8Array<ArrayBuffer>>> {
  const cancelled = (): Outcome<never> => fail([issue('export_cancelled', [], { done: 0, total: records.length })]);
  if (options.signal?.aborted) return cancelled();
  let sealer: Sealer;
  if ('key' in recipient) sealer = await createKeySealer(recipient.key);
  else {
    const made = await createPassphraseSealer(recipient.passphrase, recipient.kdf);
    if (!made.ok) return made;
    sealer = made.value;
  }
  const zip = createZipWriter(new Date(options.created));
  const listed: { id: string; bytes: number }[] = [];
  const pause = createSlicer(options.sliceMs ?? SLICE_MS);
  const sealGroup = (start: number) => Promise.all(records.slice(start, start + GROUP).map(async (record) => {
    const id = randomId();
    return { id, bytes: await sealer.seal(record, { format: 'psyscreen-record', created: options.created, id }) };
  }));
  // One group is always in flight: its encryption runs on WebCrypto's threads while this thread
  // serialises the next group and zips the previous one.
  let inFlight = records.length > 0 ? sealGroup(0) : undefined;
  for (let start = 0; inFlight; start += GROUP) {
    const current = inFlight;
    inFlight = start + GROUP < records.length && !options.signal?.aborted ? sealGroup(start + GROUP) : undefined;
    const sealed = await current;
    if (options.signal?.aborted) {
      await inFlight;
      return fail([issue('export_cancelled', [], { done: listed.length, total: records.length })]);
    }
    for (const { id, bytes } of sealed) {
      zip.add(recordEntryName(id), bytes);
      listed.push({ id, bytes: bytes.length });
    }
    options.onProgress?.({ done: listed.length, total: records.length });
    await pause();
  }
  if (options.signal?.aborted) return cancelled();
  const manifest: RecordExportManifest = {
    format: 'psyscreen-record-export', version: 1, created: options.created, count: listed.length,
    recipient: 'key' in recipient ? { mode: 'key', keyId: recipient.key.keyId, name: recipient.key.name } : { mode: 'passphrase' },
    records: listed,
  };
  zip.add(EXPORT_MANIFEST_NAME, utf8(`${JSON.stringify(manifest, null, 1)}\n`));
  return succeed(zip.finish());
}
