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

/** `mtime` is written into every entry, so the same input gives the same bytes. */
export function createZipWriter(mtime: Date): ZipWriter {
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
