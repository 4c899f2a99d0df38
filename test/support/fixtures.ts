import { refOf, type Instrument, type NormTable, type Plan, type TierPolicy } from '../../scoring/index.ts';

const t = (text: string) => ({ 'zh-CN': `（中）${text}`, en: text });

/**
 * A small synthetic instrument exercising every feature of the format (reverse keys, two scales,
 * bands, a show-if, a critical item, consistency pairs). It is not a published instrument: tests of
 * published scoring use the shipped library files.
 */
export function demoInstrument(): Instrument {
  return {
    kind: 'instrument',
    id: 'demo-mood',
    version: '1.0.0',
    abbreviation: 'DM-6',
    name: t('Demo mood scale'),
    wordingVerified: true,
    source: { citation: 'Synthetic test instrument.' },
    licence: { terms: 'Test only.', notice: t('Test only.') },
    ages: { min: 9, max: 18 },
    grades: { min: 4, max: 12 },
    instructions: t('How often in the last two weeks?'),
    optionSets: {
      freq: [
        { value: 0, label: t('Never') },
        { value: 1, label: t('Sometimes') },
        { value: 2, label: t('Often') },
        { value: 3, label: t('Always') },
      ],
      yesno: [
        { value: 1, label: t('Yes') },
        { value: 0, label: t('No') },
        { value: -1, label: t('Prefer not to say'), refusal: true },
      ],
    },
    items: [
      { id: 'demomood_1', text: t('Sad'), options: 'freq' },
      { id: 'demomood_2', text: t('Cheerful'), options: 'freq', reverse: true },
      { id: 'demomood_3', text: t('Worried'), options: 'freq' },
      { id: 'demomood_4', text: t('Calm'), options: 'freq', reverse: true },
      { id: 'demomood_5', text: t('Thoughts of self-harm?'), options: 'yesno' },
      { id: 'demomood_6', text: t('Right now?'), options: 'yesno', showIf: { item: 'demomood_5', op: 'eq', value: 1 } },
    ],
    scales: [
      {
        id: 'total', name: t('Total'), items: ['demomood_1', 'demomood_2', 'demomood_3', 'demomood_4'], method: 'sum',
        missing: { rule: 'prorate', maxMissing: 1 },
        bands: [
          { id: 'none', label: t('None'), gte: 0, lt: 5 },
          { id: 'some', label: t('Some'), gte: 5, lt: 9 },
          { id: 'much', label: t('Much'), gte: 9 },
        ],
      },
      { id: 'mood', name: t('Mood'), items: ['demomood_1', 'demomood_2'], method: 'mean', missing: { rule: 'invalidate' } },
    ],
    critical: [
      { id: 'self-harm', flag: 'urgent', when: { item: 'demomood_5', op: 'eq', value: 1 }, positiveIfUnanswered: true, reason: t('Self-harm thoughts') },
      { id: 'right-now', flag: 'acute', when: { item: 'demomood_6', op: 'eq', value: 1 }, positiveIfUnanswered: true, reason: t('Now') },
    ],
    consistencyPairs: [
      { a: 'demomood_1', b: 'demomood_2', relation: 'opposite', maxDifference: 2 },
      { a: 'demomood_3', b: 'demomood_4', relation: 'opposite', maxDifference: 2 },
    ],
  };
}

export function demoPolicy(): TierPolicy {
  return {
    kind: 'policy', id: 'demo-policy', version: '1.0.0', name: t('Demo policy'),
    rules: [
      { id: 'total-high', tier: 'high', instrument: 'demo-mood', scale: 'total', measure: 'raw', gte: 9 },
      { id: 'total-medium', tier: 'medium', instrument: 'demo-mood', scale: 'total', measure: 'raw', gte: 5, lt: 9 },
    ],
    validity: { minSecondsPerItem: 2, fastItemShare: 0.5, longStringMinItems: 4 },
  };
}

export function demoNorms(): NormTable {
  return {
    kind: 'norms', id: 'demo-norms', version: '1.0.0', name: t('Demo norms'), instrument: 'demo-mood', instrumentVersions: ['1.0.0'],
    source: { citation: 'Synthetic.' },
    scales: {
      total: [
        { group: { grades: [7, 8, 9], sex: 'female' }, n: 400, mean: 4, sd: 2 },
        { group: { grades: [7, 8, 9], sex: 'any' }, n: 800, mean: 3, sd: 2 },
        { group: { grades: [10, 11, 12], sex: 'any' }, n: 600, mean: 5, sd: 2.5,
          percentiles: [{ raw: 0, percentile: 1 }, { raw: 4, percentile: 40 }, { raw: 6, percentile: 60 }, { raw: 12, percentile: 99.5 }] },
      ],
    },
  };
}

/** Deep copy with a change applied, for building malformed variants of a valid definition. */
export function mutate<T>(value: T, change: (copy: Record<string, any>) => void): unknown {
  const copy = structuredClone(value) as Record<string, any>;
  change(copy);
  return copy;
}

/** A plan with a general junior band and a vocational senior band, both giving the demo instrument. */
export function demoPlan(): Plan {
  const instrument = demoInstrument();
  return {
    kind: 'plan', id: 'demo-plan', version: '1.0.0', name: { 'zh-CN': '演示', en: 'Demo' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2027-06-30' },
    gradeBands: [
      { id: 'junior', name: { 'zh-CN': '初中', en: 'Junior' }, grades: [7, 8, 9], instruments: [refOf(instrument)], norms: ['demo-norms@1.0.0'], policy: 'demo-policy@1.0.0' },
      { id: 'vocational', name: { 'zh-CN': '中职', en: 'Vocational' }, grades: [10, 11, 12], track: 'vocational', instruments: [refOf(instrument)], norms: [], policy: 'demo-policy@1.0.0' },
    ],
    instruments: [instrument], norms: [demoNorms()], policies: [demoPolicy()],
  };
}
