import { describe, expect, it } from 'vitest';
import { openSignedJson, openSignedText, signText, unlockKey } from '../../src/records/index.ts';
import { testKey } from './support.ts';

const codes = (outcome: { ok: boolean; issues?: readonly { code: string }[] }) => (outcome.ok ? [] : (outcome.issues ?? []).map((found) => found.code));

describe('psyscreen-signed files', () => {
  it('opens what the school signed and names its key; any change to text, signature or key is refused', async () => {
    const school = await testKey('签名测试中学');
    const other = await testKey('另一所学校');
    const text = JSON.stringify({ format: 'psyscreen-aggregate', school: '签名测试中学', completed: 412 });
    const signed = await signText(text, school.unlocked);
    expect(await openSignedText(signed)).toEqual({ ok: true, value: { text, keyId: school.unlocked.keyId, keyName: '签名测试中学' } });

    const file = JSON.parse(signed) as Record<string, string>;
    expect(codes(await openSignedJson({ ...file, text: text.replace('412', '413') }))).toEqual(['signature_invalid']);
    const signature = Buffer.from(file.signature ?? '', 'base64');
    signature[10] = (signature[10] ?? 0) ^ 1;
    expect(codes(await openSignedJson({ ...file, signature: signature.toString('base64') }))).toEqual(['signature_invalid']);
    // someone re-signs altered text with their own key but keeps the school's name: the key id gives them away
    const forged = JSON.parse(await signText(text.replace('412', '13'), other.unlocked)) as Record<string, string>;
    expect((await openSignedJson({ ...forged, keyName: '签名测试中学' })).ok && forged.keyId).not.toBe(school.unlocked.keyId);
    expect(codes(await openSignedJson({ ...forged, keyId: school.unlocked.keyId }))).toEqual(['signature_invalid']);
    expect(codes(await openSignedText('not json'))).toEqual(['not_psyscreen_file']);
  });

  it('signs with a key unlocked from storage, as the workspace does', async () => {
    const school = await testKey('存储密钥中学');
    const unlocked = await unlockKey(school.stored, school.passphrase);
    if (!unlocked.ok) throw new Error('unlock');
    expect((await openSignedText(await signText('{"n":1}', unlocked.value))).ok).toBe(true);
  });
});
