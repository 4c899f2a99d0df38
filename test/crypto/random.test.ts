import { describe, expect, it } from 'vitest';
import { randomBytes, randomUuid, secureContextFeatures } from '../../src/crypto/index.ts';

describe('randomness without a secure context', () => {
  it('randomUuid gives RFC 9562 version-4 UUIDs, all different', () => {
    const ids = Array.from({ length: 2_000 }, randomUuid);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('randomBytes hands out each pooled byte once, and large requests in full', () => {
    const draws = Array.from({ length: 600 }, () => Buffer.from(randomBytes(16)).toString('hex'));
    expect(new Set(draws).size).toBe(draws.length);
    expect(randomBytes(0).length).toBe(0);
    const large = randomBytes(5_000);
    expect(large.length).toBe(5_000);
    expect(new Set(large).size).toBeGreaterThan(200);
  });
});

describe('secureContextFeatures', () => {
  const picker = () => undefined;
  it('reports nothing missing in a secure Chromium page', () => {
    expect(secureContextFeatures({ isSecureContext: true, crypto: { subtle: {} }, navigator: { serviceWorker: {} }, showDirectoryPicker: picker })).toEqual({ secureContext: true, missing: [] });
  });

  it('names what a plain-http lab page lacks', () => {
    expect(secureContextFeatures({ isSecureContext: false, crypto: {}, navigator: {} })).toEqual({ secureContext: false, missing: ['web-crypto', 'offline-after-reload', 'shared-folder'] });
    expect(secureContextFeatures({})).toEqual({ secureContext: false, missing: ['web-crypto', 'offline-after-reload', 'shared-folder'] });
  });

  it('looks at this global by default (Node: WebCrypto, no service worker, no folder picker)', () => {
    expect(secureContextFeatures().missing).toEqual(['offline-after-reload', 'shared-folder']);
  });
});
