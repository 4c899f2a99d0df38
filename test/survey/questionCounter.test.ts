import { describe, expect, it } from 'vitest';
import { questionCount, questionCountText } from '../../src/survey/questionCounter.ts';
import { shippedInstrument } from '../support/library.ts';

describe('the question counter', () => {
  const battery = [shippedInstrument('phq9'), shippedInstrument('gad7'), shippedInstrument('asq')];
  const all = battery.flatMap((def) => def.items.map((item) => item.id));
  const hidden = new Set(['phq9_10', 'asq_5']);

  it('starts at 1 and counts the conditional items (PHQ-9 item 10, ASQ 5) in a total marked "about"', () => {
    const first = questionCount(battery, 'phq9_1', (id) => !hidden.has(id));
    expect(first).toEqual({ position: 1, total: 22, approximate: true });
    expect(questionCountText(first!, 'zh-CN')).toBe('第 1 题 / 约 22 题');
    expect(questionCountText(first!, 'en')).toBe('Question 1 of about 22');
  });

  it('keeps its total when a conditional item appears, and counts only questions shown', () => {
    expect(questionCount(battery, 'gad7_1', (id) => !hidden.has(id))).toEqual({ position: 10, total: 22, approximate: true });
    expect(questionCount(battery, 'gad7_1', (id) => id !== 'asq_5')).toEqual({ position: 11, total: 22, approximate: true });
    const positions = all.filter((id) => !hidden.has(id)).map((id) => questionCount(battery, id, (shown) => !hidden.has(shown))?.position);
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('says "共" (exactly) when no item is conditional', () => {
    const count = questionCount([shippedInstrument('k10')], 'k10_3', () => true);
    expect(count).toEqual({ position: 3, total: 10, approximate: false });
    expect(questionCountText(count!, 'zh-CN')).toBe('第 3 题 / 共 10 题');
    expect(questionCountText(count!, 'en')).toBe('Question 3 of 10');
  });

  it('gives nothing for an item not in the battery', () => {
    expect(questionCount(battery, 'who5_1', () => true)).toBeUndefined();
  });
});
