import { fail, issue, parseWith, succeed, type Outcome } from '../../scoring/index.ts';
import type { EnvelopeInfo } from './envelopeReader.ts';
import type { KdfCost } from './kdf.ts';
import { createOpener, type KeyForOpening, type Opener } from './opener.ts';
import type { RecipientKey } from './recipient.ts';
import { createPassphraseSealer, seal, type Sealer } from './sealer.ts';
import { ZStudentRecord, type StudentRecord } from './studentRecord.ts';

/**
 * `.psyrec`: one student record in a PSYE envelope (format `psyscreen-record` v1), sealed to a
 * recipient's public key (a transfer to the next school) or to a passphrase (a parent, a hospital).
 * The plain header holds no personal data: format, version, a random file id, time, key id or KDF.
 */
export const writeRecordFile = (record: StudentRecord, sealer: Sealer, created: string): Promise<Uint8Array<ArrayBuffer>> =>
  sealer.seal(record, { format: 'psyscreen-record', created });

export const sealRecord = (record: StudentRecord, recipient: RecipientKey, created: string): Promise<Uint8Array<ArrayBuffer>> =>
  seal(record, recipient, { format: 'psyscreen-record', created });

export async function sealRecordWithPassphrase(record: StudentRecord, passphrase: string, created: string, cost?: KdfCost): Promise<Outcome<Uint8Array<ArrayBuffer>>> {
  const sealer = await createPassphraseSealer(passphrase, cost);
  return sealer.ok ? succeed(await writeRecordFile(record, sealer.value, created)) : sealer;
}

export interface OpenedRecord {
  readonly header: EnvelopeInfo;
  readonly record: StudentRecord;
}

/** Opens and checks a `.psyrec`; every problem (wrong key, tampering, bad content) is an issue. */
export async function readRecordFile(bytes: Uint8Array<ArrayBuffer>, opener: Opener): Promise<Outcome<OpenedRecord>> {
  const opened = await opener.openJson(bytes, ['psyscreen-record']);
  if (!opened.ok) return opened;
  const record = parseWith(ZStudentRecord, opened.value.value);
  if (!record.ok) return fail([issue('content_invalid', []), ...record.issues.map((found) => ({ ...found, path: ['record', ...found.path] }))]);
  return succeed({ header: opened.value.header, record: record.value });
}

export const openRecord = (bytes: Uint8Array<ArrayBuffer>, key: KeyForOpening): Promise<Outcome<OpenedRecord>> => readRecordFile(bytes, createOpener({ key }));

export const openRecordWithPassphrase = (bytes: Uint8Array<ArrayBuffer>, passphrase: string): Promise<Outcome<OpenedRecord>> =>
  readRecordFile(bytes, createOpener({ passphrase }));
