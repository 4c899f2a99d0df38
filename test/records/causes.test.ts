import { beforeAll, describe, expect, it } from 'vitest';
import { issue } from '../../scoring/index.ts';
import { createKeyBackup, createOpener, formatRecordIssue, readKeyBackup, readPublicKeyFile, sealSubmission, writeKeyFile } from '../../src/records/index.ts';
import { TEST_KDF, submission, testKey, type TestKey } from './support.ts';

let school: TestKey;
let other: TestKey;
beforeAll(async () => {
  school = await testKey('第一小学');
  other = await testKey('第二中学');
});

/** One hex digit of the header's key id changed (same length, so the layout holds). */
function flipKeyId(sealed: Uint8Array<ArrayBuffer>, keyId: string): Uint8Array<ArrayBuffer> {
  const text = new TextDecoder('latin1').decode(sealed);
  const at = text.indexOf(`"keyId":"${keyId}"`) + '"keyId":"'.length;
  expect(at).toBeGreaterThan(20);
  const out = new Uint8Array(sealed);
  out[at] = keyId[0] === 'a' ? 0x62 : 0x61;
  return out;
}

describe('messages name the real cause', () => {
  it('a .psysealed of ours with a flipped key id is damaged, not "for another key"', async () => {
    const sealed = await sealSubmission(submission(1), school.recipient);
    const opener = createOpener({ key: school.unlocked });
    const flipped = await opener.open(flipKeyId(sealed, school.unlocked.keyId));
    expect(flipped.ok ? 'opened' : flipped.issues[0]?.code).toBe('key_id_damaged');
    const theirs = await opener.open(await sealSubmission(submission(2), other.recipient));
    expect(theirs.ok ? 'opened' : theirs.issues[0]?.code).toBe('other_key');
    expect(formatRecordIssue(issue('key_id_damaged', [], { keyId: 'x', ours: 'y' }), 'zh-CN')).toContain('已损坏');
  });

  it('broken JSON in a key backup or public key file is a damaged file; other text is not a PsyScreen file', async () => {
    const backup = await createKeyBackup(school.stored, school.passphrase, '备份口令：校长保险柜 2026', { exported: '2026-11-01T00:00:00.000Z', kdf: TEST_KDF });
    if (!backup.ok) throw new Error(JSON.stringify(backup.issues));
    const text = writeKeyFile(backup.value);
    const cut = readKeyBackup(text.slice(0, text.length / 2));
    expect(cut.ok ? 'read' : cut.issues[0]).toMatchObject({ code: 'json_file_damaged', params: { expected: '.psykeybackup' } });
    expect(formatRecordIssue(cut.ok ? issue('x', []) : cut.issues[0]!, 'en')).toMatch(/^This \.psykeybackup file is damaged/);
    const notOurs = readKeyBackup('PK\u0003\u0004 some zip');
    expect(notOurs.ok ? 'read' : notOurs.issues[0]?.code).toBe('not_psyscreen_file');
    const key = await readPublicKeyFile('{"format":"psyscreen-public-key",');
    expect(key.ok ? 'read' : key.issues[0]?.code).toBe('json_file_damaged');
  });

  it('a failed passphrase check names both causes it cannot tell apart: a wrong passphrase, or damaged salt, check value or iteration count', () => {
    expect(formatRecordIssue(issue('passphrase_wrong', []), 'zh-CN')).toMatch(/盐值、校验值或迭代次数/);
    expect(formatRecordIssue(issue('passphrase_wrong', []), 'en')).toMatch(/salt, check value or iteration count/);
  });
});
