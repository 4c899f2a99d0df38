import { describe, expect, it } from 'vitest';
import { openSignedSync } from '../../src/cli/signed.ts';
import { ecdsaSign } from '../../src/crypto/index.ts';
import { toBase64 } from '../../src/records/base64.ts';
import { utf8 } from '../../src/records/bytes.ts';
import { openSignedText, signText } from '../../src/records/index.ts';
import { ZBase64Bytes } from '../../src/records/schemaParts.ts';
import { testKey } from './support.ts';

/** A signed file as version 1 wrote it: the key name outside the signed bytes. */
async function versionOne(text: string, key: Awaited<ReturnType<typeof testKey>>['unlocked'], keyName: string): Promise<string> {
  const signature = await ecdsaSign(key.privateKey, utf8(`psyscreen-signed/1\n${text}`));
  return JSON.stringify({ format: 'psyscreen-signed', version: 1, algorithm: 'ECDSA-P256-SHA256', keyId: key.keyId, keyName, publicKey: toBase64(key.publicKey), text, signature: toBase64(signature) });
}

describe('what a signature covers', () => {
  it('signs the key name: an edited name fails the check, in the app and on the command line', async () => {
    const { unlocked } = await testKey('青松中学 2026');
    const signed = await signText('{"a":1}', unlocked);
    const opened = await openSignedText(signed);
    expect(opened.ok && opened.value).toEqual({ text: '{"a":1}', keyId: unlocked.keyId, keyName: '青松中学 2026' });
    const renamed = signed.replace('青松中学 2026', '教育局指定学校');
    expect(renamed).not.toBe(signed);
    const app = await openSignedText(renamed);
    expect(app.ok ? 'accepted' : app.issues[0]?.code).toBe('signature_invalid');
    const cli = openSignedSync(JSON.parse(renamed));
    expect(cli.ok ? 'accepted' : cli.issues[0]?.code).toBe('signature_invalid');
    expect(openSignedSync(JSON.parse(signed))).toEqual(opened);
  });

  it('still opens a version 1 file, but never passes on its unsigned name', async () => {
    const { unlocked } = await testKey('青松中学 2026');
    const old = await versionOne('{"a":1}', unlocked, '随便改的名字');
    const opened = await openSignedText(old);
    expect(opened.ok && opened.value).toEqual({ text: '{"a":1}', keyId: unlocked.keyId });
    expect(openSignedSync(JSON.parse(old))).toEqual(opened);
  });

  it('takes base64 only in its one canonical spelling', () => {
    const bytes = ZBase64Bytes({ length: 1 });
    expect(bytes.safeParse('AQ==').success).toBe(true);
    for (const other of ['AR==', 'AX==', 'Af==']) expect(bytes.safeParse(other).success, other).toBe(false);
    const two = ZBase64Bytes({ length: 2 });
    expect(two.safeParse('AAE=').success).toBe(true);
    for (const other of ['AAF=', 'AAH=']) expect(two.safeParse(other).success, other).toBe(false);
    const key = ZBase64Bytes({ length: 65 });
    const canonical = toBase64(new Uint8Array(65).fill(7));
    expect(key.safeParse(canonical).success).toBe(true);
    expect(canonical.endsWith('c=')).toBe(true);
    expect(key.safeParse(canonical.replace(/c=$/, 'd=')).success).toBe(false);
  });
});
