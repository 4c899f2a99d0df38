import { writeFileSync } from 'node:fs';
import { checkLock, computeLock } from '../../scoring/index.ts';
import { LOCK_PATH, readLibraryFiles, readLock } from '../library/disk.ts';
import type { CliIo } from './io.ts';

/**
 * `psyscreen lock --check` reports library files that drifted from LOCK.json;
 * `psyscreen lock --write` records new files. It refuses to rewrite the hash of a changed file:
 * a published version is immutable, so a change must become a new version.
 */
export function lockCommand(io: CliIo, mode: 'check' | 'write'): number {
  const files = readLibraryFiles();
  let lock: Record<string, string> = {};
  try {
    lock = { ...readLock() };
  } catch {
    if (mode === 'check') {
      io.err(`${LOCK_PATH}: missing or unreadable; run psyscreen lock --write`);
      return 1;
    }
  }
  const drift = checkLock(files, lock);
  const changed = drift.filter((entry) => entry.problem === 'changed');
  for (const entry of drift) io.err(`${entry.path}: ${entry.problem}`);
  if (mode === 'check') return drift.length > 0 ? 1 : 0;
  if (changed.length > 0) {
    io.err('published files changed; add a new version instead of editing one');
    return 1;
  }
  const next = computeLock(files);
  writeFileSync(LOCK_PATH, `${JSON.stringify(next, null, 2)}\n`);
  io.out(`${LOCK_PATH}: ${Object.keys(next).length} files locked`);
  return 0;
}
