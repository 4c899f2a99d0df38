import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SignInSlips } from '../../../src/teacher/roster/SignInSlips.tsx';
import { buildSignInSlips } from '../../../src/teacher/roster/index.ts';

const ADDRESS = 'http://192.168.1.10/kiosk.html';
const student = (studentNumber: string, name: string, className: string, grade: number, code: string) => ({ studentNumber, name, className, grade, code });

describe('sign-in slips', () => {
  const classes = buildSignInSlips([
    student('20250110', '李浩宇', '八年级(2)班', 8, 'FGHJ6794'),
    student('20220101', '曹乐萱', '五年级(1)班', 5, 'ACDE3479'),
    student('20250102', '陈梓涵', '八年级(2)班', 8, 'KMNP7943'),
    student('20250101', '王思远', '八年级(10)班', 8, 'QRTU9437'),
    student('2025009', '张雨桐', '八年级(2)班', 8, 'VWXY4379'),
  ], ADDRESS);

  it('groups slips by class, classes by grade then name, students by number', () => {
    expect(classes.map((group) => [group.className, group.grade, group.slips.map((slip) => slip.studentNumber)])).toEqual([
      ['五年级(1)班', 5, ['20220101']],
      ['八年级(2)班', 8, ['2025009', '20250102', '20250110']],
      ['八年级(10)班', 8, ['20250101']],
    ]);
  });

  it('puts on each slip the class, name, formatted code, address and instructions in both languages', () => {
    const slip = classes[1]?.slips[1];
    expect(slip).toMatchObject({ className: '八年级(2)班', name: '陈梓涵', studentNumber: '20250102', code: 'KMNP-7943', kioskAddress: ADDRESS });
    expect(slip?.instructions['zh-CN']).toContain(ADDRESS);
    expect(slip?.instructions['zh-CN']).toContain('登录码');
    expect(slip?.instructions.en).toContain(ADDRESS);
  });

  it('renders one slip per student inside cut lines, all values as text', () => {
    const [group] = buildSignInSlips([student('1', '<img src=x onerror=alert(1)>', '四年级(1)班', 4, 'ACDE3479')], ADDRESS);
    if (!group) return expect.fail('no class');
    const html = renderToStaticMarkup(createElement(SignInSlips, { classSlips: group, locale: 'zh-CN' }));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html.match(/class="sign-in-slip"/g)).toHaveLength(1);
    expect(html).toContain('ACDE-3479');
    expect(html).toContain('沿虚线剪开');
    const english = renderToStaticMarkup(createElement(SignInSlips, { classSlips: classes[1] ?? group, locale: 'en' }));
    expect(english.match(/class="sign-in-slip"/g)).toHaveLength(3);
    expect(english).toContain('Sign-in code');
  });
});
