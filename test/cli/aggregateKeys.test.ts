import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishAggregate, type Aggregate } from '../../scoring/index.ts';
import { formatKeyId } from '../../src/records/keyId.ts';
import { signText } from '../../src/records/index.ts';
import { testKey } from '../records/support.ts';
import { exactSchool, unwrap } from '../scoring/aggregate/cohort.ts';
import { cli, tempFiles } from './harness.ts';

const school = (code: string, seed: number): Aggregate => unwrap(publishAggregate(exactSchool({ code, seed, sizes: { '7/male': 30, '7/female': 28, '8/female': 25 } })));

let paths: Record<string, string> = {};
let keyId = '';
let otherKeyId = '';
beforeAll(async () => {
  const key = await testKey('甲校 2026');
  const other = await testKey('冒名的密钥');
  keyId = key.unlocked.keyId;
  otherKeyId = other.unlocked.keyId;
  const a = JSON.stringify(school('3301060001', 1), null, 2);
  paths = tempFiles({
    'a.psyagg': await signText(a, key.unlocked),
    'a-resigned.psyagg': await signText(a, other.unlocked),
    'a-stripped.psyagg': a,
    'b.psyagg': school('3301060002', 2),
    'damaged-keys.json': '{"format":"psyscreen-bureau-keys","version":1,"keys":[{"sender":"school:1"}]}',
  });
});
const path = (name: string): string => paths[name] ?? name;
const keysPath = (name: string): string => join(dirname(path('a.psyagg')), name);

describe('aggregate merge --keys: the bureau\'s trust record on the command line', () => {
  it('puts a school\'s first key on record, then refuses its file re-signed with another key or stripped of its signature', () => {
    const keys = keysPath('keys-1.json');
    const first = cli(['aggregate', 'merge', '--keys', keys, path('a.psyagg'), path('b.psyagg')]);
    expect(first.code).toBe(0);
    expect(first.err.join('\n')).toContain(`1 file(s) unsigned, so there is no way to tell whether they were changed after they were sent: ${path('b.psyagg')}`);
    expect(first.err.join('\n')).toContain(`key 甲校 2026, fingerprint ${formatKeyId(keyId)}, is now on record`);
    const record = JSON.parse(readFileSync(keys, 'utf8')) as { keys: { sender: string; keyId: string; keyName: string; since: string }[] };
    expect(record.keys).toEqual([{ sender: 'school:3301060001', level: 'school', code: '3301060001', name: 'School 3301060001', keyId, keyName: '甲校 2026', since: '2026-11-22T08:00:00.000Z' }]);

    for (const name of ['a-resigned.psyagg', 'a-stripped.psyagg']) {
      const run = cli(['aggregate', 'merge', '--keys', keys, path(name), path('b.psyagg')]);
      expect(run.code, name).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err[0]).toContain(path(name));
    }
    const resigned = cli(['aggregate', 'merge', '--keys', keys, path('a-resigned.psyagg')]);
    expect(resigned.err[0]).toContain(formatKeyId(otherKeyId));
    expect(resigned.err[0]).toContain(formatKeyId(keyId));
    expect(cli(['aggregate', 'merge', '--keys', keys, path('a-stripped.psyagg')], { locale: 'zh-CN' }).err[0]).toContain('没有签名');
    expect(readFileSync(keys, 'utf8')).toContain(keyId);
    expect(readFileSync(keys, 'utf8')).not.toContain(otherKeyId);

    const again = cli(['aggregate', 'merge', '--keys', keys, path('a.psyagg')]);
    expect(again.code).toBe(0);
  });

  it('without --keys still merges, but names every unsigned file', () => {
    const run = cli(['aggregate', 'merge', path('a-stripped.psyagg')], { locale: 'zh-CN' });
    expect(run.code).toBe(0);
    expect(run.err[0]).toBe(`其中 1 个文件未签名，无法确认报送后是否被改动：${path('a-stripped.psyagg')}`);
  });

  it('refuses a damaged keys file, writing nothing', () => {
    const run = cli(['aggregate', 'merge', '--keys', path('damaged-keys.json'), path('a.psyagg')]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err[0]).toMatch(/damaged-keys\.json: keys\[0\]/);
    expect(readFileSync(path('damaged-keys.json'), 'utf8')).toContain('"school:1"');
    const other = cli(['aggregate', 'merge', '--keys', path('a.psyagg'), path('b.psyagg')]);
    expect(other.code).toBe(1);
    expect(other.err[0]).toContain('a.psyagg');
  });
});
