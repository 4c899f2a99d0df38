import { fail, issue, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import { decodeUtf8, ownBytes } from './bytes.ts';
import { checkFormat } from './formatCheck.ts';
import type { KeptAside } from './keptAside.ts';
import type { Opener } from './opener.ts';
import { EXPORT_MANIFEST_NAME, ZRecordExportManifest, recordEntryName, type RecordExportManifest } from './recordExport.ts';
import { readRecordFile, type OpenedRecord } from './recordFile.ts';
import { readZip } from './zipFiles.ts';

export interface ReadExport {
  readonly manifest: RecordExportManifest;
  readonly records: readonly OpenedRecord[];
  /** Missing, extra, altered or unreadable files, kept with the reason. */
  readonly damaged: readonly KeptAside[];
}

function parseManifest(bytes: Uint8Array | undefined): Outcome<RecordExportManifest> {
  if (!bytes) return fail([issue('batch_manifest_missing', [EXPORT_MANIFEST_NAME])]);
  const text = decodeUtf8(bytes);
  let json: unknown;
  try {
    json = text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  if (json === undefined) return fail([issue('batch_manifest_damaged', [EXPORT_MANIFEST_NAME])]);
  const format = checkFormat(json, ['psyscreen-record-export']);
  return format.ok ? parseWith(ZRecordExportManifest, json) : format;
}

/** Opens every `.psyrec` in an export zip with the given opener (school key or passphrase). */
export async function readRecordExport(bytes: Uint8Array, opener: Opener): Promise<Outcome<ReadExport>> {
  const zip = readZip(bytes);
  if (!zip.ok) return zip;
  const manifest = parseManifest(zip.value.files.get(EXPORT_MANIFEST_NAME));
  if (!manifest.ok) return manifest;
  const records: OpenedRecord[] = [];
  const damaged: KeptAside[] = [];
  const listed = new Set<string>();
  for (const entry of manifest.value.records) {
    const file = recordEntryName(entry.id);
    listed.add(file);
    const found = zip.value.files.get(file);
    if (!found) {
      damaged.push({ id: entry.id, file, issues: [issue('batch_entry_missing', [], { id: entry.id })] });
      continue;
    }
    const sealed = ownBytes(found);
    const opened = await readRecordFile(sealed, opener);
    if (!opened.ok) {
      damaged.push({ id: entry.id, file, sealed, issues: opened.issues });
      continue;
    }
    // The record is authentic (AES-GCM); the manifest beside it is not. Its claims are held to the
    // record: an entry whose size or recipient differs is reported (the record itself is still taken).
    records.push(opened.value);
    const protection = opened.value.header.protection;
    const recipient = manifest.value.recipient;
    const sameRecipient = recipient.mode === protection.mode && (recipient.mode === 'passphrase' || (protection.mode === 'key' && protection.keyId === recipient.keyId));
    if (entry.bytes !== sealed.length) damaged.push({ id: entry.id, file, issues: [issue('export_manifest_size_mismatch', [], { id: entry.id, listed: entry.bytes, actual: sealed.length })] });
    if (!sameRecipient) damaged.push({ id: entry.id, file, issues: [issue('export_manifest_recipient_mismatch', [], { id: entry.id })] });
  }
  for (const [file, found] of zip.value.files) {
    if (file !== EXPORT_MANIFEST_NAME && !listed.has(file)) damaged.push({ file, sealed: ownBytes(found), issues: [issue('batch_entry_not_in_manifest', [], { file })] });
  }
  return succeed({ manifest: manifest.value, records, damaged });
}
