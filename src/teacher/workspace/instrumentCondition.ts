import type { Condition } from '../../../scoring/index.ts';
import { cleanCell, parsed, rejected, resolveItem, type CellParse } from './instrumentTemplateCells.ts';

/**
 * Conditions (show-if and critical items) as a teacher writes them in one cell:
 *   phq9_9 >= 1                      comparisons: = != >= <= (also ≠ ≥ ≤ <> ==)
 *   asq_1 = 1 或 asq_2 = 1           or: 或 | or ;  and: 且 | 并且 | and  (and binds first)
 *   x_3 in 1, 2                      one of several values (also 属于)
 *   (a_1 = 1 或 a_2 = 1) 且 a_3 >= 2  brackets group
 * Items are full ids or bare numbers (the instrument's prefix is added). `printCondition` writes the
 * same syntax, so a definition exported to the template reads back to the same condition.
 */

type Token =
  | { kind: 'open' | 'close' | 'comma' | 'or' | 'and' | 'in'; at: number }
  | { kind: 'op'; op: 'eq' | 'ne' | 'gte' | 'lte'; at: number }
  | { kind: 'word'; text: string; at: number };

const OPS: readonly [string, 'eq' | 'ne' | 'gte' | 'lte'][] = [
  ['>=', 'gte'], ['<=', 'lte'], ['!=', 'ne'], ['<>', 'ne'], ['==', 'eq'], ['≥', 'gte'], ['≤', 'lte'], ['≠', 'ne'], ['=', 'eq'],
];
const KEYWORDS: Readonly<Record<string, 'or' | 'and' | 'in'>> = { or: 'or', 或: 'or', 或者: 'or', and: 'and', 且: 'and', 并且: 'and', in: 'in', 属于: 'in' };

function tokenize(text: string): Token[] | number {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) { index += 1; continue; }
    if (char === '(' || char === '[') { tokens.push({ kind: 'open', at: index }); index += 1; continue; }
    if (char === ')' || char === ']') { tokens.push({ kind: 'close', at: index }); index += 1; continue; }
    if (char === ',' || char === '、') { tokens.push({ kind: 'comma', at: index }); index += 1; continue; }
    if (text.startsWith('||', index) || char === '|') { tokens.push({ kind: 'or', at: index }); index += text.startsWith('||', index) ? 2 : 1; continue; }
    if (text.startsWith('&&', index) || char === '&') { tokens.push({ kind: 'and', at: index }); index += text.startsWith('&&', index) ? 2 : 1; continue; }
    const op = OPS.find(([symbol]) => text.startsWith(symbol, index));
    if (op) { tokens.push({ kind: 'op', op: op[1], at: index }); index += op[0].length; continue; }
    const chinese = /^(?:或者|并且|属于|或|且)/.exec(text.slice(index));
    if (chinese) { tokens.push({ kind: KEYWORDS[chinese[0]] ?? 'or', at: index }); index += chinese[0].length; continue; }
    const word = /^[-+]?[A-Za-z0-9_.]+/.exec(text.slice(index));
    if (!word) return index;
    const keyword = KEYWORDS[word[0].toLowerCase()];
    tokens.push(keyword ? { kind: keyword, at: index } : { kind: 'word', text: word[0], at: index });
    index += word[0].length;
  }
  return tokens;
}

/** Thrown inside the reader only, and caught in `readCondition`: the character where reading failed. */
class SyntaxProblem extends Error {
  constructor(readonly at: number) {
    super(`condition syntax at ${at}`);
  }
}

/** Recursive descent over the tokens; `or` of `and`s of comparisons or bracketed groups. */
class ConditionReader {
  private index = 0;
  constructor(private readonly tokens: readonly Token[], private readonly prefix: string, private readonly end: number) {}

  read(): Condition {
    const condition = this.or();
    if (this.index < this.tokens.length) this.fail();
    return condition;
  }

  private peek(): Token | undefined { return this.tokens[this.index]; }
  private fail(): never { throw new SyntaxProblem(this.peek()?.at ?? this.end); }

  private or(): Condition {
    const parts = [this.and()];
    while (this.peek()?.kind === 'or') { this.index += 1; parts.push(this.and()); }
    return parts.length === 1 ? parts[0] as Condition : { any: parts };
  }

  private and(): Condition {
    const parts = [this.atom()];
    while (this.peek()?.kind === 'and') { this.index += 1; parts.push(this.atom()); }
    return parts.length === 1 ? parts[0] as Condition : { all: parts };
  }

  private atom(): Condition {
    const token = this.peek();
    if (token?.kind === 'open') {
      this.index += 1;
      const inner = this.or();
      if (this.peek()?.kind !== 'close') this.fail();
      this.index += 1;
      return inner;
    }
    if (token?.kind !== 'word') this.fail();
    this.index += 1;
    const item = resolveItem(token.text.toLowerCase(), this.prefix);
    const op = this.peek();
    if (op?.kind === 'in') {
      this.index += 1;
      return { item, op: 'in', values: this.values() };
    }
    if (op?.kind !== 'op') this.fail();
    this.index += 1;
    return { item, op: op.op, value: this.number() };
  }

  private values(): number[] {
    const bracketed = this.peek()?.kind === 'open';
    if (bracketed) this.index += 1;
    const values = [this.number()];
    while (this.peek()?.kind === 'comma') { this.index += 1; values.push(this.number()); }
    if (bracketed) {
      if (this.peek()?.kind !== 'close') this.fail();
      this.index += 1;
    }
    return values;
  }

  private number(): number {
    const token = this.peek();
    if (token?.kind !== 'word' || !/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(token.text)) this.fail();
    this.index += 1;
    return Number(token.text);
  }
}

export function readCondition(text: string, prefix: string): CellParse<Condition> {
  const cleaned = cleanCell(text).replace(/[−–]/g, '-');
  const tokens = tokenize(cleaned);
  if (typeof tokens === 'number') return rejected('template_condition_syntax', { value: cleaned, position: tokens + 1 });
  try {
    return parsed(new ConditionReader(tokens, prefix, cleaned.length).read());
  } catch (problem) {
    if (problem instanceof SyntaxProblem) return rejected('template_condition_syntax', { value: cleaned, position: problem.at + 1 });
    throw problem;
  }
}

const SYMBOL = { eq: '=', ne: '!=', gte: '>=', lte: '<=' } as const;

/** The condition in the cell syntax; groups are bracketed only where reading needs them. */
export function printCondition(condition: Condition, words: { or: string; and: string } = { or: 'or', and: 'and' }): string {
  if ('any' in condition) {
    if (condition.any.length === 1 && condition.any[0]) return printCondition(condition.any[0], words);
    return condition.any.map((inner) => ('any' in inner ? `(${printCondition(inner, words)})` : printCondition(inner, words))).join(` ${words.or} `);
  }
  if ('all' in condition) {
    if (condition.all.length === 1 && condition.all[0]) return printCondition(condition.all[0], words);
    return condition.all.map((inner) => ('any' in inner || 'all' in inner ? `(${printCondition(inner, words)})` : printCondition(inner, words))).join(` ${words.and} `);
  }
  if (condition.op === 'in') return `${condition.item} in (${condition.values.join(', ')})`;
  return `${condition.item} ${SYMBOL[condition.op]} ${condition.value}`;
}
