import 'fake-indexeddb/auto';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TIERS, type Locale } from '../../../scoring/index.ts';
import type { StudentRecord } from '../../../src/records/index.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { NormsDerivePanel } from '../../../src/teacher/ui/NormsDerivePanel.tsx';
import type { WorkspaceLibrary } from '../../../src/teacher/ui/normsLibrary.ts';
import { NORMS_TEXT } from '../../../src/teacher/ui/normsText.ts';
import { PolicyEditor } from '../../../src/teacher/ui/PolicyEditor.tsx';
import { TEACHER_TEXT } from '../../../src/teacher/ui/text.ts';
import { WorkspaceViewContext, type WorkspaceView } from '../../../src/teacher/ui/WorkspaceContext.ts';
import { previewPolicy } from '../../../src/teacher/workspace/policyPreview.ts';
import { defaultPolicy, shippedCatalog } from '../../support/library.ts';
import { PLAN, screenedCohort } from '../workspace/normsSupport.ts';

const cohort = screenedCohort({ 7: 60, 8: 55, 11: 10 }, 5);
const library: WorkspaceLibrary = { rows: [], catalog: shippedCatalog(), shipped: shippedCatalog(), reload: () => undefined };

function render(element: ReactElement, records: readonly StudentRecord[], locale: Locale): string {
  const noop = () => undefined;
  const view = {
    workspace: { school: '青松中学', db: openTeacherDb('norms-page-render') }, records, locale, text: TEACHER_TEXT[locale],
    changeContext: noop, commit: () => Promise.resolve(), navigate: noop, refresh: noop,
  } as unknown as WorkspaceView; // the panels read only the school name and the db from the workspace
  return renderToStaticMarkup(createElement(WorkspaceViewContext.Provider, { value: view }, element));
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#x27;');

/** Every form control has an id that a <label for> names. */
function unlabelled(html: string): string[] {
  const labelled = new Set([...html.matchAll(/<label[^>]*\bfor="([^"]+)"/g)].map((match) => match[1]));
  const wrapped = [...html.matchAll(/<label(?:(?!<\/label>)[\s\S])*?<(input|select)\b[^>]*>/g)].map((match) => match[0]);
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].flatMap((match) => {
    const id = /\bid="([^"]+)"/.exec(match[2] ?? '')?.[1];
    if (id && labelled.has(id)) return [];
    if (wrapped.some((text) => text.endsWith(match[0]))) return [];
    return [match[0]];
  });
}

describe('norms & tiers page', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows the policy form with every field labelled and a live preview of the screening (${locale})`, () => {
      const text = NORMS_TEXT[locale];
      const html = render(createElement(PolicyEditor, { library, text }), cohort.records, locale);
      expect(unlabelled(html)).toEqual([]);
      expect(html).toContain(escape(text.previewTitle));
      expect(html).toContain('school-policy'); // a shipped policy becomes the school's own, under a new id
      const preview = previewPolicy(cohort.records, PLAN, shippedCatalog(), { ...defaultPolicy(), id: 'school-policy' });
      const row = (label: string) => new RegExp(`<th scope="row">${label}</th>${TIERS.map((tier) => `<td>${preview.proposed[tier]}</td>`).join('')}`);
      expect(html).toMatch(row(text.proposed));
      expect(html).toContain(text.critical(preview.critical));
      // one row per rule of the shipped default, each with its own labelled controls
      expect(html.match(/<tr><th scope="row">\d+<\/th><td><label/g)?.length).toBe(defaultPolicy().rules.length);
    });

    it(`lists local norm groups with their n and marks the small ones (${locale})`, () => {
      const text = NORMS_TEXT[locale];
      const html = render(createElement(NormsDerivePanel, { library, text }), cohort.records, locale);
      expect(unlabelled(html)).toEqual([]);
      expect(html).toContain(text.groupLabel([7, 8, 9], 'any'));
      expect(html).toContain(text.groupLabel([10, 11, 12], 'any'));
      expect(html).toContain(text.statuses.too_small);
      expect(html).toContain('local-school-phq9-2026');
    });
  }
});
