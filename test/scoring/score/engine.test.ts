import { describe, expect, it } from 'vitest';
import { compileBattery, type Answers, type BatteryResult, type Respondent } from '../../../scoring/index.ts';
import { demoInstrument, demoNorms, demoPolicy } from '../../support/fixtures.ts';

const girl8: Respondent = { id: 's1', grade: 8, sex: 'female' };
const boy8: Respondent = { id: 's2', grade: 8, sex: 'male' };
const boy11: Respondent = { id: 's3', grade: 11, sex: 'male' };
const engine = compileBattery({ instruments: [demoInstrument()], norms: [demoNorms()], policy: demoPolicy() });

function score(answers: Answers, respondent: Respondent = girl8, seconds?: Record<string, number>): BatteryResult {
  const outcome = engine.score(seconds ? { respondent, answers, seconds } : { respondent, answers });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}
const scale = (result: BatteryResult, id: string) => result.instruments[0]?.scales.find((s) => s.id === id);
const noRisk = { demomood_5: 0 };

describe('scale scores', () => {
  // items 2 and 4 are reverse keyed over 0..3: v → 3 − v
  it.each([
    [{ demomood_1: 0, demomood_2: 3, demomood_3: 0, demomood_4: 3 }, 0],
    [{ demomood_1: 3, demomood_2: 0, demomood_3: 3, demomood_4: 0 }, 12],
    [{ demomood_1: 2, demomood_2: 2, demomood_3: 1, demomood_4: 0 }, 2 + 1 + 1 + 3],
  ])('reverse keys before summing: %o → %i', (answers, total) => {
    expect(scale(score({ ...answers, ...noRisk }), 'total')?.raw).toBe(total);
  });

  it('prorates one missing item as round(mean × length), half up', () => {
    // answered 1, 3−1=2, 2 → mean 5/3, × 4 = 6.67 → 7
    const result = scale(score({ demomood_1: 1, demomood_2: 1, demomood_3: 2, ...noRisk }), 'total');
    expect(result).toMatchObject({ raw: 7, answered: 3, missing: 1, prorated: true, band: 'some' });
    // answered 0, 3, 0 → mean 1, × 4 = 4 exactly
    expect(scale(score({ demomood_1: 0, demomood_2: 0, demomood_3: 0, ...noRisk }), 'total')?.raw).toBe(4);
    // 1, 3−2, 1 → mean 1 ... and a true half: 0, 3−2, 1 → 2/3 × 4 = 2.67 → 3
    expect(scale(score({ demomood_1: 0, demomood_2: 2, demomood_3: 1, ...noRisk }), 'total')?.raw).toBe(3);
  });

  it('leaves a scale unscored when more items are missing than the rule allows', () => {
    const result = score({ demomood_1: 3, demomood_2: 0, ...noRisk });
    expect(scale(result, 'total')).toMatchObject({ raw: null, missing: 2 });
    expect(result.validity.status).toBe('invalid');
    expect(result.validity.retest).toBe(true);
    expect(result.validity.reasons.map((r) => r.code)).toContain('scale_not_scorable');
  });

  it('treats a refusal as missing, never as a score', () => {
    const refusedInstrument = demoInstrument();
    expect(scale(score({ demomood_1: 1, demomood_2: 3, demomood_3: 1, demomood_4: 3, demomood_5: -1 }), 'total')?.raw).toBe(2);
    expect(refusedInstrument.optionSets.yesno?.find((o) => o.value === -1)?.refusal).toBe(true);
  });

  it('takes the mean for a mean scale and invalidates it on any missing item', () => {
    expect(scale(score({ demomood_1: 3, demomood_2: 2, ...noRisk }), 'mood')?.raw).toBe(2); // (3 + (3−2)) / 2
    expect(scale(score({ demomood_1: 3, ...noRisk }), 'mood')?.raw).toBeNull();
  });
});

