import { describe, expect, it } from 'vitest';
import { admitFiles, type IncomingFile } from '../../src/bureau/admit.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import type { KeyRegistry } from '../../src/bureau/keyRegistry.ts';
import { describeIssue } from '../../src/issueMessages.ts';
import { formatKeyId } from '../../src/records/keyId.ts';
import { schoolA, schoolB } from './support.ts';

const NOW = '2026-11-25T08:00:00.000Z';
const keyA = { keyId: 'aaaaaaaaaaaaaaaa', keyName: '甲校 2026' };
const otherKey = { keyId: 'bbbbbbbbbbbbbbbb', keyName: '甲校 新密钥' };

let serial = 0;
const file = (name: string, aggregate: unknown, signedBy?: { keyId: string; keyName: string }): IncomingFile =>
  ({ id: `k${(serial += 1)}`, name, json: aggregate, ...(signedBy ? { signedBy } : {}) });

const learnFrom = (incoming: IncomingFile[], keys: KeyRegistry = new Map()) => admitFiles(EMPTY_SET, incoming, { keys, now: NOW });

describe('the bureau\'s record of school keys', () => {
  it('records a school\'s key from its first signed file and accepts its later files signed with it', () => {
    const first = learnFrom([file('a.psyagg', schoolA, keyA)]);
    expect(first.reports).toMatchObject([{ accepted: true, key: 'new' }]);
    const code = schoolA.provenance.schools[0]?.code ?? '';
    expect(first.learned).toEqual([{ sender: `school:${code}`, level: 'school', code, name: schoolA.provenance.schools[0]?.name, ...keyA, since: NOW }]);

    const registry = new Map(first.learned.map((key) => [key.sender, key]));
    expect(learnFrom([file('a-again.psyagg', schoolA, keyA)], registry).reports).toMatchObject([{ accepted: true, key: 'known' }]);
  });

  it('refuses a known school\'s file signed with another key, or unsigned, and says what to do', () => {
    const registry = new Map(learnFrom([file('a.psyagg', schoolA, keyA)]).learned.map((key) => [key.sender, key]));
    const { reports, set, learned } = learnFrom([file('a-new-key.psyagg', schoolA, otherKey), file('a-unsigned.psyagg', schoolA)], registry);
    expect(set.files).toEqual([]);
    expect(learned).toEqual([]);
    const [changed, unsigned] = reports.map((report) => (report.accepted ? undefined : report.issues[0]));
    expect(changed?.code).toBe('bureau_key_changed');
    expect(describeIssue(changed!, 'zh-CN')).toContain(formatKeyId(otherKey.keyId));
    expect(describeIssue(changed!, 'zh-CN')).toContain(formatKeyId(keyA.keyId));
    expect(unsigned?.code).toBe('bureau_unsigned_from_known');
    expect(describeIssue(unsigned!, 'en')).toContain('not signed');
  });

  it('takes an unsigned file from a school it has no key for, and learns keys file by file within one import', () => {
    // the third file is also a duplicate, but a wrong key is the graver finding and is reported first
    const { reports, learned } = learnFrom([file('b.psyagg', schoolB), file('a.psyagg', schoolA, keyA), file('a-copy.psyagg', schoolA, otherKey)]);
    expect(reports.map((report) => (report.accepted ? report.key : report.issues[0]?.code))).toEqual(['unsigned', 'new', 'bureau_key_changed']);
    expect(learned.map((key) => key.keyId)).toEqual([keyA.keyId]);
  });

  it('learns nothing from a file it refuses', () => {
    const { reports, learned } = learnFrom([file('a.psyagg', schoolA), file('a-signed-copy.psyagg', schoolA, keyA)]);
    expect(reports.map((report) => (report.accepted ? report.key : report.issues[0]?.code))).toEqual(['unsigned', 'bureau_duplicate_school']);
    expect(learned).toEqual([]);
  });

  it('checks nothing when no registry is given (files read back from storage were checked on the way in)', () => {
    const { reports, learned } = admitFiles(EMPTY_SET, [file('a.psyagg', schoolA, otherKey)]);
    expect(reports).toMatchObject([{ accepted: true }]);
    expect(reports[0] && 'key' in reports[0]).toBe(false);
    expect(learned).toEqual([]);
  });
});
