import { describe, expect, it } from 'vitest';
import { compileBattery, normsFor, type Answers, type BatteryResult, type Respondent } from '../../../scoring/index.ts';
import { defaultPolicy, shippedCatalog, shippedInstrument } from '../../support/library.ts';

/**
 * Scoring of the shipped instruments against their published rules: PHQ-9 and GAD-7 (Kroenke 2001,
 * Spitzer 2006: item sums and severity cut-offs 5/10/15/20), K10 (Andrews & Slade 2001 1–5 scoring; the
 * 2019 Chinese student survey bands 20/25/30 and mean 21.5, SD 9.2), K6 (Kessler 2003: 0–4, ≥ 13),
 * WHO-5 (Topp 2015: raw × 4, ≤ 7 likely depression, ≤ 12 poor well-being), ASQ (NIMH: any yes or
 * refusal to items 1–4 is positive; item 5 yes is acute).
 */
const student: Respondent = { id: 's', grade: 8, sex: 'female' };

function engineFor(ids: string[]) {
  const instruments = ids.map(shippedInstrument);
  const norms = instruments.flatMap((def) => normsFor(shippedCatalog(), def));
  return compileBattery({ instruments, norms, policy: defaultPolicy() });
}
function scoreWith(ids: string[], answers: Answers, respondent: Respondent = student): BatteryResult {
  const outcome = engineFor(ids).score({ respondent, answers });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}
/** Answers for items prefix_1..prefix_n that sum to `total`, filling from the first item up to `max` each. */
function answersSumming(prefix: string, count: number, total: number, min: number, max: number): Record<string, number> {
  let rest = total - count * min;
  const answers: Record<string, number> = {};
  for (let i = 1; i <= count; i++) {
    const extra = Math.min(max - min, Math.max(rest, 0));
    answers[`${prefix}_${i}`] = min + extra;
    rest -= extra;
  }
  if (rest !== 0) throw new Error(`cannot reach ${total}`);
  return answers;
}
const asqAllNo = { asq_1: 0, asq_2: 0, asq_3: 0, asq_4: 0 };

describe('PHQ-9', () => {
  // item 9 is answered 0 and the total is built from items 1–8, so no critical flag interferes
  const phq = (total: number): Answers => ({ ...answersSumming('phq9', 8, total, 0, 3), phq9_9: 0 });
  it.each([
    [0, 'minimal', 'low'], [4, 'minimal', 'low'], [5, 'mild', 'low'], [9, 'mild', 'low'],
    [10, 'moderate', 'medium'], [14, 'moderate', 'medium'], [15, 'moderately-severe', 'high'],
    [19, 'moderately-severe', 'high'], [20, 'severe', 'high'], [24, 'severe', 'high'],
  ] as const)('total %i → band %s, tier %s', (total, band, tier) => {
    const result = scoreWith(['phq9'], phq(total));
    expect(result.instruments[0]?.scales[0]).toMatchObject({ id: 'total', raw: total, band, prorated: false });
    expect(result.tier).toBe(tier);
    expect(result.flags.urgent).toBe(false);
  });

  it('reaches 27 with every item at 3 (and that flags item 9)', () => {
    const all3 = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, 3]));
    const result = scoreWith(['phq9'], all3);
    expect(result.instruments[0]?.scales[0]?.raw).toBe(27);
    expect(result.flags.urgent).toBe(true);
  });

  it('does not count the functional-difficulty item (item 10) in the total', () => {
    const result = scoreWith(['phq9'], { ...phq(6), phq9_10: 3 });
    expect(result.instruments[0]?.scales[0]?.raw).toBe(6);
  });

  it('prorates one missing item: 8 answers summing to 4 → 4 × 9/8 = 4.5 → 5 (mild)', () => {
    const answers = { phq9_1: 1, phq9_2: 1, phq9_3: 1, phq9_4: 1, phq9_5: 0, phq9_6: 0, phq9_7: 0, phq9_9: 0 };
    expect(scoreWith(['phq9'], answers).instruments[0]?.scales[0]).toMatchObject({ raw: 5, band: 'mild', prorated: true, missing: 1 });
  });

  it('leaves the total unscored with two items missing, asks for a re-test, and still flags item 9', () => {
    const result = scoreWith(['phq9'], { phq9_1: 3, phq9_2: 3, phq9_3: 3, phq9_4: 3, phq9_5: 3, phq9_6: 3, phq9_9: 1 });
    expect(result.instruments[0]?.scales[0]?.raw).toBeNull();
    expect(result.validity).toMatchObject({ status: 'invalid', retest: true });
    expect(result.tier).toBe('high');
    expect(result.flags.urgent).toBe(true);
  });

  it.each([
    ['item 9 = 1 with a total of 1', { ...phq(0), phq9_9: 1 }],
    ['item 9 = 3', { ...phq(2), phq9_9: 3 }],
    ['item 9 skipped', answersSumming('phq9', 8, 3, 0, 3)],
  ])('forces high + urgent: %s', (_label, answers) => {
    const result = scoreWith(['phq9'], answers);
    expect(result.tier).toBe('high');
    expect(result.flags).toEqual({ urgent: true, acute: false });
    expect(result.reasons).toContainEqual(expect.objectContaining({ kind: 'critical', id: 'phq9-item9' }));
  });
});