describe('norms', () => {
  const answers = { demomood_1: 2, demomood_2: 1, demomood_3: 1, demomood_4: 2, ...noRisk }; // 2+2+1+1 = 6

  it('uses the group for the student’s own sex before the "any" group', () => {
    // girls grades 7–9: mean 4, SD 2 → T = 50 + 10·(6−4)/2 = 60; Φ(1) = 84.13 %
    expect(scale(score(answers, girl8), 'total')?.norm).toEqual({ table: 'demo-norms@1.0.0', group: 'grades 7-9, female', n: 400, t: 60, percentile: 84.1, percentileMethod: 'normal' });
    // boys fall back to "any": mean 3, SD 2 → T = 65; Φ(1.5) = 93.32 %
    expect(scale(score(answers, boy8), 'total')?.norm).toMatchObject({ group: 'grades 7-9, any', t: 65, percentile: 93.3 });
  });

  it('reads percentiles from the table, linear between points', () => {
    // grades 10–12: mean 5, SD 2.5 → T = 54; table 4 → 40, 6 → 60, so 6 → 60 exactly
    expect(scale(score(answers, boy11), 'total')?.norm).toMatchObject({ t: 54, percentile: 60, percentileMethod: 'table' });
    // raw 5 (between 4 and 6) → 50
    const five = { demomood_1: 2, demomood_2: 1, demomood_3: 1, demomood_4: 3, ...noRisk };
    expect(scale(score(five, boy11), 'total')?.norm).toMatchObject({ t: 50, percentile: 50 });
  });

  it('says why there is no T-score when no group matches', () => {
    const result = score(answers, { id: 'p', grade: 5, sex: 'male' });
    expect(scale(result, 'total')).toMatchObject({ raw: 6, band: 'some', normMissing: 'no_group' });
    expect(scale(result, 'total')?.norm).toBeUndefined();
    expect(scale(result, 'mood')?.normMissing).toBe('no_table');
  });
});

describe('tiers and critical items', () => {
  it.each([
    [{ demomood_1: 1, demomood_2: 2, demomood_3: 1, demomood_4: 3 }, 3, 'low'],
    [{ demomood_1: 1, demomood_2: 2, demomood_3: 1, demomood_4: 2 }, 4, 'low'],
    [{ demomood_1: 2, demomood_2: 1, demomood_3: 0, demomood_4: 2 }, 5, 'medium'],
    [{ demomood_1: 3, demomood_2: 0, demomood_3: 2, demomood_4: 3 }, 8, 'medium'],
    [{ demomood_1: 3, demomood_2: 0, demomood_3: 3, demomood_4: 3 }, 9, 'high'],
  ] as const)('boundary: %o (total %i) → %s', (answers, total, tier) => {
    const result = score({ ...answers, ...noRisk });
    expect(scale(result, 'total')?.raw).toBe(total);
    expect(result.tier).toBe(tier);
    expect(result.flags).toEqual({ urgent: false, acute: false });
  });

  it('forces high and urgent on a critical answer whatever the totals, and keeps the reason', () => {
    const result = score({ demomood_1: 0, demomood_2: 3, demomood_3: 0, demomood_4: 3, demomood_5: 1, demomood_6: 0 });
    expect(result.tier).toBe('high');
    expect(result.flags).toEqual({ urgent: true, acute: false });
    expect(result.reasons).toEqual([{ kind: 'critical', id: 'self-harm', instrument: result.instruments[0]?.instrument, flag: 'urgent', because: 'answer' }]);
  });

  it('counts a refused or skipped critical item as positive, but not one that was never asked', () => {
    const base = { demomood_1: 0, demomood_2: 3, demomood_3: 0, demomood_4: 3 };
    expect(score({ ...base, demomood_5: -1 }).flags.urgent).toBe(true);
    expect(score(base).flags.urgent).toBe(true);
    // demomood_6 is only asked after a yes on demomood_5: no answer to it here is not "unanswered"
    const notAsked = score({ ...base, demomood_5: 0 });
    expect(notAsked.flags).toEqual({ urgent: false, acute: false });
    // asked (5 = yes) and refused → acute
    expect(score({ ...base, demomood_5: 1, demomood_6: -1 }).flags).toEqual({ urgent: true, acute: true });
  });

  it('never hides a flag behind an invalid result', () => {
    const result = score({ demomood_5: 1, demomood_6: 1 }, girl8, { demomood_5: 0.4, demomood_6: 0.3 });
    expect(result.validity.status).toBe('invalid');
    expect(result.tier).toBe('high');
    expect(result.flags).toEqual({ urgent: true, acute: true });
  });

  it('records every input it used', () => {
    const result = score({ demomood_1: 0, demomood_2: 3, demomood_3: 0, demomood_4: 3, ...noRisk });
    expect(result.used).toEqual({ policy: 'demo-policy@1.0.0', norms: ['demo-norms@1.0.0'] });
    expect(result.instruments[0]?.instrument).toMatch(/^demo-mood@1\.0\.0#[0-9a-f]{64}$/);
  });
});

describe('bad answers', () => {
  it('rejects an answer to an item the battery does not have, naming it', () => {
    const outcome = engine.score({ respondent: girl8, answers: { demomood_9: 1 } });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues).toEqual([{ code: 'answer_unknown_item', path: ['answers', 'demomood_9'], params: { item: 'demomood_9' } }]);
  });
  it('rejects a value that is not one of the item’s options', () => {
    const outcome = engine.score({ respondent: girl8, answers: { demomood_1: 4 } });
    expect(!outcome.ok && outcome.issues[0]).toMatchObject({ code: 'answer_not_an_option', path: ['answers', 'demomood_1'] });
  });
});

