import { beforeAll, describe, expect, it } from 'vitest';
import { parseAggregate, publishAggregate, type Aggregate } from '../../scoring/index.ts';
import { signText } from '../../src/records/index.ts';
import { testKey } from '../records/support.ts';
import { exactSchool, unwrap } from '../scoring/aggregate/cohort.ts';
import { cli, tempFiles } from './harness.ts';

const school = (code: string, seed: number): Aggregate => unwrap(publishAggregate(exactSchool({ code, seed, sizes: { '7/male': 30, '7/female': 28, '8/female': 25 } })));

let paths: Record<string, string> = {};
beforeAll(async () => {
  const key = await testKey('签名学校');
  const signed = await signText(JSON.stringify(school('3301060001', 1), null, 2), key.unlocked);
  const altered = signed.replace(/\\"completed\\": (\d+)/, (_, n: string) => `\\"completed\\": ${Number(n) + 1}`);
  expect(altered).not.toBe(signed);
  const notJson = await signText('this is not JSON {', key.unlocked);
  paths = tempFiles({ 'signed.psyagg': signed, 'altered.psyagg': altered, 'plain.psyagg': school('3301060002', 2), 'notjson.psyagg': notJson });
});

describe('signed aggregates on the command line', () => {
  it('merges a signed school file with an unsigned one', () => {
    const run = cli(['aggregate', 'merge', paths['signed.psyagg'] ?? '', paths['plain.psyagg'] ?? '']);
    expect(run.code).toBe(0);
    const merged = parseAggregate(JSON.parse(run.out.join('\n')));
    expect(merged.ok && merged.value.provenance.schools.map((entry) => entry.code)).toEqual(['3301060001', '3301060002']);
  });

  it('refuses a signed file altered after signing, saying so, and writes nothing', () => {
    const run = cli(['aggregate', 'merge', paths['altered.psyagg'] ?? '', paths['plain.psyagg'] ?? '']);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toContain('Signature check failed');
  });

  it('says on stderr that a validly signed file holds no JSON, instead of a stack trace', () => {
    for (const command of [['aggregate', 'merge', paths['notjson.psyagg'] ?? ''], ['aggregate', 'table', paths['notjson.psyagg'] ?? '']]) {
      const run = cli(command);
      expect(run.code).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err[0]).toMatch(/notjson\.psyagg: .*not valid JSON/);
      expect(run.err.join('\n')).not.toMatch(/\bat .*\.ts:\d+|Error:/);
    }
  });
});
