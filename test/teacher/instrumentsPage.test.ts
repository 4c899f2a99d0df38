import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { refOf, type Instrument } from '../../scoring/index.ts';
import { openTeacherDb } from '../../src/store/teacherDb.ts';
import { InstrumentImport } from '../../src/teacher/ui/InstrumentImport.tsx';
import { InstrumentLibraryList } from '../../src/teacher/ui/InstrumentLibraryList.tsx';
import { instrumentEntries } from '../../src/teacher/workspace/instrumentLibrary.ts';
import { shippedCatalog } from '../support/library.ts';
import { phq9Json } from './instrumentSupport.ts';

const db = openTeacherDb('instruments-page');
const school = (version: string, status: 'draft' | 'published', name = '本校<b>情绪</b>量表'): { key: string; kind: 'instrument'; status: 'draft' | 'published'; json: Instrument; updated: string; ref?: string } => {
  const json = { ...phq9Json(), version, name: { 'zh-CN': name, en: 'School mood' }, abbreviation: 'PHQ-9S' };
  return { key: `instrument:phq9@${version}`, kind: 'instrument', status, json, updated: '2026-09-01T08:00:00.000Z', ...(status === 'published' ? { ref: refOf(json) } : {}) };
};

describe('the instruments page', () => {
  it('lists every version with status, wording check, source and licence; only drafts can be published', () => {
    const entries = instrumentEntries(shippedCatalog(), [school('1.0.1', 'published'), school('1.0.2', 'draft')]);
    const html = renderToStaticMarkup(createElement(InstrumentLibraryList, {
      library: { entries, problems: [] }, db, locale: 'zh-CN', onPreview: () => undefined, onReview: () => undefined, onChanged: () => undefined,
    }));
    const phq = html.slice(html.indexOf('data-instrument="phq9"'), html.indexOf('data-instrument="who5"'));
    expect([...phq.matchAll(/data-version="([\d.]+)" data-status="(\w+)"/g)].map((match) => [match[1], match[2]])).toEqual([
      ['1.0.2', 'draft'], ['1.0.1', 'published'], ['1.0.0', 'shipped'],
    ]);
    expect(phq.match(/aria-label="发布 /g)).toHaveLength(1);
    expect(phq).toContain('aria-label="发布 PHQ-9S 1.0.2"');
    expect(phq).toContain('修改为新版本 1.0.3（下载 Excel）');
    expect(phq).toContain('未核对原文');
    // shipped and published versions with unverified wording can be reviewed; a draft is edited instead
    expect([...phq.matchAll(/aria-label="逐题核对措辞 ([^"]+)"/g)].map((match) => match[1])).toEqual(['PHQ-9S 1.0.1', 'PHQ-9 1.0.0']);
    expect(html).toContain('“未核对原文”对我意味着什么？');
    expect(phq).toContain('Kroenke K, Spitzer RL');
    expect(phq).toContain('复制、翻译、展示或分发无需许可');
    // Instrument text is text: markup in a definition is shown, never interpreted.
    expect(phq).toContain('本校&lt;b&gt;情绪&lt;/b&gt;量表');
    expect(phq).not.toContain('<b>情绪');
  });

  it('reports library rows it cannot read', () => {
    const html = renderToStaticMarkup(createElement(InstrumentLibraryList, {
      library: { entries: [], problems: [{ key: 'instrument:bad@1.0.0', codes: ['required'] }] }, db, locale: 'en', onPreview: () => undefined, onReview: () => undefined, onChanged: () => undefined,
    }));
    expect(html).toContain('These school library entries cannot be read');
    expect(html).toContain('instrument:bad@1.0.0');
  });

  it('shows every text for review beside its English, and publishes only when every text is marked', async () => {
    const { WordingReviewPanel } = await import('../../src/teacher/ui/WordingReviewPanel.tsx');
    const version = instrumentEntries(shippedCatalog(), []).find((entry) => entry.id === 'gad7')!.versions[0]!;
    const html = renderToStaticMarkup(createElement(WordingReviewPanel, { version, next: '1.0.1', db, locale: 'zh-CN', onDone: () => undefined, onClose: () => undefined }));
    expect([...html.matchAll(/<tr data-key="([^"]+)"/g)].map((match) => match[1])).toHaveLength(12);
    expect(html).toContain('<th scope="row">第 1 题</th><td lang="zh-CN">感觉紧张，焦虑或急切</td><td lang="en" class="muted">Feeling nervous, anxious, or on edge</td>');
    expect(html).toContain('已核对 0 / 12 条');
    expect(html).toMatch(/<button type="button" class="primary" disabled="">发布为本校版本 1.0.1<\/button>/);
  });

  it('ties the file label to its input and offers the template downloads', () => {
    const html = renderToStaticMarkup(createElement(InstrumentImport, { db, locale: 'en', onSaved: () => undefined }));
    const id = /<input id="([^"]+)" type="file"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<label for="${id}" class="file-pick">Choose a file (.json, .xlsx or .csv)</label>`);
    expect(html).toContain('Download the empty template (Excel)');
    expect(html).toContain('Download the empty template (CSV)');
    expect(html).toContain('Download an example: PHQ-9 filled in (Excel)');
  });
});