describe('validity', () => {
  const honest = { demomood_1: 1, demomood_2: 2, demomood_3: 1, demomood_4: 1, demomood_5: 0 };
  const seconds = (each: number) => Object.fromEntries(Object.keys(honest).map((id) => [id, each]));

  it('is ok for an unhurried, varied response', () => {
    expect(score(honest, girl8, seconds(4)).validity).toEqual({ status: 'ok', reasons: [], retest: false });
  });
  it('is invalid when answers average under 2 s per item', () => {
    const validity = score(honest, girl8, seconds(1.5)).validity;
    expect(validity.status).toBe('invalid');
    expect(validity.reasons[0]).toMatchObject({ code: 'too_fast', detail: { meanSeconds: 1.5, threshold: 2 } });
  });
  it('is questionable when half the items are fast but the mean is not', () => {
    const validity = score(honest, girl8, { demomood_1: 1, demomood_2: 1, demomood_3: 1, demomood_4: 8, demomood_5: 8 }).validity;
    expect(validity).toMatchObject({ status: 'questionable', retest: false });
    expect(validity.reasons[0]?.code).toBe('many_fast_items');
  });
  it('flags straight-lining on an instrument with reverse keys, even on the lowest option', () => {
    // "Never" to both sad and cheerful contradicts itself
    const validity = score({ demomood_1: 0, demomood_2: 0, demomood_3: 0, demomood_4: 0, demomood_5: 0 }, girl8).validity;
    expect(validity.reasons.map((r) => [r.code, r.status])).toEqual([
      ['long_string_contradicts_reverse_keys', 'questionable'],
      ['inconsistent_pairs', 'invalid'],
    ]);
  });
  it('does not flag all-lowest answers on an instrument without reverse keys', () => {
    const plain = compileBattery({ instruments: [{ ...demoInstrument(), items: demoInstrument().items.map(({ reverse: _r, ...item }) => item), consistencyPairs: [] }], norms: [], policy: demoPolicy() });
    const outcome = plain.score({ respondent: girl8, answers: { demomood_1: 0, demomood_2: 0, demomood_3: 0, demomood_4: 0, demomood_5: 0 } });
    expect(outcome.ok && outcome.value.validity.status).toBe('ok');
  });
  it('flags inconsistent answer pairs', () => {
    // pair 1: sad=3, cheerful=0 → reversed 3: consistent; pair 2: worried=3, calm=3 → reversed 0: |3-0| > 2
    const validity = score({ demomood_1: 3, demomood_2: 0, demomood_3: 3, demomood_4: 3, demomood_5: 0 }).validity;
    expect(validity.reasons).toContainEqual(expect.objectContaining({ code: 'inconsistent_pairs', status: 'questionable', detail: { inconsistent: 1, compared: 2 } }));
  });
});
