import { cleanCell, parsed, rejected, type CellParse } from './cellParse.ts';

export interface ParsedGrade {
  readonly grade: number;
  /** Set when the grade itself says vocational (中职一年级); otherwise the track column decides. */
  readonly vocational: boolean;
  /** The grade as this school names it, to put before a bare class number: "初二", "八年级". */
  readonly label: string;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "8", "八", "十二" → 8, 8, 12; anything else → undefined. */
function smallNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (text.length === 1) return CHINESE_DIGITS[text];
  const tens = /^十([一二])?$/.exec(text);
  if (tens) return 10 + (tens[1] ? (CHINESE_DIGITS[tens[1]] ?? 0) : 0);
  return undefined;
}

/** Stage prefixes: the year within the stage plus the offset gives the grade (初二 = 6 + 2). */
const STAGES: readonly { readonly pattern: RegExp; readonly offset: number; readonly vocational: boolean }[] = [
  { pattern: /^(?:小学)?(.{1,2})年级$/, offset: 0, vocational: false },
  { pattern: /^初(?:中)?([一二三123])(?:年级)?$/, offset: 6, vocational: false },
  { pattern: /^高(?:中)?([一二三123])(?:年级)?$/, offset: 9, vocational: false },
  { pattern: /^(?:中职|职高|中专|职中|技校)([一二三123])(?:年级)?$/, offset: 9, vocational: true },
  { pattern: /^(?:grade|year|g|y)?(\d{1,2})(?:th|st|nd|rd)?$/, offset: 0, vocational: false },
];

/**
 * A grade cell as schools write it: 8, "8", "8年级", "八年级", "初二", "高一", "中职一年级",
 * "Grade 8". Grades outside 4–12 are returned as read; the roster schema rejects them with their own
 * message, which is more helpful than "unreadable".
 */
export function parseGrade(text: string): CellParse<ParsedGrade> {
  const cleaned = cleanCell(text).toLowerCase().replace(/\s+/g, '').replace(/\.0+$/, '');
  if (cleaned === '') return rejected('roster_value_missing');
  for (const stage of STAGES) {
    const match = stage.pattern.exec(cleaned);
    const year = match?.[1] === undefined ? undefined : smallNumber(match[1]);
    if (year === undefined) continue;
    const grade = stage.offset + year;
    const written = cleanCell(text).replace(/\s+/g, '');
    // Chinese grade names are kept as the school writes them; numbers get the usual name.
    const label = /^[\u4e00-\u9fff]/.test(written) ? written : gradeName(grade, stage.vocational);
    return parsed({ grade, vocational: stage.vocational, label });
  }
  return rejected('roster_grade_unreadable');
}

const GRADE_NAMES: Readonly<Record<number, string>> = {
  4: '四年级', 5: '五年级', 6: '六年级', 7: '七年级', 8: '八年级', 9: '九年级', 10: '高一', 11: '高二', 12: '高三',
};
const VOCATIONAL_NAMES: Readonly<Record<number, string>> = { 10: '中职一年级', 11: '中职二年级', 12: '中职三年级' };

/** How a class name starts when the roster gives only a class number: "八年级", "高一", "中职一年级". */
export const gradeName = (grade: number, vocational: boolean): string =>
  (vocational ? VOCATIONAL_NAMES[grade] : undefined) ?? GRADE_NAMES[grade] ?? `${grade}年级`;
