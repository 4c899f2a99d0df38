import { describe, expect, it } from 'vitest';
import { LAB_TOKEN_STORAGE_KEY, captureLabToken, forgetLabToken, keepLabToken, type TokenPlace } from '../../src/lab/labToken.ts';

const TOKEN = 'abcDEF0123456789_-abcdefghijklmnop';

function place(hash: string, stored: Record<string, string> = {}): TokenPlace & { url: string | undefined; stored: Record<string, string> } {
  const state = { url: undefined as string | undefined, stored: { ...stored } };
  return {
    ...state,
    get url() { return state.url; },
    get stored() { return state.stored; },
    location: { hash, pathname: '/teacher.html', search: '' },
    history: { replaceState: (_data, _unused, url) => { state.url = url; } },
    storage: {
      getItem: (key) => state.stored[key] ?? null,
      setItem: (key, value) => { state.stored[key] = value; },
      removeItem: (key) => { state.stored = Object.fromEntries(Object.entries(state.stored).filter(([name]) => name !== key)); },
    },
  };
}

describe('the teacher token from the printed address', () => {
  it('moves #lab-token=… out of the address bar into session storage', () => {
    const here = place(`#lab-token=${TOKEN}`);
    expect(captureLabToken(here)).toBe(TOKEN);
    expect(here.url).toBe('/teacher.html');
    expect(here.stored[LAB_TOKEN_STORAGE_KEY]).toBe(TOKEN);
    // a reload (no hash now) still has it for this tab
    expect(captureLabToken(place('', here.stored))).toBe(TOKEN);
  });

  it('leaves other addresses alone, and drops a token that is not one', () => {
    const route = place('#/collect');
    expect(captureLabToken(route)).toBeUndefined();
    expect(route.url).toBeUndefined();
    const junk = place('#lab-token=<script>');
    expect(captureLabToken(junk)).toBeUndefined();
    expect(junk.url).toBe('/teacher.html');
    expect(junk.stored).toEqual({});
    const kept = place('', { [LAB_TOKEN_STORAGE_KEY]: TOKEN });
    forgetLabToken(kept);
    expect(captureLabToken(kept)).toBeUndefined();
  });

  it.each([
    ['#lab-token=' + TOKEN, TOKEN, '/teacher.html'],
    // after a route: the route stays in the address, the token goes
    ['#/monitor&lab-token=' + TOKEN, TOKEN, '/teacher.html#/monitor'],
    ['#lab-token=short', undefined, '/teacher.html'],
    ['#lab-token=' + TOKEN + '<script>', undefined, '/teacher.html'],
    ['#/dashboard', undefined, undefined],
  ])('%s → %s', (hash, expected, address) => {
    const here = place(hash);
    expect(captureLabToken(here)).toBe(expected);
    expect(here.url).toBe(address);
    expect(here.stored[LAB_TOKEN_STORAGE_KEY]).toBe(expected);
  });

  it('keeps a token the server handed out, and ignores a kept value that is not a token', () => {
    const here = place('#/lab');
    keepLabToken(here, TOKEN);
    expect(captureLabToken(place('#/monitor', here.stored))).toBe(TOKEN);
    keepLabToken(here, 'x y');
    expect(here.stored[LAB_TOKEN_STORAGE_KEY]).toBe(TOKEN);
    expect(captureLabToken(place('#/monitor', { [LAB_TOKEN_STORAGE_KEY]: 'x y' }))).toBeUndefined();
  });
});
