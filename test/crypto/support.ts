import { afterAll, beforeAll } from 'vitest';
import { useCryptoBackend, type BackendName } from '../../src/crypto/index.ts';

export const BACKENDS = ['webcrypto', 'noble'] as const satisfies readonly BackendName[];

/** Every (writer, reader) pair, same backend included. */
export const PAIRS = BACKENDS.flatMap((writer) => BACKENDS.map((reader) => [writer, reader] as const));

/** Runs `work` with `name` as the active backend, then returns to the automatic choice. */
export async function withBackend<T>(name: BackendName, work: () => Promise<T>): Promise<T> {
  useCryptoBackend(name);
  try {
    return await work();
  } finally {
    useCryptoBackend(undefined);
  }
}

/** For a describe block: the whole block runs on one backend. */
export function onBackend(name: BackendName): void {
  beforeAll(() => useCryptoBackend(name));
  afterAll(() => useCryptoBackend(undefined));
}

export const hex = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
