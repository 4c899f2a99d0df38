import { describe, expect, it } from 'vitest';
import { LAB_TOKEN_STORAGE_KEY, captureLabToken, forgetLabToken, type TokenPlace } from '../../src/lab/labToken.ts';

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
});
