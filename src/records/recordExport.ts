import { z } from 'zod';
import { ZId, ZKeyId, ZTimestamp } from './schemaParts.ts';
import { ZKeyName } from './publicKey.ts';

/**
 * The manifest of a record export (format `psyscreen-record-export` v1): a zip of
 * `records/<file id>.psyrec` files plus `manifest.json`. File names are random ids, never names:
 * a zip's file list is readable by anyone. No per-file hash: every `.psyrec` is authenticated by
 * AES-GCM itself; the list finds missing or extra files. The manifest is not authenticated, so the
 * reader holds its sizes and recipient to each opened record and reports any difference
 * (readRecordExport.ts); its recipient name and creation time are never shown as the export's.
 */
export const ZRecordExportManifest = z.strictObject({
  format: z.literal('psyscreen-record-export'),
  version: z.literal(1),
  created: ZTimestamp,
  count: z.number().int().min(0),
  recipient: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('key'), keyId: ZKeyId, name: ZKeyName }),
    z.strictObject({ mode: z.literal('passphrase') }),
  ]),
  records: z.array(z.strictObject({ id: ZId, bytes: z.number().int().min(0) })),
}).superRefine((manifest, ctx) => {
  if (manifest.count !== manifest.records.length) {
    ctx.addIssue({ code: 'custom', path: ['count'], message: 'batch_count_mismatch', params: { code: 'batch_count_mismatch', count: manifest.count, listed: manifest.records.length } });
  }
});
export type RecordExportManifest = z.infer<typeof ZRecordExportManifest>;

export const EXPORT_MANIFEST_NAME = 'manifest.json';
export const recordEntryName = (id: string): string => `records/${id}.psyrec`;
