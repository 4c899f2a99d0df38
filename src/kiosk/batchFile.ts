import type { KioskDb } from '../store/kioskDb.ts';
import { toBase64 } from './codeVault.ts';

/**
 * The machine's collected submissions as one file for the teacher workspace. Each entry is still
 * sealed to the school's key; the manifest carries a sha-256 per entry so damage is found per entry.
 * Exporting never deletes anything.
 */
export interface BatchFile {
  readonly format: 'psyscreen-batch';
  readonly version: 1;
  readonly plan: string;
  readonly machine: string;
  readonly created: string;
  readonly submissions: readonly { readonly id: string; readonly createdAt: string; readonly sha256: string; readonly sealed: string }[];
}

const hex = (bytes: ArrayBuffer): string => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function buildBatch(db: KioskDb, plan: string, machine: string, now: Date): Promise<{ name: string; file: BatchFile }> {
  const stored = await db.submissions.orderBy('createdAt').toArray();
  const submissions = [];
  for (const entry of stored) {
    const sealed = new Uint8Array(entry.sealed);
    submissions.push({ id: entry.id, createdAt: entry.createdAt, sha256: hex(await crypto.subtle.digest('SHA-256', sealed)), sealed: toBase64(sealed) });
  }
  const date = now.toISOString().slice(0, 10);
  return {
    name: `${plan.replace('@', '-').replace(/[^A-Za-z0-9.-]+/g, '_')}-${machine}-${date}.psybatch`,
    file: { format: 'psyscreen-batch', version: 1, plan, machine, created: now.toISOString(), submissions },
  };
}
