import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBattery, tierRank, type Instrument, type ScoringEngine } from '../../../scoring/index.ts';
import { demoInstrument, demoPolicy } from '../../support/fixtures.ts';
import { defaultPolicy, shippedInstrument } from '../../support/library.ts';

/** Random complete answers for a battery: one scored option per item (refusals excluded). */
function answersArbitrary(instruments: readonly Instrument[]) {
  const entries = instruments.flatMap((def) => def.items.map((item) => {
    const values = (def.optionSets[item.options] ?? []).filter((o) => o.refusal !== true).map((o) => o.value);
    return [item.id, fc.constantFrom(...values)] as const;
  }));
  return fc.record(Object.fromEntries(entries));
}

function checkMonotone(engine: ScoringEngine, instruments: readonly Instrument[]) {
  const raisable = instruments.flatMap((def) => def.items.filter((item) => item.reverse !== true).map((item) => ({ def, item })));
  fc.assert(fc.property(answersArbitrary(instruments), fc.nat(raisable.length - 1), (answers, pick) => {
    const target = raisable[pick];
    if (!target) return;
    const values = (target.def.optionSets[target.item.options] ?? []).filter((o) => o.refusal !== true).map((o) => o.value).sort((a, b) => a - b);
    const current = answers[target.item.id] as number;
    const higher = values.find((v) => v > current);
    if (higher === undefined) return;
    const respondent = { id: 'p', grade: 8, sex: 'female' as const };
    const before = engine.score({ respondent, answers });
    const after = engine.score({ respondent, answers: { ...answers, [target.item.id]: higher } });
    if (!before.ok || !after.ok) throw new Error('complete answers must score');
    expect(tierRank(after.value.tier)).toBeGreaterThanOrEqual(tierRank(before.value.tier));
    expect(after.value.flags.urgent || !before.value.flags.urgent).toBe(true);
  }), { numRuns: 500, seed: 20261122 });
}

describe('a higher answer on a non-reversed item never lowers the tier', () => {
  it('on the synthetic instrument', () => {
    const instruments = [demoInstrument()];
    checkMonotone(compileBattery({ instruments, norms: [], policy: demoPolicy() }), instruments);
  });

  it('on the shipped PHQ-9 + GAD-7 + ASQ battery with the default policy', () => {
    const instruments = ['phq9', 'gad7', 'asq'].map(shippedInstrument);
    checkMonotone(compileBattery({ instruments, norms: [], policy: defaultPolicy() }), instruments);
  });

  it('on the shipped K10 with the default policy', () => {
    const instruments = [shippedInstrument('k10')];
    checkMonotone(compileBattery({ instruments, norms: [], policy: defaultPolicy() }), instruments);
  });
});
