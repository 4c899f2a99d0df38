import { open, rename, rm, statfs } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Why a write did not happen: the disk is full (or over quota), or another I/O error (its errno code). */
export type WriteOutcome = { ok: true } | { ok: false; reason: 'disk_full' | 'io_error'; errno: string };

/** How the server writes and measures its disk; tests pass their own to simulate a full disk. */
export interface DiskIo {
  /** Leaves either the old file or the whole new one, on disk, before it resolves. */
  readonly writeDurable: (path: string, bytes: Uint8Array) => Promise<WriteOutcome>;
  /** Free bytes for the folder, or null where the platform cannot tell. */
  readonly freeBytes: (folder: string) => Promise<number | null>;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

const errnoOf = (error: unknown): string => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO');

/** fsync of a folder makes a rename in it durable; Windows cannot open folders, and NTFS journals renames. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write to a temporary file, fsync it, rename it over the target, fsync the folder. */
export async function writeDurable(path: string, bytes: Uint8Array): Promise<WriteOutcome> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    await syncFolder(dirname(path));
    return { ok: true };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const errno = errnoOf(error);
    return { ok: false, reason: DISK_FULL.has(errno) ? 'disk_full' : 'io_error', errno };
  }
}

export async function freeBytes(folder: string): Promise<number | null> {
  try {
    const info = await statfs(folder);
    return info.bavail * info.bsize;
  } catch {
    return null;
  }
}

export const nodeDiskIo: DiskIo = { writeDurable, freeBytes };
