import { ZTeacherToken } from './protocol.ts';

/*
 * The teacher token travels in the address the lab server prints (`/teacher.html#lab-token=…`, also
 * accepted after a route: `#/monitor&lab-token=…`). It is taken out of the address bar at once (so it
 * is not in history, bookmarks or a screenshot of the screen) and kept in sessionStorage, which ends
 * with the tab.
 */

export const LAB_TOKEN_STORAGE_KEY = 'psyscreen-lab-token';
const PART = /^lab-token=(.*)$/;

export interface TokenPlace {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: { replaceState(data: unknown, unused: string, url: string): void };
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const valid = (token: string | null): token is string => token !== null && ZTeacherToken.shape.token.safeParse(token).success;

/** Moves a token from the address into session storage; returns the token this tab holds, if any. */
export function captureLabToken(place: TokenPlace): string | undefined {
  const parts = place.location.hash.replace(/^#/, '').split('&');
  const found = parts.map((part) => PART.exec(part)).find((match) => match !== null);
  if (found) {
    // the rest of the address (a route) stays; a malformed token leaves the address all the same
    const rest = parts.filter((part) => !PART.test(part)).join('&');
    place.history.replaceState(null, '', `${place.location.pathname}${place.location.search}${rest ? `#${rest}` : ''}`);
    const token = found[1] ?? '';
    if (valid(token)) place.storage.setItem(LAB_TOKEN_STORAGE_KEY, token);
  }
  const kept = place.storage.getItem(LAB_TOKEN_STORAGE_KEY);
  return valid(kept) ? kept : undefined;
}

export function keepLabToken(place: Pick<TokenPlace, 'storage'>, token: string): void {
  if (valid(token)) place.storage.setItem(LAB_TOKEN_STORAGE_KEY, token);
}

/** A token the server refused (restarted with a new one, or typed wrong) is forgotten. */
export function forgetLabToken(place: Pick<TokenPlace, 'storage'>): void {
  place.storage.removeItem(LAB_TOKEN_STORAGE_KEY);
}
