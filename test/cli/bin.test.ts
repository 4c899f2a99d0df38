import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { demoInstrument, demoPolicy } from '../support/fixtures.ts';
import { tempFiles } from './harness.ts';

describe('the psyscreen executable', () => {
  it('runs from the bin script without a build step, reading stdin and speaking Chinese under a zh locale', () => {
    const files = tempFiles({ 'instrument.json': demoInstrument(), 'policy.json': demoPolicy() });
    const input = `${JSON.stringify({ id: 'a', grade: 8, sex: 'female', answers: { demomood_1: 3, demomood_2: 0, demomood_3: 3, demomood_4: 0, demomood_5: 0 } })}\n{oops\n`;
    const run = spawnSync('node', ['bin/psyscreen.js', 'score', '--instrument', files['instrument.json']!, '--policy', files['policy.json']!], {
      input, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    });
    expect(run.status).toBe(2);
    expect((JSON.parse(run.stdout) as { tier: string }).tier).toBe('high');
    expect(run.stderr).toMatch(/^line 2: \(root\): 这一行不是有效的 JSON/);
    expect(execFileSync('node', ['bin/psyscreen.js', 'help'], { encoding: 'utf8' })).toContain('psyscreen validate FILE');
  }, 30_000);
});
