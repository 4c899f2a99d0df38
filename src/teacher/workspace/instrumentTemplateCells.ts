import { parseGrade } from '../roster/parseGrade.ts';
import { cleanCell, parsed, rejected, type CellParse } from '../roster/cellParse.ts';

/**
 * Cell readers for the instrument template. A cell comes in as text (numbers and TRUE/FALSE from
 * Excel already turned into text by the workbook reader); full-width digits and signs from Chinese
 * input methods are read as their ASCII forms. Each reader gives the value or an issue code.
 */

export { cleanCell, parsed, rejected, type CellParse };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function readNumber(text: string): CellParse<number> {
  const cleaned = cleanCell(text).replace(/[−–]/g, '-');
  return NUMBER.test(cleaned) ? parsed(Number(cleaned)) : rejected('template_not_a_number', { value: text.trim() });
}

export function readInteger(text: string): CellParse<number> {
  const number = readNumber(text);
  if (!number.ok) return number;
  return Number.isInteger(number.value) ? number : rejected('template_not_an_integer', { value: text.trim() });
}

/** A grade as a number, or as schools name it ("初一", "高三"). */
export function readGrade(text: string): CellParse<number> {
  const grade = parseGrade(text);
  return grade.ok ? parsed(grade.value.grade) : rejected('template_grade_unreadable', { value: text.trim() });
}

const YES = ['是', '对', 'y', 'yes', 'true', '1', '√', '✓', '✔', 'x'];
const NO = ['否', '不', '不是', 'n', 'no', 'false', '0', '×'];

/** Yes or no in either language; Excel's TRUE/FALSE cells arrive as text. */
export function readYesNo(text: string): CellParse<boolean> {
  const cleaned = cleanCell(text).toLowerCase();
  if (YES.includes(cleaned)) return parsed(true);
  if (NO.includes(cleaned)) return parsed(false);
  return rejected('template_not_yes_no', { value: text.trim() });
}

/** One of a few words, written in Chinese or English: `choices` maps each accepted spelling to its value. */
export function readChoice<T extends string>(text: string, choices: Readonly<Record<string, T>>, allowed: string): CellParse<T> {
  const found = choices[cleanCell(text).toLowerCase()];
  return found === undefined ? rejected('template_not_allowed', { value: text.trim(), allowed }) : parsed(found);
}

/**
 * An item reference: a full item id ("phq9_3") as written, or a bare item number ("3") with the
 * instrument's item prefix put in front.
 */
export function resolveItem(token: string, prefix: string): string {
  return /^[a-z0-9]+$/i.test(token) ? `${prefix}${token}` : token;
}

const RANGE = /^([^~]+)~([^~]+)$/;
const LOOKS_LIKE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A list of item references separated by commas, semicolons, 、 or spaces; "a~b" (also a-b, a–b, a至b)
 * stands for every item from a to b in the order of the Items sheet.
 */
export function readItemList(text: string, prefix: string, order: readonly string[]): CellParse<string[]> {
  const cleaned = cleanCell(text);
  if (LOOKS_LIKE_DATE.test(cleaned)) return rejected('template_looks_like_date', { value: cleaned });
  const normalized = cleaned.replace(/\s*(?:~|–|—|至|到|(?<=[a-z0-9])-(?=[a-z0-9]))\s*/gi, '~');
  const tokens = normalized.split(/[,;、\s]+/).filter((token) => token !== '');
  const items: string[] = [];
  for (const token of tokens) {
    const range = RANGE.exec(token);
    if (!range) {
      items.push(resolveItem(token, prefix));
      continue;
    }
    const from = resolveItem(range[1] ?? '', prefix);
    const to = resolveItem(range[2] ?? '', prefix);
    const start = order.indexOf(from);
    const end = order.indexOf(to);
    if (start < 0 || end < 0) return rejected('template_item_range_unknown', { item: start < 0 ? from : to });
    if (end < start) return rejected('template_item_range_reversed', { from, to });
    items.push(...order.slice(start, end + 1));
  }
  return parsed(items);
}
