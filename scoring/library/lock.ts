import { contentHash } from './hash.ts';

/** `instruments/LOCK.json`: path (relative to instruments/) → sha-256 of the file's canonical JSON. */
export type LockFile = Readonly<Record<string, string>>;

export interface LibraryFile {
  readonly path: string;
  readonly json: unknown;
}

export const computeLock = (files: readonly LibraryFile[]): LockFile =>
  Object.fromEntries([...files].sort((a, b) => a.path.localeCompare(b.path)).map((file) => [file.path, contentHash(file.json)]));

export interface LockDrift {
  readonly path: string;
  readonly problem: 'changed' | 'not_locked' | 'missing';
}

/** Published files whose content no longer matches the lock, files never locked, and locked files gone. */
export function checkLock(files: readonly LibraryFile[], lock: LockFile): LockDrift[] {
  const drift: LockDrift[] = [];
  const present = new Set<string>();
  for (const file of files) {
    present.add(file.path);
    const locked = lock[file.path];
    if (locked === undefined) drift.push({ path: file.path, problem: 'not_locked' });
    else if (locked !== contentHash(file.json)) drift.push({ path: file.path, problem: 'changed' });
  }
  for (const path of Object.keys(lock)) if (!present.has(path)) drift.push({ path, problem: 'missing' });
  return drift;
}
