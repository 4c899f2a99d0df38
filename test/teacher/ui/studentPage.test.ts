import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../scoring/index.ts';
import type { StudentRecord } from '../../../src/records/index.ts';
import { ClassSummaryReport } from '../../../src/teacher/ui/ClassSummaryReport.tsx';
import { StudentPage } from '../../../src/teacher/ui/StudentPage.tsx';
import { TEACHER_TEXT } from '../../../src/teacher/ui/text.ts';
import { WorkspaceViewContext, type WorkspaceView } from '../../../src/teacher/ui/WorkspaceContext.ts';
import { addSubmissions } from '../../../src/teacher/workspace/addSubmissions.ts';
import { recordInterview } from '../../../src/teacher/workspace/followUp.ts';
import { declinedSubmission, emptyRecord, pupil, scoredSubmission, testContext } from '../workspace/support.ts';

/** A class screened by the real engine: an urgent student (ASQ item 2) interviewed since, a low one, a decliner. */
function screened(): StudentRecord[] {
  const urgent = { ...pupil(1), name: '<b>王小明</b>' };
  const low = pupil(2);
  const decliner = pupil(3);
  const records = [urgent, low, decliner].map(emptyRecord);
  const filed = addSubmissions(records, [scoredSubmission(urgent, 'urgent'), scoredSubmission(low, 'low'), declinedSubmission(decliner)], '测试中学', testContext());
  return filed.changed.map((record) => {
    const wave = record.waves[0];
    if (record.id !== 'rec-S0001' || !wave) return record;
    const interviewed = recordInterview(record, { waveId: wave.id, at: '2026-10-14T04:00:00.000Z', findings: '面谈：无自伤计划。', confirmedTier: 'medium', due: '2026-10-28' }, testContext());
    if (!interviewed.ok) throw new Error(JSON.stringify(interviewed.issues));
    return interviewed.value;
  });
}

function render(element: ReactElement, records: readonly StudentRecord[], locale: Locale = 'zh-CN'): string {
  const noop = () => undefined;
  const view = {
    records, locale, text: TEACHER_TEXT[locale], changeContext: () => testContext(), commit: () => Promise.resolve(), navigate: noop, refresh: noop,
  } as unknown as WorkspaceView; // the pages read no workspace internals
  return renderToStaticMarkup(createElement(WorkspaceViewContext.Provider, { value: view }, element));
}

describe('student page', () => {
  const records = screened();

  it('shows the wave with computed and confirmed tier, and marks the critical item that fired', () => {
    const html = render(createElement(StudentPage, { id: 'rec-S0001' }), records);
    expect(html).toContain('student-tier-high');
    expect(html).toContain('面谈：无自伤计划。');
    expect(html).toMatch(/<tr class="student-critical student-critical-fired">.*?ASQ 第 2 题/);
    expect(html.match(/student-critical-fired/g)).toHaveLength(1);
  });

  it('renders student text as text, never as markup', () => {
    const html = render(createElement(StudentPage, { id: 'rec-S0001' }), records);
    expect(html).toContain('&lt;b&gt;王小明&lt;/b&gt;');
    expect(html).not.toContain('<b>王小明');
  });

  it('offers closure only while the student is on the attention list', () => {
    expect(render(createElement(StudentPage, { id: 'rec-S0001' }), records)).toContain(TEACHER_TEXT['zh-CN'].closure);
    expect(render(createElement(StudentPage, { id: 'rec-S0002' }), records)).not.toContain(TEACHER_TEXT['zh-CN'].closure);
  });

  it('says so when there is no such student', () => {
    expect(render(createElement(StudentPage, { id: 'nobody' }), records, 'en')).toContain('There is no student record with this id');
  });
});

describe('class summary report', () => {
  it('names no student and shows no count of 1 to 4', () => {
    const records = screened();
    const html = render(createElement(ClassSummaryReport, { plan: 'school-2026@1.0.0' }), records);
    for (const record of records) {
      expect(html).not.toContain(record.identity.name.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      expect(html).not.toContain(record.identity.studentNumber);
    }
    const tierAndUrgentCells = [...html.matchAll(/<td( class="report-suppressed")?>([^<]*)<span class="report-rate">|<td( class="report-suppressed")?>([^<]*)<\/td><\/tr>/g)]
      .map((match) => match[2] ?? match[4]);
    expect(tierAndUrgentCells.length).toBeGreaterThan(0);
    expect(tierAndUrgentCells.filter((cell) => /^[1-4]$/.test(cell ?? ''))).toEqual([]);
  });
});
