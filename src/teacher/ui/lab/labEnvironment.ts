import { captureLabToken, type TokenPlace } from '../../../lab/labToken.ts';
import { isLoopbackUrl } from './kioskAddress.ts';
import type { LabServerDeps } from './useLabServer.ts';

type Store = TokenPlace['storage'];

/** sessionStorage, or nothing where the browser refuses it (a locked-down profile): the token is then asked for each time. */
function sessionStore(): Store {
  const attempt = <T>(use: (storage: Storage) => T, otherwise: T): T => {
    try {
      return use(window.sessionStorage);
    } catch {
      return otherwise;
    }
  };
  return {
    getItem: (key) => attempt((storage) => storage.getItem(key), null),
    setItem: (key, value) => attempt((storage) => storage.setItem(key, value), undefined),
    removeItem: (key) => attempt((storage) => storage.removeItem(key), undefined),
  };
}

const place = (): TokenPlace => ({ location: window.location, history: window.history, storage: sessionStore() });

/** Called once at start-up, before the route is read: the token leaves the address bar at once. */
export const captureTokenFromAddress = (): string | undefined => captureLabToken(place());

/** The lab server behind this page (same origin), with the browser's fetch, session storage and clock. */
export function browserLabDeps(): LabServerDeps {
  return {
    fetch: (url, init) => window.fetch(url, init),
    origin: window.location.origin,
    onLoopback: isLoopbackUrl(window.location.href),
    tokens: place(),
    now: () => new Date().toISOString(),
  };
}