describe('GAD-7', () => {
  it.each([
    [4, 'minimal', 'low'], [5, 'mild', 'low'], [9, 'mild', 'low'], [10, 'moderate', 'medium'],
    [14, 'moderate', 'medium'], [15, 'severe', 'high'], [21, 'severe', 'high'],
  ] as const)('total %i → band %s, tier %s', (total, band, tier) => {
    const result = scoreWith(['gad7'], answersSumming('gad7', 7, total, 0, 3));
    expect(result.instruments[0]?.scales[0]).toMatchObject({ raw: total, band });
    expect(result.tier).toBe(tier);
  });
});

describe('ASQ', () => {
  it('is negative when items 1–4 are all no; item 5 is then not asked and its absence is no flag', () => {
    const result = scoreWith(['asq'], asqAllNo);
    expect(result).toMatchObject({ tier: 'low', flags: { urgent: false, acute: false } });
  });
  it.each(['asq_1', 'asq_2', 'asq_3', 'asq_4'])('a yes to %s is a positive screen: high + urgent', (item) => {
    const result = scoreWith(['asq'], { ...asqAllNo, [item]: 1, asq_5: 0 });
    expect(result).toMatchObject({ tier: 'high', flags: { urgent: true, acute: false } });
  });
  it('a refusal counts as positive', () => {
    expect(scoreWith(['asq'], { ...asqAllNo, asq_3: -1 }).flags.urgent).toBe(true);
  });
  it('item 5 yes is acute; refusing item 5 once asked is acute too', () => {
    expect(scoreWith(['asq'], { ...asqAllNo, asq_1: 1, asq_5: 1 }).flags).toEqual({ urgent: true, acute: true });
    expect(scoreWith(['asq'], { ...asqAllNo, asq_2: 1, asq_5: -1 }).flags).toEqual({ urgent: true, acute: true });
    expect(scoreWith(['asq'], { ...asqAllNo, asq_2: 1 }).flags).toEqual({ urgent: true, acute: true });
  });
  it('in a battery, overrides low symptom totals', () => {
    const result = scoreWith(['phq9', 'gad7', 'asq'], { ...answersSumming('phq9', 9, 0, 0, 3), ...answersSumming('gad7', 7, 0, 0, 3), ...asqAllNo, asq_4: 1, asq_5: 0 });
    expect(result.tier).toBe('high');
    expect(result.reasons).toEqual([expect.objectContaining({ kind: 'critical', id: 'asq-item4', flag: 'urgent', because: 'answer' })]);
  });
});

describe('K10 with the 2019 Chinese student norms', () => {
  const k10 = (total: number) => answersSumming('k10', 10, total, 1, 5);
  it.each([
    [10, 'none', 'low'], [19, 'none', 'low'], [20, 'mild', 'low'], [24, 'mild', 'low'],
    [25, 'moderate', 'medium'], [29, 'moderate', 'medium'], [30, 'severe', 'high'], [50, 'severe', 'high'],
  ] as const)('total %i → band %s, tier %s', (total, band, tier) => {
    const result = scoreWith(['k10'], k10(total));
    expect(result.instruments[0]?.scales[0]).toMatchObject({ raw: total, band });
    expect(result.tier).toBe(tier);
  });
  it.each([
    // T = 50 + 10 (raw − 21.5) / 9.2; percentile = Φ((raw − 21.5) / 9.2), normal approximation
    [30, 59.2, 82.2], [21, 49.5, 47.8], [10, 37.5, 10.6], [40, 70.1, 97.8],
  ])('raw %i → T %d, percentile %d', (raw, t, percentile) => {
    const norm = scoreWith(['k10'], k10(raw), { id: 'p', grade: 5, sex: 'male' }).instruments[0]?.scales[0]?.norm;
    expect(norm).toMatchObject({ table: 'k10-cn-students-2019@1.0.0', t, percentile, percentileMethod: 'normal', n: 148892 });
  });
});

describe('K6 and WHO-5', () => {
  it.each([[12, 'low'], [13, 'high']] as const)('K6 total %i → %s (Kessler 2003 cut-off ≥ 13)', (total, tier) => {
    const result = scoreWith(['k6'], answersSumming('k6', 6, total, 0, 4), { id: 'p', grade: 10, sex: 'male' });
    expect(result.instruments[0]?.scales[0]?.raw).toBe(total);
    expect(result.tier).toBe(tier);
  });
  it.each([
    [7, 28, 'likely-depression', 'medium'], [8, 32, 'poor-wellbeing', 'low'], [12, 48, 'poor-wellbeing', 'low'], [13, 52, 'adequate', 'low'], [25, 100, 'adequate', 'low'],
  ] as const)('WHO-5 raw %i → %i %%, band %s, tier %s', (raw, percent, band, tier) => {
    const result = scoreWith(['who5'], answersSumming('who5', 5, raw, 0, 5), { id: 'p', grade: 6, sex: 'female' });
    const scales = result.instruments[0]?.scales;
    expect(scales?.find((s) => s.id === 'raw')).toMatchObject({ raw, band });
    expect(scales?.find((s) => s.id === 'percent')).toMatchObject({ raw: percent, band });
    expect(result.tier).toBe(tier);
  });
});
