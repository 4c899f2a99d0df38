import type { Backend } from './backend.ts';
import type { BackendName } from './handles.ts';
import { nobleBackend } from './noble.ts';
import { webCryptoBackend } from './webcrypto.ts';

let chosen: BackendName | undefined;
let webCrypto: Backend | undefined;

const platformSubtle = (): SubtleCrypto | undefined => (globalThis.crypto as Crypto | undefined)?.subtle;

/**
 * Tests run either backend in Node; the app never calls this and gets WebCrypto where the page has
 * it, else noble. `undefined` returns to that automatic choice.
 */
export function useCryptoBackend(name: BackendName | undefined): void {
  if (name === 'webcrypto' && !platformSubtle()) throw new Error('WebCrypto is not available here');
  chosen = name;
}

export const activeBackendName = (): BackendName => chosen ?? (platformSubtle() ? 'webcrypto' : 'noble');

export function backendNamed(name: BackendName): Backend {
  if (name === 'noble') return nobleBackend;
  const subtle = platformSubtle();
  if (!subtle) throw new Error('a WebCrypto key is in use where WebCrypto is not available');
  webCrypto ??= webCryptoBackend(subtle);
  return webCrypto;
}

export const activeBackend = (): Backend => backendNamed(activeBackendName());
