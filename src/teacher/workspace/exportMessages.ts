import type { Issue } from '../../../scoring/index.ts';
import type { PublicKeyFile, StudentRecord } from '../../records/index.ts';

/** What the page sends the export worker, and what comes back. */
export type ExportRequest = {
  readonly records: readonly StudentRecord[];
  readonly created: string;
} & ({ readonly publicKeyFile: PublicKeyFile } | { readonly passphrase: string });

export type ExportReply =
  | { readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly kind: 'failed'; readonly issues: readonly Issue[] };

/** Sent to stop an export; the worker answers with `failed` / `export_cancelled`. */
export const CANCEL = 'cancel';
