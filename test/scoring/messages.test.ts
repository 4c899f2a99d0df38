import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES as MESSAGES } from '../../src/issueMessages.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [readFileSync(join(dir, entry.name), 'utf8')] : []);
}

describe('issue messages', () => {
  it('has a Chinese and an English message for every code the code base emits', () => {
    const text = [...sources('scoring'), ...sources('src')].join('\n');
    const emitted = new Set<string>();
    for (const pattern of [/reportCrossField\(ctx, (?:\[[^\]]*\]|\w+\([^)]*\)), '([a-z_]+)'/g, /issue\('([a-z_]+)'/g, /error: '([a-z_]+)'/g, /code: '([a-z_]+)', path/g]) {
      for (const match of text.matchAll(pattern)) if (match[1]) emitted.add(match[1]);
    }
    emitted.delete('custom'); // zod's own issue kind, converted by zodIssues.ts
    expect(emitted.size).toBeGreaterThan(40);
    const missing = [...emitted].filter((code) => !MESSAGES[code]);
    expect(missing).toEqual([]);
    for (const [code, template] of Object.entries(MESSAGES)) {
      expect(template['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      // English messages may quote the Chinese a spreadsheet cell should hold (男/女, 初二, 八年级(2)班), nothing else.
      expect(template.en, code).toMatch(/^[\x20-\x7e\u2013\u2014\u2019\u00d7\u4e00-\u9fff\uff08\uff09]+$/);
      expect(template.en.replace(/[^\x20-\x7e]/g, '').length / template.en.length, code).toBeGreaterThan(0.8);
    }
  });
});
