import { describe, expect, it } from 'vitest';
import { TIERS, type Tier, type TierPolicy } from '../../../scoring/index.ts';
import { rescoreWave, type Wave } from '../../../src/records/index.ts';
import { previewPolicy } from '../../../src/teacher/workspace/policyPreview.ts';
import { defaultPolicy, shippedCatalog } from '../../support/library.ts';
import { PLAN, screenedCohort } from './normsSupport.ts';

const cohort = screenedCohort({ 7: 60, 8: 60, 9: 40 }, 7);
const waves: Wave[] = cohort.records.flatMap((record) => record.waves.filter((wave) => wave.status === 'completed'));

/** The default policy with PHQ-9 high from 12 (was 15) and medium from 8 to 12 (was 10 to 15). */
function lowerPhqCutOffs(): TierPolicy {
  const base = defaultPolicy();
  return {
    ...base, id: 'school-policy', version: '1.0.0',
    rules: base.rules.map((rule) => rule.id === 'phq9-high' ? { ...rule, gte: 12 } : rule.id === 'phq9-medium' ? { ...rule, gte: 8, lt: 12 } : rule),
  };
}

const sum = (wave: Wave, prefix: string, items: number) => Array.from({ length: items }, (_, i) => wave.answers[`${prefix}_${i + 1}`] ?? 0).reduce((a, b) => a + b, 0);
const selfHarm = (wave: Wave) => (wave.answers.phq9_9 ?? 0) >= 1 || [1, 2, 3, 4].some((item) => wave.answers[`asq_${item}`] === 1);
const count = (tiers: readonly Tier[]) => Object.fromEntries(TIERS.map((tier) => [tier, tiers.filter((t) => t === tier).length]));

describe('tier policy preview', () => {
  it('counts per rule and per tier match scoring every wave again by hand with a changed PHQ-9 cut-off', () => {
    const policy = lowerPhqCutOffs();
    const preview = previewPolicy(cohort.records, PLAN, shippedCatalog(), policy);
    expect(preview.scored).toBe(waves.length);
    expect(preview.skipped).toEqual([]);
    expect(preview.normsMissing).toBe(0);

    // by hand, from the raw answers: the edited PHQ-9 rules, the unchanged GAD-7 rules, critical items force high
    const byHand = waves.map((wave): Tier => {
      const phq = sum(wave, 'phq9', 9);
      const gad = sum(wave, 'gad7', 7);
      if (selfHarm(wave) || phq >= 12 || gad >= 15) return 'high';
      return (phq >= 8) || (gad >= 10) ? 'medium' : 'low';
    });
    expect(preview.proposed).toEqual(count(byHand));
    const phqTotals = waves.map((wave) => sum(wave, 'phq9', 9));
    const rule = (id: string) => preview.rules.find((entry) => entry.id === id);
    expect(rule('phq9-high')?.matched).toBe(phqTotals.filter((total) => total >= 12).length);
    expect(rule('phq9-medium')?.matched).toBe(phqTotals.filter((total) => total >= 8 && total < 12).length);
    expect(rule('gad7-medium')?.matched).toBe(waves.filter((wave) => sum(wave, 'gad7', 7) >= 10 && sum(wave, 'gad7', 7) < 15).length);
    expect(rule('k10-high')?.matched).toBe(0); // not in this battery
    expect(preview.rules.map((entry) => entry.id)).toEqual(policy.rules.map((entry) => entry.id));

    // and by the records module's own re-scoring, wave by wave
    const rescored = waves.map((wave) => {
      const again = rescoreWave(wave, shippedCatalog().instruments, [], policy, { label: 'preview', at: '2026-11-20T00:00:00.000Z' });
      if (!again.ok) throw new Error(JSON.stringify(again.issues));
      return again.value.results.at(-1)!.result.tier;
    });
    expect(preview.proposed).toEqual(count(rescored));

    // the current counts are the tiers the screening computed, and the moves add up
    expect(preview.current).toEqual(count(waves.map((wave) => wave.results[0]!.result.tier)));
    for (const tier of TIERS) {
      expect(TIERS.reduce((total, to) => total + preview.moves[tier][to], 0)).toBe(preview.current[tier]);
      expect(TIERS.reduce((total, from) => total + preview.moves[from][tier], 0)).toBe(preview.proposed[tier]);
    }
    // lowering cut-offs only ever raises a tier
    expect(preview.moves.medium.low + preview.moves.high.low + preview.moves.high.medium).toBe(0);
    expect(preview.moves.low.medium + preview.moves.medium.high + preview.moves.low.high).toBeGreaterThan(0);
  });

  it('counts a rule as decisive only where the student would otherwise be lower', () => {
    const preview = previewPolicy(cohort.records, PLAN, shippedCatalog(), lowerPhqCutOffs());
    const decisiveHigh = waves.filter((wave) => !selfHarm(wave) && sum(wave, 'phq9', 9) >= 12 && sum(wave, 'gad7', 7) < 15).length;
    expect(preview.rules.find((entry) => entry.id === 'phq9-high')?.decisive).toBe(decisiveHigh);
  });

  it('still puts every student with a critical answer at high, even under a policy with no rules', () => {
    const none: TierPolicy = { ...defaultPolicy(), id: 'no-rules', rules: [] };
    const preview = previewPolicy(cohort.records, PLAN, shippedCatalog(), none);
    const critical = waves.filter(selfHarm).length;
    expect(critical).toBeGreaterThan(5);
    expect(preview.critical).toBe(critical);
    expect(preview.proposed).toEqual({ low: waves.length - critical, medium: 0, high: critical });
    expect(preview.moves.high.high).toBe(critical);
    expect(preview.rules).toEqual([]);
  });

  it('re-evaluates validity with the edited settings', () => {
    const relaxed: TierPolicy = { ...defaultPolicy(), id: 'relaxed', validity: { ...defaultPolicy().validity, minSecondsPerItem: 0 } };
    const current = waves.filter((wave) => wave.results[0]!.result.validity.status === 'invalid').length;
    const preview = previewPolicy(cohort.records, PLAN, shippedCatalog(), relaxed);
    expect(current).toBeGreaterThan(0);
    expect(preview.invalid).toEqual({ current, proposed: 0 });
    expect(previewPolicy(cohort.records, PLAN, shippedCatalog(), defaultPolicy()).invalid).toEqual({ current, proposed: current });
  });

  it('lists waves it cannot score again instead of guessing', () => {
    const catalog = { ...shippedCatalog(), instruments: shippedCatalog().instruments.filter((def) => def.id !== 'gad7') };
    const preview = previewPolicy(cohort.records, PLAN, catalog, defaultPolicy());
    expect(preview.scored).toBe(0);
    expect(preview.skipped).toHaveLength(waves.length);
    expect(preview.skipped[0]).toMatchObject({ reason: 'instrument_missing', ref: expect.stringMatching(/^gad7@1\.0\.0#/) });
  });

  it('with the policy the screening used, nothing moves', () => {
    const preview = previewPolicy(cohort.records, PLAN, shippedCatalog(), defaultPolicy());
    expect(preview.proposed).toEqual(preview.current);
    for (const tier of TIERS) expect(preview.moves[tier][tier]).toBe(preview.current[tier]);
  });
});
