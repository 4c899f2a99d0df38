import { createHash, hkdfSync, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importAesKey } from '../../src/crypto/index.ts';
import { decryptJson, deriveCodeKeys, encryptJson } from '../../src/kiosk/codeVault.ts';

const SALT = Uint8Array.from({ length: 16 }, (_, i) => i * 11);
const ITERATIONS = 1_000;
const CODE = 'ACDE3479';

// The derivations written out with Node's own crypto, independently of the WebCrypto code under test.
const pbkdf2 = (bytes: number) => pbkdf2Sync(CODE, SALT, ITERATIONS, bytes, 'sha256');
const hkdf = (base: Buffer, info: string) => Buffer.from(hkdfSync('sha256', base, new Uint8Array(0), info, 32));
const aesKey = (raw: Uint8Array) => importAesKey(new Uint8Array(raw));

describe('sign-in code keys', () => {
  it('current plans: one PBKDF2 block, then HKDF gives the lookup and the AES key', async () => {
    const keys = await deriveCodeKeys(CODE, SALT, 'pbkdf2-hkdf', ITERATIONS);
    const base = pbkdf2(32);
    expect(keys.lookup).toBe(hkdf(base, 'psyscreen code lookup').toString('hex'));
    const sealed = await encryptJson(keys.key, { name: '王小明' }, 'roster:test');
    expect(await decryptJson(await aesKey(hkdf(base, 'psyscreen code key')), sealed, 'roster:test')).toEqual({ name: '王小明' });
  });

  it('plans built before 2026-11-25 (no codeKeys, so pbkdf2-512): 64 PBKDF2 bytes, lookup = sha-256 of the first half, key = the second', async () => {
    const keys = await deriveCodeKeys(CODE, SALT, 'pbkdf2-512', ITERATIONS);
    const bits = pbkdf2(64);
    expect(keys.lookup).toBe(createHash('sha256').update(bits.subarray(0, 32)).digest('hex'));
    const sealed = await encryptJson(keys.key, { name: '王小明' }, 'roster:test');
    expect(await decryptJson(await aesKey(bits.subarray(32)), sealed, 'roster:test')).toEqual({ name: '王小明' });
  });

  it('the two schemes give different lookups, and a wrong context or key opens nothing', async () => {
    const current = await deriveCodeKeys(CODE, SALT, 'pbkdf2-hkdf', ITERATIONS);
    const legacy = await deriveCodeKeys(CODE, SALT, 'pbkdf2-512', ITERATIONS);
    expect(current.lookup).not.toBe(legacy.lookup);
    const sealed = await encryptJson(current.key, { name: '王小明' }, 'roster:test');
    expect(await decryptJson(legacy.key, sealed, 'roster:test')).toBeUndefined();
    expect(await decryptJson(current.key, sealed, 'draft:test')).toBeUndefined();
  });
});
