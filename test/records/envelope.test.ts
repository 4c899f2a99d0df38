import { beforeAll, describe, expect, it } from 'vitest';
import { createKeySealer, createOpener, open, openWithPassphrase, seal, sealWithPassphrase } from '../../src/records/index.ts';
import { TEST_KDF, flipBit, testKey, type TestKey } from './support.ts';

const content = { student: '王小明', answers: { phq9_1: 2, phq9_9: 1 } };
const fields = { format: 'psyscreen-sealed', created: '2026-11-22T02:00:00.000Z', plan: 'school-2026@1.0.0' } as const;
const PASSPHRASE = '家长口令：春眠不觉晓2026';
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const codes = (outcome: { ok: boolean; issues?: readonly { code: string }[] }) => (outcome.ok ? [] : (outcome.issues ?? []).map((found) => found.code));

let school: TestKey;
let other: TestKey;
let sealed: Uint8Array<ArrayBuffer>;
let sealedToPassphrase: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  school = await testKey('第一中学');
  other = await testKey('第二中学');
  sealed = await seal(content, school.recipient, fields);
  const withPassphrase = await sealWithPassphrase({ note: '转介' }, PASSPHRASE, { format: 'psyscreen-record', created: fields.created }, TEST_KDF);
  if (!withPassphrase.ok) throw new Error('sealWithPassphrase failed');
  sealedToPassphrase = withPassphrase.value;
});

