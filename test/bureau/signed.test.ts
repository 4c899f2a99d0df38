import { describe, expect, it } from 'vitest';
import { publishAggregate } from '../../scoring/index.ts';
import { admitFiles } from '../../src/bureau/admit.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import { unwrapSigned } from '../../src/bureau/unwrapSigned.ts';
import { signText } from '../../src/records/index.ts';
import { testKey } from '../records/support.ts';
import { exactSchool, unwrap } from '../scoring/aggregate/cohort.ts';

describe('signed school files at the bureau', () => {
  it('admits an intact signed file with its signer, refuses an altered one before the merge, and passes unsigned files through', async () => {
    const key = await testKey('签名测试学校');
    const aggregate = unwrap(publishAggregate(exactSchool({ code: '3301060009', seed: 9, sizes: { '7/male': 30, '7/female': 28 } })));
    const signed = await signText(JSON.stringify(aggregate), key.unlocked);
    const altered = signed.replace('3301060009', '3301060008');
    const plain = unwrap(publishAggregate(exactSchool({ code: '3301060010', seed: 10, sizes: { '8/male': 30 } })));
    const { ready, refused } = await unwrapSigned([
      { id: 'a', name: 'signed.psyagg', text: signed }, { id: 'b', name: 'altered.psyagg', text: altered }, { id: 'c', name: 'plain.psyagg', text: JSON.stringify(plain) },
    ]);
    expect(refused.map((report) => [report.file, report.accepted ? '' : report.issues[0]?.code])).toEqual([['altered.psyagg', 'bureau_signature_invalid']]);
    const { reports } = admitFiles(EMPTY_SET, ready);
    expect(reports.map((report) => [report.file, report.accepted && report.signedBy?.keyId])).toEqual([['signed.psyagg', key.unlocked.keyId], ['plain.psyagg', undefined]]);
  });
});
