import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateExportableEcKey, importEcPrivateKey, useCryptoBackend } from '../../src/crypto/index.ts';
import { BACKENDS } from '../crypto/support.ts';
import { fromBase64, toBase64 } from '../../src/records/base64.ts';
import { keyIdOf, openSealed, sealJson } from '../../src/records/sealed.ts';

async function keyPair() {
  const { pkcs8, publicKey: raw } = await generateExportableEcKey();
  const privateKey = await importEcPrivateKey(pkcs8);
  if (!privateKey) throw new Error('a fresh key did not import');
  return { privateKey, publicKey: toBase64(raw), keyId: await keyIdOf(raw) };
}

const submission = { student: '王小明', answers: { phq9_1: 2, phq9_9: 1 } };
let school: Awaited<ReturnType<typeof keyPair>>;
let other: Awaited<ReturnType<typeof keyPair>>;
let sealed: Uint8Array;
beforeAll(async () => {
  school = await keyPair();
  other = await keyPair();
  sealed = await sealJson(submission, school, 'plan@1.0.0', '2026-11-22T02:00:00.000Z');
});

describe('the kiosk\'s sealJson / openSealed (psyscreen-sealed: writes v2, reads v1 and v2)', () => {
  it('round-trips, with the plain header readable and the content not', async () => {
    const opened = await openSealed(sealed, school.privateKey, school.keyId);
    expect(opened).toMatchObject({ ok: true, value: submission, header: { format: 'psyscreen-sealed', version: 2, plan: 'plan@1.0.0', protection: { mode: 'key', keyId: school.keyId } } });
    const asText = new TextDecoder().decode(sealed);
    expect(asText).toContain('"plan":"plan@1.0.0"');
    expect(asText).not.toContain('王小明');
    expect(asText).not.toContain('phq9_1');
  });

  it('uses a fresh key every time: the same content seals to different bytes', async () => {
    const again = await sealJson(submission, school, 'plan@1.0.0', '2026-11-22T02:00:00.000Z');
    expect(toBase64(again)).not.toBe(toBase64(sealed));
  });

  it('rejects a flipped bit at every byte position', async () => {
    const outcomes = new Set<string>();
    for (let position = 0; position < sealed.length; position++) {
      const damaged = sealed.slice();
      damaged[position] = (damaged[position] ?? 0) ^ 0x01;
      const opened = await openSealed(damaged, school.privateKey, school.keyId);
      expect(opened.ok, `byte ${position}`).toBe(false);
      if (!opened.ok) outcomes.add(opened.reason);
    }
    expect([...outcomes].every((reason) => ['malformed', 'tampered', 'other_key', 'future_version'].includes(reason))).toBe(true);
  }, 60_000);

  it('names the problem for a wrong key, another school, a cut-off file and a future version', async () => {
    expect(await openSealed(sealed, other.privateKey, school.keyId)).toEqual({ ok: false, reason: 'tampered' });
    expect(await openSealed(sealed, other.privateKey, other.keyId)).toEqual({ ok: false, reason: 'other_key' });
    expect(await openSealed(sealed.slice(0, sealed.length - 10), school.privateKey, school.keyId)).toEqual({ ok: false, reason: 'tampered' });
    expect(await openSealed(sealed.slice(0, 20), school.privateKey, school.keyId)).toEqual({ ok: false, reason: 'malformed' });
    expect(await openSealed(new Uint8Array(2), school.privateKey, school.keyId)).toEqual({ ok: false, reason: 'malformed' });
    const length = new DataView(sealed.buffer, sealed.byteOffset).getUint32(4);
    const header = JSON.parse(new TextDecoder().decode(sealed.slice(8, 8 + length))) as Record<string, unknown>;
    const futureHeader = new TextEncoder().encode(JSON.stringify({ ...header, version: 3 }));
    const future = new Uint8Array(8 + futureHeader.length + sealed.length - 8 - length);
    future.set(sealed.slice(0, 4));
    new DataView(future.buffer).setUint32(4, futureHeader.length);
    future.set(futureHeader, 8);
    future.set(sealed.slice(8 + length), 8 + futureHeader.length);
    expect(await openSealed(future, school.privateKey, school.keyId)).toEqual({ ok: false, reason: 'future_version' });
  });

  it.each(BACKENDS)('still opens the golden v1 file committed under test/fixtures/records (%s)', async (backend) => {
    useCryptoBackend(backend);
    onTestFinished(() => useCryptoBackend(undefined));
    const key = JSON.parse(readFileSync('test/fixtures/records/sealed-v1.key.json', 'utf8')) as { keyId: string; privateKeyPkcs8: string };
    const privateKey = await importEcPrivateKey(fromBase64(key.privateKeyPkcs8));
    if (!privateKey) throw new Error('the golden key did not import');
    const opened = await openSealed(new Uint8Array(readFileSync('test/fixtures/records/sealed-v1.bin')), privateKey, key.keyId);
    expect(opened).toMatchObject({ ok: true, value: { golden: true, student: '测试学生', answers: { phq9_1: 2 } }, header: { version: 1, plan: 'golden@1.0.0' } });
    // and its legacy layout is the one the v1 reader always used: any flipped bit is still rejected
    const golden = new Uint8Array(readFileSync('test/fixtures/records/sealed-v1.bin'));
    for (let position = 0; position < golden.length; position++) {
      const damaged = golden.slice();
      damaged[position] = (damaged[position] ?? 0) ^ 0x01;
      expect((await openSealed(damaged, privateKey, key.keyId)).ok, `byte ${position}`).toBe(false);
    }
  });
});
