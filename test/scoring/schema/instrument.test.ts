import { describe, expect, it } from 'vitest';
import { formatIssue, parseDefinition, parseInstrument, type Issue } from '../../../scoring/index.ts';
import { demoInstrument, mutate } from '../../support/fixtures.ts';

const codesAndPaths = (issues: readonly Issue[]) => issues.map((found) => ({ code: found.code, path: found.path.join('.') }));

describe('instrument schema', () => {
  it('accepts a definition that uses every feature', () => {
    const parsed = parseInstrument(demoInstrument());
    expect(parsed.ok).toBe(true);
  });

  const malformed: [string, (d: Record<string, any>) => void, { code: string; path: string }][] = [
    ['a typo in a key', (d) => { d.items[0].revers = true; }, { code: 'unknown_key', path: 'items.0.revers' }],
    ['an unknown top-level key', (d) => { d.licence_terms = 'x'; }, { code: 'unknown_key', path: 'licence_terms' }],
    ['a missing version', (d) => { delete d.version; }, { code: 'required', path: 'version' }],
    ['a version that is not semver', (d) => { d.version = '1.0'; }, { code: 'bad_semver', path: 'version' }],
    ['an id with capitals', (d) => { d.id = 'PHQ9'; }, { code: 'bad_slug', path: 'id' }],
    ['a text without English', (d) => { delete d.name.en; }, { code: 'required', path: 'name.en' }],
    ['an empty Chinese text', (d) => { d.items[1].text['zh-CN'] = '  '; }, { code: 'too_small', path: 'items.1.text.zh-CN' }],
    ['a duplicate item id', (d) => { d.items[2].id = 'demomood_1'; }, { code: 'duplicate_id', path: 'items.2.id' }],
    ['an item id without the instrument prefix', (d) => { d.items[0].id = 'other_1'; d.scales[0].items[0] = 'other_1'; d.scales[1].items[0] = 'other_1'; d.consistencyPairs[0].a = 'other_1'; }, { code: 'item_id_prefix', path: 'items.0.id' }],
    ['an unknown option set', (d) => { d.items[0].options = 'frequency'; }, { code: 'unknown_option_set', path: 'items.0.options' }],
    ['a scale naming a missing item', (d) => { d.scales[0].items.push('demomood_9'); }, { code: 'unknown_item', path: 'scales.0.items.4' }],
    ['a scale listing an item twice', (d) => { d.scales[0].items.push('demomood_1'); }, { code: 'duplicate_id', path: 'scales.0.items.4' }],
    ['an unknown scoring method', (d) => { d.scales[0].method = 'median'; }, { code: 'not_allowed', path: 'scales.0.method' }],
    ['an unknown missing rule', (d) => { d.scales[0].missing = { rule: 'impute' }; }, { code: 'not_allowed', path: 'scales.0.missing.rule' }],
    ['maxMissing as large as the scale', (d) => { d.scales[0].missing.maxMissing = 4; }, { code: 'max_missing_too_large', path: 'scales.0.missing.maxMissing' }],
    ['overlapping bands', (d) => { d.scales[0].bands[1].gte = 4; }, { code: 'bands_overlap', path: 'scales.0.bands.1.gte' }],
    ['a gap between bands', (d) => { d.scales[0].bands[1].gte = 6; }, { code: 'bands_gap', path: 'scales.0.bands.1.gte' }],
    ['bands that stop below the maximum score', (d) => { d.scales[0].bands[2].lt = 12; }, { code: 'bands_do_not_cover_max', path: 'scales.0.bands.2.lt' }],
    ['bands that start above the minimum', (d) => { d.scales[0].bands[0].gte = 1; }, { code: 'bands_do_not_cover_min', path: 'scales.0.bands.0.gte' }],
    ['an open band before the last', (d) => { delete d.scales[0].bands[0].lt; }, { code: 'band_open_before_last', path: 'scales.0.bands.0.lt' }],
    ['a show-if on a later item', (d) => { d.items[0].showIf = { item: 'demomood_2', op: 'eq', value: 1 }; }, { code: 'show_if_not_earlier', path: 'items.0.showIf' }],
    ['a critical rule on a missing item', (d) => { d.critical[0].when = { item: 'demomood_7', op: 'eq', value: 1 }; }, { code: 'unknown_item', path: 'critical.0.when' }],
    ['an unknown flag', (d) => { d.critical[0].flag = 'red'; }, { code: 'not_allowed', path: 'critical.0.flag' }],
    ['a condition with a bad operator', (d) => { d.critical[0].when.op = 'gt'; }, { code: 'not_allowed', path: 'critical.0.when.op' }],
    ['duplicate option values', (d) => { d.optionSets.freq[1].value = 0; }, { code: 'duplicate_id', path: 'optionSets.freq.1.value' }],
    ['an option set with one scored option', (d) => { d.optionSets.yesno = [d.optionSets.yesno[0], d.optionSets.yesno[2]]; }, { code: 'too_few_scored_options', path: 'optionSets.yesno' }],
    ['a non-integer option value', (d) => { d.optionSets.freq[1].value = 1.5; }, { code: 'wrong_type', path: 'optionSets.freq.1.value' }],
    ['grades out of range', (d) => { d.grades.max = 13; }, { code: 'too_big', path: 'grades.max' }],
    ['inverted ages', (d) => { d.ages = { min: 18, max: 9 }; }, { code: 'range_inverted', path: 'ages' }],
    ['a consistency pair with a missing item', (d) => { d.consistencyPairs[0].b = 'demomood_9'; }, { code: 'unknown_item', path: 'consistencyPairs.0.b' }],
    ['wordingVerified as a string', (d) => { d.wordingVerified = 'yes'; }, { code: 'wrong_type', path: 'wordingVerified' }],
  ];

  it.each(malformed)('rejects %s with the right code and path', (_label, change, expected) => {
    const parsed = parseInstrument(mutate(demoInstrument(), change));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(codesAndPaths(parsed.issues)).toContainEqual(expected);
  });

  it('explains every problem in Chinese and English, naming what to do', () => {
    const parsed = parseInstrument(mutate(demoInstrument(), (d) => { d.scales[0].bands[1].gte = 6; d.items[0].revers = true; }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const found of parsed.issues) {
      const zh = formatIssue(found, 'zh-CN');
      const en = formatIssue(found, 'en');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toContain('{');
      expect(en).not.toContain('{');
    }
    const gap = parsed.issues.find((found) => found.code === 'bands_gap');
    expect(gap && formatIssue(gap, 'en')).toContain('ends below 5 and this one starts at 6');
  });

  it('detects the kind of a file and refuses an unknown kind', () => {
    const unknown = parseDefinition({ kind: 'questionnaire' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0]).toMatchObject({ code: 'kind_unknown', path: ['kind'] });
    const missing = parseDefinition([]);
    expect(!missing.ok && missing.issues[0]?.code).toBe('kind_missing');
    const instrument = parseDefinition(demoInstrument());
    expect(instrument.ok && instrument.value.kind).toBe('instrument');
  });
});
