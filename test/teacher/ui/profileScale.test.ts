import { describe, expect, it } from 'vitest';
import type { Tier } from '../../../scoring/index.ts';
import { REFERENCE_T, T_MAX, T_MIN, xOfColumn, yOfT } from '../../../src/teacher/ui/chartScale.ts';
import { SUMMARY_MEASURES, cellText, protectSummary, summaryCellKey, suppressCells, type CellLine } from '../../../src/teacher/ui/smallCells.ts';
import { localNoonIso } from '../../../src/teacher/ui/studentDates.ts';
import { addSubmissions } from '../../../src/teacher/workspace/addSubmissions.ts';
import { summarize, type GroupSummary, type ScreeningSummary } from '../../../src/teacher/workspace/summary.ts';
import { declinedSubmission, emptyRecord, pupil, scoredSubmission, testContext, type Profile } from '../workspace/support.ts';

const AREA = { top: 10, bottom: 190 };

describe('profile chart scale', () => {
  it('puts T = 20 at the bottom, T = 90 at the top and the reference lines in between, in order', () => {
    expect(yOfT(T_MIN, AREA)).toBe(190);
    expect(yOfT(T_MAX, AREA)).toBe(10);
    expect(yOfT(55, AREA)).toBe(100);
    const lines = REFERENCE_T.map((t) => yOfT(t, AREA));
    expect(lines).toEqual([...lines].sort((a, b) => b - a));
    expect(lines[1]! - lines[2]!).toBeCloseTo(lines[0]! - lines[1]!);
  });

  it('keeps scores beyond the range on its edge, so an extreme score is still drawn', () => {
    expect(yOfT(12, AREA)).toBe(190);
    expect(yOfT(104.5, AREA)).toBe(10);
  });

  it('centres each scale in its column', () => {
    expect([0, 1, 2].map((index) => xOfColumn(index, 40, 90))).toEqual([85, 175, 265]);
  });
});

describe('follow-up dates', () => {
  // vitest runs in Asia/Shanghai (UTC+8): local noon is 04:00 UTC on the same day.
  it('turns a date input into a timestamp at local noon on that day', () => {
    expect(localNoonIso('2026-10-15')).toBe('2026-10-15T04:00:00.000Z');
    expect(localNoonIso('2028-02-29')).toBe('2028-02-29T04:00:00.000Z');
  });

  it('leaves an empty or impossible day as it is, for the follow-up checks to reject', () => {
    expect(localNoonIso('')).toBe('');
    expect(localNoonIso('2026-02-30')).toBe('2026-02-30');
  });
});

describe('small cells', () => {
  const row = (low: number, medium: number, high: number) => ({
    counts: new Map([['low', low], ['medium', medium], ['high', high]]),
    lines: [{ plus: ['low', 'medium', 'high'], minus: [], constant: low + medium + high }] satisfies CellLine[],
  });

  it('shows counts of 1–4 as "<5" and leaves zero and larger counts alone when nothing can be worked out', () => {
    const { counts, lines } = row(30, 2, 3);
    const hidden = suppressCells(counts, lines);
    expect([...hidden]).toEqual([['medium', 'primary'], ['high', 'primary']]);
    expect(['low', 'medium', 'high'].map((key) => cellText(counts.get(key) ?? 0, hidden.get(key)))).toEqual(['30', '<5', '<5']);
  });

  it('hides a second cell when one hidden cell could be had by subtracting the others from the total', () => {
    const { counts, lines } = row(27, 3, 0);
    const hidden = suppressCells(counts, lines);
    expect(hidden.get('medium')).toBe('primary');
    // The zero is the cheapest complement: "<5" is true of it, and 27 stays visible.
    expect(hidden.get('high')).toBe('complementary');
    expect(hidden.has('low')).toBe(false);
    expect(cellText(0, hidden.get('high'))).toBe('<5');
  });

  it('marks a complement of 5 or more as "≥5"', () => {
    const { counts, lines } = row(27, 3, 12);
    const hidden = suppressCells(counts, lines);
    expect(hidden.get('high')).toBe('complementary');
    expect(cellText(12, hidden.get('high'))).toBe('≥5');
  });

  it('also protects a hidden cell that two small cells would pin down by their sum', () => {
    // With 30 and the total 38 visible, medium + high = 8 and "<5" each can only mean 4 and 4.
    const { counts, lines } = row(30, 4, 4);
    const hidden = suppressCells(counts, lines);
    expect(hidden.get('low')).toBe('complementary');
    expect(cellText(30, hidden.get('low'))).toBe('≥5');
  });

  it('shows nothing hidden for a row without small counts', () => {
    const { counts, lines } = row(30, 0, 12);
    expect(suppressCells(counts, lines).size).toBe(0);
  });
});