describe('PSYE envelope: seal / open', () => {
  it('round-trips JSON and bytes; the header is readable, the content is not', async () => {
    const opened = await createOpener({ key: school.unlocked }).openJson(sealed);
    expect(opened).toMatchObject({ ok: true, value: { value: content, header: { format: 'psyscreen-sealed', version: 2, plan: 'school-2026@1.0.0', content: 'json', protection: { mode: 'key', keyId: school.unlocked.keyId } } } });
    expect(text(sealed.subarray(0, 4))).toBe('PSYE');
    expect(text(sealed)).toContain(`"keyId":"${school.unlocked.keyId}"`);
    expect(text(sealed)).not.toContain('王小明');
    expect(text(sealed)).not.toContain('phq9_1');

    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const binary = await open(await seal(bytes, school.recipient, fields), school.unlocked);
    expect(binary.ok && [...binary.value.plaintext]).toEqual([...bytes]);
    expect(binary.ok && binary.value.header.content).toBe('binary');
  });

  it('uses a fresh key and IV every time, and one sealer keeps files independent', async () => {
    expect(text(await seal(content, school.recipient, fields))).not.toBe(text(sealed));
    const sealer = await createKeySealer(school.recipient);
    const a = await sealer.seal({ n: 1 }, fields);
    const b = await sealer.seal({ n: 2 }, fields);
    expect((await open(b, school.unlocked)).ok).toBe(true);
    expect((await open(a, school.unlocked)).ok).toBe(true);
  });

  it('round-trips with a passphrase and names a wrong one', async () => {
    expect(await createOpener({ passphrase: PASSPHRASE }).openJson(sealedToPassphrase)).toMatchObject({ ok: true, value: { value: { note: '转介' }, header: { protection: { mode: 'passphrase' } } } });
    // the passphrase is NFC-normalised: the decomposed form of the same text (e + combining acute) opens too
    const composed = await sealWithPassphrase(content, 'Café au lait 2026', fields, TEST_KDF);
    expect(composed.ok && (await openWithPassphrase(composed.value, 'Cafe\u0301 au lait 2026')).ok).toBe(true);
    expect(codes(await openWithPassphrase(sealedToPassphrase, '家长口令：春眠不觉晓2027'))).toEqual(['passphrase_wrong']);
    expect(codes(await open(sealedToPassphrase, school.unlocked))).toEqual(['needs_passphrase']);
    expect(codes(await openWithPassphrase(sealed, PASSPHRASE))).toEqual(['needs_key']);
  });

  it('refuses a weak passphrase for new protection', async () => {
    expect(codes(await sealWithPassphrase(content, '123456789', fields, TEST_KDF))).toEqual(['passphrase_too_short']);
    expect(codes(await sealWithPassphrase(content, 'aaaaabbbbbaaaa', fields, TEST_KDF))).toEqual(['passphrase_too_simple']);
  });

  it('rejects a flipped bit at every byte position (key and passphrase files)', async () => {
    const small = await seal({ s: 1 }, school.recipient, { format: 'psyscreen-sealed', created: fields.created, id: 'a1' });
    const opener = createOpener({ key: school.unlocked });
    for (let position = 0; position < small.length; position++) {
      const opened = await opener.open(flipBit(small, position));
      expect(opened.ok, `byte ${position}`).toBe(false);
    }
    const passphraseOpener = createOpener({ passphrase: PASSPHRASE });
    for (let position = 0; position < sealedToPassphrase.length; position += 1) {
      const opened = await passphraseOpener.open(flipBit(sealedToPassphrase, position, 0x80));
      expect(opened.ok, `byte ${position}`).toBe(false);
    }
  }, 120_000);

  it('names each problem: another key, a wrong key claiming ours, cut off, not ours, wrong kind, newer version', async () => {
    expect(codes(await open(sealed, other.unlocked))).toEqual(['other_key']);
    expect(codes(await open(sealed, { keyId: school.unlocked.keyId, privateKey: other.unlocked.privateKey }))).toEqual(['tampered']);
    expect(codes(await open(sealed.slice(0, sealed.length - 10), school.unlocked))).toEqual(['tampered']);
    expect(codes(await open(sealed.slice(0, 40), school.unlocked))).toEqual(['file_damaged']);
    expect(codes(await open(new Uint8Array(3), school.unlocked))).toEqual(['not_psyscreen_file']);
    expect(codes(await open(new TextEncoder().encode('PK\u0003\u0004 not an envelope'), school.unlocked))).toEqual(['not_psyscreen_file']);
    expect(codes(await open(sealed, school.unlocked, ['psyscreen-record']))).toEqual(['wrong_file_kind']);

    const length = new DataView(sealed.buffer).getUint32(4);
    const header = JSON.parse(text(sealed.subarray(8, 8 + length))) as Record<string, unknown>;
    const rebuilt = (changed: Record<string, unknown>) => {
      const headerBytes = new TextEncoder().encode(JSON.stringify(changed));
      const out = new Uint8Array(8 + headerBytes.length + sealed.length - 8 - length);
      out.set(sealed.subarray(0, 4));
      new DataView(out.buffer).setUint32(4, headerBytes.length);
      out.set(headerBytes, 8);
      out.set(sealed.subarray(8 + length), 8 + headerBytes.length);
      return out;
    };
    const future = await open(rebuilt({ ...header, version: 3 }), school.unlocked);
    expect(codes(future)).toEqual(['made_by_newer_version']);
    expect(future.ok ? undefined : future.issues[0]?.params).toMatchObject({ version: 3, supported: 2 });
    expect(codes(await open(rebuilt({ ...header, version: 0 }), school.unlocked))).toEqual(['unknown_version']);
    expect(codes(await open(rebuilt({ ...header, format: 'psyscreen-sealed-x' }), school.unlocked))).toEqual(['wrong_file_kind']);
    expect(codes(await open(rebuilt({ ...header, extra: 1 }), school.unlocked))).toContain('file_damaged');
    // a header re-encoded with the same content but other bytes (spacing) is no longer the authenticated one
    const spaced = new TextEncoder().encode(JSON.stringify(header, null, 1));
    const respaced = new Uint8Array(8 + spaced.length + sealed.length - 8 - length);
    respaced.set(sealed.subarray(0, 4));
    new DataView(respaced.buffer).setUint32(4, spaced.length);
    respaced.set(spaced, 8);
    respaced.set(sealed.subarray(8 + length), 8 + spaced.length);
    expect(codes(await open(respaced, school.unlocked))).toEqual(['tampered']);
  });

  it('treats a bad header field from the caller as a programmer error', async () => {
    await expect(seal(content, school.recipient, { ...fields, id: '../x' })).rejects.toThrow(/file id/);
    await expect(seal(content, school.recipient, { ...fields, created: 'yesterday' })).rejects.toThrow(/ISO timestamp/);
    await expect(sealWithPassphrase(content, PASSPHRASE, fields, { iterations: 100_000 })).rejects.toThrow(/600000/);
  });
});
