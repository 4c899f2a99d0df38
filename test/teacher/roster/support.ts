import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readRosterFile, type SheetTable } from '../../../src/teacher/roster/index.ts';

export const demoFile = (name: string): Uint8Array => new Uint8Array(readFileSync(`public/demo/${name}`));

/** A roster read from text the way the app reads a file (UTF-8 bytes unless given bytes). */
export async function tableOf(content: string | Uint8Array): Promise<SheetTable> {
  const read = await readRosterFile(typeof content === 'string' ? new TextEncoder().encode(content) : content);
  if (!read.ok) expect.fail(`could not read: ${JSON.stringify(read.issues)}`);
  return read.value;
}

/** A seeded source of random bytes (mulberry32), so code tests are repeatable. */
export function seededBytes(seed: number): (length: number) => Uint8Array {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % 256;
  };
  return (length) => Uint8Array.from({ length }, next);
}
