import type { Locale, ValidityReason } from '../../scoring/index.ts';

/** Why an answer sheet's validity is in doubt, in words a teacher reads: one wording for every page. */
export const VALIDITY_REASON_TEXT: Readonly<Record<Locale, Readonly<Record<ValidityReason['code'], string>>>> = {
  'zh-CN': {
    too_fast: '作答过快',
    many_fast_items: '多道题作答过快',
    long_string: '整份问卷都选同一个选项',
    long_string_contradicts_reverse_keys: '反向计分题也选同一个选项',
    inconsistent_pairs: '前后题目回答矛盾',
    scale_not_scorable: '有分量表因缺答无法计分',
  },
  en: {
    too_fast: 'answered too fast',
    many_fast_items: 'many items answered too fast',
    long_string: 'the same option chosen throughout',
    long_string_contradicts_reverse_keys: 'the same option chosen even for reverse-keyed items',
    inconsistent_pairs: 'contradictory answers to paired items',
    scale_not_scorable: 'a scale could not be scored (too many items missing)',
  },
};
