import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LibraryFile, LockFile } from '../../scoring/index.ts';

/** The shipped library folder, found from this file so the CLI works from any working directory. */
export const LIBRARY_DIR = fileURLToPath(new URL('../../instruments/', import.meta.url));
export const LOCK_PATH = join(LIBRARY_DIR, 'LOCK.json');

const isPublishedFile = (name: string): boolean => name.endsWith('.json') && name !== 'LOCK.json';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return isPublishedFile(entry.name) ? [full] : [];
  });
}

/** Every published JSON file under the library, with its path relative to the library (forward slashes). */
export function readLibraryFiles(dir: string = LIBRARY_DIR): LibraryFile[] {
  return walk(dir)
    .map((full) => ({ path: relative(dir, full).split(sep).join('/'), json: JSON.parse(readFileSync(full, 'utf8')) as unknown }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function readLock(path: string = LOCK_PATH): LockFile {
  return JSON.parse(readFileSync(path, 'utf8')) as LockFile;
}