const tiers = (low: number, medium: number, high: number): Record<Tier, number> => ({ low, medium, high });
const group = (where: { grade?: number; className?: string }, tally: Record<Tier, number>, urgent: number): GroupSummary => {
  const completed = tally.low + tally.medium + tally.high;
  return { ...where, roster: completed + 2, completed, declined: 1, partial: 0, absent: 1, tiers: tally, urgent, invalid: 0 };
};

/** Every relation a reader of the report has, checked for a hidden cell that is the only one hidden in it. */
function loneHiddenCells(summary: ScreeningSummary, hidden: ReadonlyMap<string, unknown>): string[] {
  const rows = [summary.school, ...summary.grades, ...summary.classes];
  const lines = rows.map((each) => (['low', 'medium', 'high'] as const).map((tier) => summaryCellKey(each, tier)));
  for (const measure of SUMMARY_MEASURES) {
    lines.push([summaryCellKey(summary.school, measure), ...summary.grades.map((each) => summaryCellKey(each, measure))]);
    for (const grade of summary.grades) {
      lines.push([summaryCellKey(grade, measure), ...summary.classes.filter((each) => each.grade === grade.grade).map((each) => summaryCellKey(each, measure))]);
    }
  }
  return lines.flatMap((line) => {
    const inLine = line.filter((key) => hidden.has(key));
    return inLine.length === 1 ? inLine : [];
  });
}

describe('class summary suppression', () => {
  it('hides every count of 1–4 and leaves no hidden cell alone in a row or a grade column', () => {
    const classes = [
      group({ grade: 7, className: '七(1)班' }, tiers(35, 3, 2), 1),
      group({ grade: 7, className: '七(2)班' }, tiers(30, 8, 0), 0),
      group({ grade: 8, className: '八(1)班' }, tiers(28, 6, 7), 0),
    ];
    const grades = [group({ grade: 7 }, tiers(65, 11, 2), 1), group({ grade: 8 }, tiers(28, 6, 7), 0)];
    const summary: ScreeningSummary = { school: group({}, tiers(93, 17, 9), 1), grades, classes };
    const hidden = protectSummary(summary);
    for (const each of [summary.school, ...grades, ...classes]) {
      for (const measure of SUMMARY_MEASURES) {
        const count = measure === 'urgent' ? each.urgent : each.tiers[measure];
        if (count > 0 && count < 5) expect(hidden.get(summaryCellKey(each, measure))).toBe('primary');
      }
    }
    expect(loneHiddenCells(summary, hidden)).toEqual([]);
  });

  it('protects a real screened class (one student in each tier)', () => {
    const profiles: readonly Profile[] = ['low', 'medium', 'high', 'urgent', 'too_fast'];
    const pupils = profiles.map((_, index) => pupil(index + 1));
    const decliner = pupil(10);
    const records = [...pupils, pupil(9), decliner].map(emptyRecord);
    const filed = addSubmissions(records, [...pupils.map((who, index) => scoredSubmission(who, profiles[index] ?? 'low')), declinedSubmission(decliner)], '测试中学', testContext());
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const changed of filed.changed) byId.set(changed.id, changed);
    const summary = summarize([...byId.values()], 'school-2026@1.0.0');
    const hidden = protectSummary(summary);
    const shown = [summary.school, ...summary.grades, ...summary.classes].flatMap((each) =>
      SUMMARY_MEASURES.map((measure) => cellText(measure === 'urgent' ? each.urgent : each.tiers[measure], hidden.get(summaryCellKey(each, measure)))));
    expect(shown.filter((text) => /^[1-4]$/.test(text))).toEqual([]);
    expect(loneHiddenCells(summary, hidden)).toEqual([]);
  });
});
