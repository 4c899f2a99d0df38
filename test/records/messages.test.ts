import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, issue } from '../../scoring/index.ts';
import { RECORD_MESSAGES, formatRecordIssue } from '../../src/records/index.ts';

const DIR = 'src/records';
/** Snake-case strings in src/records that are not issue codes. */
const NOT_CODES = new Set(['future_version', 'parents_informed']);

describe('records issue messages', () => {
  it('has a zh-CN and an en message for every issue code the module can emit', () => {
    const emitted = new Set<string>();
    for (const file of readdirSync(DIR).filter((name) => name.endsWith('.ts') && !['batteryResult.ts', 'messages.ts'].includes(name))) {
      const source = readFileSync(join(DIR, file), 'utf8');
      for (const pattern of [/'([a-z]+(?:_[a-z0-9]+)+)'/g, /issue\('([a-z_]+)'/g]) {
        for (const match of source.matchAll(pattern)) if (match[1] && !NOT_CODES.has(match[1])) emitted.add(match[1]);
      }
    }
    expect(emitted.size).toBeGreaterThan(40);
    const catalogue = { ...MESSAGES, ...RECORD_MESSAGES };
    expect([...emitted].filter((code) => !catalogue[code])).toEqual([]);
    expect(Object.keys(RECORD_MESSAGES).filter((code) => !emitted.has(code))).toEqual([]);
  });

  it('says what is wrong and what to do, in Chinese and in English', () => {
    expect(formatRecordIssue(issue('passphrase_wrong', []), 'zh-CN')).toMatch(/^口令不正确/);
    expect(formatRecordIssue(issue('passphrase_wrong', []), 'en')).toMatch(/^The passphrase is wrong/);
    const newer = issue('made_by_newer_version', [], { kind: '.psyrec', version: 2, supported: 1 });
    expect(formatRecordIssue(newer, 'zh-CN')).toContain('请先更新 PsyScreen');
    expect(formatRecordIssue(newer, 'en')).toBe('This file was made by a newer PsyScreen (.psyrec version 2; this copy reads up to version 1). Update PsyScreen, then open it again.');
    expect(formatRecordIssue(issue('passphrase_too_short', [], { minimum: 10, length: 6 }), 'en')).toContain('at least 10 characters');
    expect(formatRecordIssue(issue('bad_date', []), 'zh-CN')).toContain('YYYY-MM-DD');
  });
});
