import { Zip, ZipPassThrough, unzipSync } from 'fflate';
import { fail, issue, succeed, type Outcome } from '../../scoring/index.ts';
import { concatBytes } from './bytes.ts';

/**
 * Zip containers for batches and exports. Entries are stored, not deflated: they are ciphertext
 * (incompressible) or a small manifest, and storing keeps a 3,000-file export near memcpy speed.
 */
export interface ZipWriter {
  add(name: string, bytes: Uint8Array): void;
  finish(): Uint8Array<ArrayBuffer>;
}

/**
 * A zip's DOS time holds only 1980–2099 (fflate throws outside it), and the entries' time means nothing
 * to any reader here, so a time outside (or invalid) is written as the nearest end of that range.
 */
export function zipTime(time: Date): Date {
  const first = Date.UTC(1980, 0, 2);
  const last = Date.UTC(2099, 11, 30);
  const ms = time.getTime();
  return new Date(Number.isNaN(ms) ? first : Math.min(Math.max(ms, first), last));
}

/** `mtime` is written into every entry, so the same input gives the same bytes. */
export function createZipWriter(time: Date): ZipWriter {
  const mtime = zipTime(time);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  return {
    add(name, bytes) {
      const entry = new ZipPassThrough(name);
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(bytes, true);
    },
    finish() {
      zip.end();
      if (failure) throw failure;
      return concatBytes(chunks);
    },
  };
}

export const ZIP_MAGIC = [0x50, 0x4b] as const;
export const looksLikeZip = (bytes: Uint8Array): boolean => bytes[0] === ZIP_MAGIC[0] && bytes[1] === ZIP_MAGIC[1];

export interface ZipContents {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Entries not extracted because they claim to be larger than `maxEntryBytes`. */
  readonly oversized: readonly string[];
}

/** Reads a whole zip; a cut-off or garbled archive (no central directory) is `file_damaged`. */
export function readZip(bytes: Uint8Array, maxEntryBytes = 64 * 1024 * 1024): Outcome<ZipContents> {
  const oversized: string[] = [];
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize <= maxEntryBytes) return true;
        oversized.push(file.name);
        return false;
      },
    });
    return succeed({ files: new Map(Object.entries(files)), oversized });
  } catch {
    return fail([issue('file_damaged', [])]);
  }
}
