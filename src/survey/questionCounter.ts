import type { Instrument, Locale } from '../../scoring/index.ts';

export interface QuestionCount {
  /** 1 on the first question; counts the questions shown so far, this one included. */
  readonly position: number;
  /** Every item of the battery, those a condition may hide included, so it never changes mid-battery. */
  readonly total: number;
  /** True when some item is shown only on a condition: the student may answer fewer than `total`. */
  readonly approximate: boolean;
}

/**
 * Where a student is in the battery. The total is fixed from the start (conditional items such as
 * ASQ 5 and PHQ-9 item 10 are counted in it and the total is then "about"), so it never jumps when an
 * answer makes another question appear; the position counts only questions that were shown.
 */
export function questionCount(battery: readonly Instrument[], current: string, isShown: (itemId: string) => boolean): QuestionCount | undefined {
  const items = battery.flatMap((def) => def.items);
  const index = items.findIndex((item) => item.id === current);
  if (index < 0) return undefined;
  const position = items.slice(0, index).filter((item) => isShown(item.id)).length + 1;
  return { position, total: items.length, approximate: items.some((item) => item.showIf !== undefined) };
}

export function questionCountText(count: QuestionCount, locale: Locale): string {
  if (locale === 'zh-CN') return `第 ${count.position} 题 / ${count.approximate ? '约' : '共'} ${count.total} 题`;
  return `Question ${count.position} of ${count.approximate ? 'about ' : ''}${count.total}`;
}
