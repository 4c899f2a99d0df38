import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../src/issueMessages.ts';
import { readKioskPlan } from '../../src/kiosk/planFile.ts';
import { shippedCatalog } from '../support/library.ts';

const demo = readFileSync('public/demo/kiosk-plan.json', 'utf8');

describe('loading a kiosk plan file', () => {
  it('accepts the demo plan inside its window', () => {
    const read = readKioskPlan(demo, '2026-11-22');
    expect(read.ok && read.value.plan.id).toBe('demo-2026');
  });

  it.each([
    ['2026-08-31', 'window_not_open', '这次筛查从 2026-09-01 开始'],
    ['2027-07-16', 'window_closed', '这次筛查已于 2027-07-15 结束'],
  ])('on %s refuses with %s and says so in Chinese', (today, code, zh) => {
    const read = readKioskPlan(demo, today);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues[0]?.code).toBe(code);
    expect(describeIssue(read.issues[0]!, 'zh-CN')).toContain(zh);
  });

  it('refuses a plan whose instrument was edited after it was pinned, naming where', () => {
    const tampered = demo.replace('做事时提不起劲或没有兴趣', '做事时提不起劲');
    const read = readKioskPlan(tampered, '2026-11-22');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.map((found) => [found.code, found.path.join('.')])).toContainEqual(['ref_hash_mismatch', 'plan.gradeBands.1.instruments.0']);
  });

  it('refuses a damaged file and an instrument that fails validation', () => {
    expect(readKioskPlan(demo.slice(0, 500), '2026-11-22')).toMatchObject({ ok: false, issues: [{ code: 'json_syntax' }] });
    const broken = JSON.parse(demo) as { plan: { instruments: { scales: { bands?: { gte: number }[] }[] }[] } };
    const band = broken.plan.instruments[0]?.scales[0]?.bands?.[1];
    if (band) band.gte += 1;
    const read = readKioskPlan(JSON.stringify(broken), '2026-11-22');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.map((found) => found.code)).toContain('bands_gap');
  });
});

describe('conformance vectors on plan load', () => {
  const shipped = () => shippedCatalog().vectors ?? [];

  it('runs the shipped vectors for a plan that carries none (the demo plan) and accepts it', () => {
    const plan = JSON.parse(demo) as { plan: { vectors?: unknown } };
    expect(plan.plan.vectors).toBeUndefined();
    expect(readKioskPlan(demo, '2026-11-22', shipped()).ok).toBe(true);
  });

  it('refuses a plan whose vectors do not match the scoring, naming the instrument in Chinese and English', () => {
    const file = JSON.parse(demo) as { plan: { instruments: { id: string; version: string }[]; vectors?: unknown[] } };
    const asq = structuredClone(shipped().find((entry) => entry.id === 'asq')!);
    const q1 = asq.cases.find((entry) => entry.id === 'q1-yes')!;
    if (!('rejected' in q1.expect)) q1.expect.flags.acute = true;
    file.plan.vectors = [asq];
    const read = readKioskPlan(JSON.stringify(file), '2026-11-22', shipped());
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((found) => [found.code, found.path.slice(0, 3).join('.')])).toEqual([['vector_mismatch', 'plan.vectors.0']]);
    expect(describeIssue(read.issues[0]!, 'zh-CN')).toContain('ASQ (asq@1.0.0) 的一致性测试未通过');
    expect(describeIssue(read.issues[0]!, 'en')).toContain('ASQ (asq@1.0.0) failed a conformance test');
  });

  it('refuses a plan when the shipped vectors of its instrument version fail', () => {
    const wrong = shipped().map((entry) => (entry.id !== 'k10' ? entry : { ...entry, cases: entry.cases.map((c) => (c.id === 'edge-30' && !('rejected' in c.expect) ? { ...c, expect: { ...c.expect, tier: 'medium' as const } } : c)) }));
    const read = readKioskPlan(demo, '2026-11-22', wrong);
    expect(read.ok ? [] : read.issues.map((found) => found.params?.instrument)).toEqual(['K10 (k10@1.0.0)']);
  });
});
