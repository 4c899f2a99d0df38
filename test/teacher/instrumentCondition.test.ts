import { describe, expect, it } from 'vitest';
import { ZCondition, type Condition } from '../../scoring/index.ts';
import { printCondition, readCondition } from '../../src/teacher/workspace/instrumentCondition.ts';

const read = (text: string): Condition => {
  const parsed = readCondition(text, 'x_');
  if (!parsed.ok) expect.fail(`${text}: ${parsed.code} ${JSON.stringify(parsed.params)}`);
  return parsed.value;
};

describe('conditions written in one cell', () => {
  it('reads comparisons in ASCII, math signs and full-width forms', () => {
    expect(read('x_1 = 1')).toEqual({ item: 'x_1', op: 'eq', value: 1 });
    expect(read('x_1==1')).toEqual({ item: 'x_1', op: 'eq', value: 1 });
    expect(read('x_1 != -1')).toEqual({ item: 'x_1', op: 'ne', value: -1 });
    expect(read('x_1 <> 2')).toEqual({ item: 'x_1', op: 'ne', value: 2 });
    expect(read('x_1 ≥ 2')).toEqual({ item: 'x_1', op: 'gte', value: 2 });
    expect(read('ｘ＿１ ＞＝ ２')).toEqual({ item: 'x_1', op: 'gte', value: 2 });
    expect(read('X_1 ≤ 0.5')).toEqual({ item: 'x_1', op: 'lte', value: 0.5 });
    expect(read('3 >= 1')).toEqual({ item: 'x_3', op: 'gte', value: 1 });
  });

  it('reads "in" lists with or without brackets, in either language', () => {
    expect(read('x_2 in 1, 2')).toEqual({ item: 'x_2', op: 'in', values: [1, 2] });
    expect(read('x_2 in (1, 2, 3)')).toEqual({ item: 'x_2', op: 'in', values: [1, 2, 3] });
    expect(read('x_2 属于 [1，2]')).toEqual({ item: 'x_2', op: 'in', values: [1, 2] });
    expect(read('x_2 属于 1、2')).toEqual({ item: 'x_2', op: 'in', values: [1, 2] });
  });

  it('joins with or/and (and first), 或/且, | and &, and brackets', () => {
    const a = { item: 'x_1', op: 'eq', value: 1 } as const;
    const b = { item: 'x_2', op: 'eq', value: 1 } as const;
    const c = { item: 'x_3', op: 'gte', value: 2 } as const;
    expect(read('x_1 = 1 或 x_2 = 1')).toEqual({ any: [a, b] });
    expect(read('x_1=1或x_2=1')).toEqual({ any: [a, b] });
    expect(read('x_1 = 1 or x_2 = 1 and x_3 >= 2')).toEqual({ any: [a, { all: [b, c] }] });
    expect(read('(x_1 = 1 | x_2 = 1) & x_3 >= 2')).toEqual({ all: [{ any: [a, b] }, c] });
    expect(read('（x_1 = 1 或者 x_2 = 1） 并且 x_3 >= 2')).toEqual({ all: [{ any: [a, b] }, c] });
  });

  it('prints what it reads, nested groups included, and the result passes the schema', () => {
    const conditions: Condition[] = [
      { item: 'x_1', op: 'in', values: [1, 2] },
      { any: [{ item: 'x_1', op: 'eq', value: 1 }, { all: [{ item: 'x_2', op: 'ne', value: 0 }, { item: 'x_3', op: 'lte', value: 2 }] }] },
      { all: [{ any: [{ item: 'x_1', op: 'eq', value: 1 }, { item: 'x_2', op: 'eq', value: 1 }] }, { item: 'x_3', op: 'gte', value: -1 }] },
      { any: [{ any: [{ item: 'x_1', op: 'eq', value: 1 }, { item: 'x_2', op: 'eq', value: 1 }] }, { item: 'x_3', op: 'gte', value: 1 }] },
      { all: [{ all: [{ item: 'x_1', op: 'eq', value: 1 }, { item: 'x_2', op: 'eq', value: 1 }] }, { item: 'x_3', op: 'gte', value: 1 }] },
    ];
    for (const condition of conditions) {
      for (const words of [undefined, { or: '或', and: '且' }]) {
        const text = printCondition(condition, words);
        expect(read(text), text).toEqual(condition);
        expect(ZCondition.safeParse(read(text)).success).toBe(true);
      }
    }
    expect(printCondition(conditions[1] as Condition, { or: '或', and: '且' })).toBe('x_1 = 1 或 x_2 != 0 且 x_3 <= 2');
  });

  it('says where a condition stops making sense', () => {
    const problem = (text: string) => {
      const parsed = readCondition(text, 'x_');
      return parsed.ok ? undefined : [parsed.code, parsed.params?.position];
    };
    expect(problem('x_1 >')).toEqual(['template_condition_syntax', 5]);
    expect(problem('x_1 = 1 and')).toEqual(['template_condition_syntax', 12]);
    expect(problem('x_1 = one')).toEqual(['template_condition_syntax', 7]);
    expect(problem('(x_1 = 1')).toEqual(['template_condition_syntax', 9]);
    expect(problem('x_1 = 1 x_2 = 1')).toEqual(['template_condition_syntax', 9]);
    expect(problem('x_1 = 1 # 2')).toEqual(['template_condition_syntax', 9]);
    expect(problem('x_1 in ()')).toEqual(['template_condition_syntax', 9]);
  });
});
