import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, catalogFromFiles, refOf, type Instrument, type Locale } from '../../scoring/index.ts';
import { readLibraryFiles } from '../../src/library/disk.ts';
import { appAndBrowser, screenshot, startApp, watchedPage } from './harness.ts';
import { focused, tabTo } from './keyboard.ts';

const env = appAndBrowser();
const library = catalogFromFiles(readLibraryFiles()).catalog;
const VIEWPORT = { width: 1024, height: 768 };
const LANGUAGE_BUTTON: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

const card = (def: Instrument) => `article[data-instrument="${def.id}"][data-version="${def.version}"]`;

describe('instrument library page', () => {
  it('lists every shipped instrument with its identity, audience, source and terms, in Chinese and in English', async () => {
    const context = await env.browser().newContext({ viewport: VIEWPORT });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(env.url());
    await expect.poll(() => page.locator('article.instrument').count()).toBe(library.instruments.length);
    expect(await page.locator('.problems').count()).toBe(0);

    for (const locale of LOCALES) {
      if (locale !== 'zh-CN') await page.getByRole('button', { name: LANGUAGE_BUTTON[locale], exact: true }).click();
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      for (const def of library.instruments) {
        const shown = page.locator(card(def));
        await expect.poll(() => shown.locator('h3').innerText()).toBe(`${def.abbreviation} ${def.name[locale]}`);
        const text = await shown.innerText();
        for (const expected of [def.version, def.source.citation, def.licence.notice[locale], `${def.id}@${def.version}#${refOf(def).split('#')[1]!.slice(0, 8)}`]) {
          expect(text).toContain(expected);
        }
        expect(text).toContain(locale === 'zh-CN' ? `${def.grades.min}–${def.grades.max} 年级` : `grades ${def.grades.min}–${def.grades.max}`);
        expect(text).toContain(locale === 'zh-CN' ? `${def.ages.min}–${def.ages.max} 岁` : `ages ${def.ages.min}–${def.ages.max}`);
        const ref = shown.locator('.ref code');
        expect(await ref.getAttribute('data-ref')).toBe(refOf(def));
        expect(await ref.getAttribute('title')).toContain(refOf(def)); // the full hash, on hover
        expect(await shown.locator('.badge').count()).toBe(def.wordingVerified ? 0 : 1);
      }
      const name = locale === 'zh-CN' ? 'zh' : 'en';
      await screenshot(page, `library-${name}`, { fullPage: false });
      await screenshot(page, `library-${name}-full`);
    }
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('previews PHQ-9 and scores it, all by keyboard; the total is the sum of the answers', async () => {
    const phq9 = library.instruments.find((def) => def.id === 'phq9')!;
    const context = await env.browser().newContext({ viewport: VIEWPORT });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(env.url());
    await page.locator(card(phq9)).waitFor();

    // Keyboard only from here: Tab to the PHQ-9 preview button and open it.
    await tabTo(page, (element) => element.id === `preview-phq9-${phq9.version}`, 'the PHQ-9 preview button');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('preview-heading');
    expect(await page.locator('#preview-heading').innerText()).toContain(phq9.name['zh-CN']);
    const questions = page.locator('.sd-question');
    // item 10 (how difficult) is asked only once a problem has been reported
    await expect.poll(() => questions.count()).toBe(9);
    await screenshot(page, 'preview-phq9-zh', { fullPage: false });

    const choices = [1, 2, 0, 3, 1, 0, 2, 1, 0];
    for (const [index, choice] of choices.entries()) {
      const item = `phq9_${index + 1}`;
      // Tab enters the radio group, Space picks the first option, arrows move the choice down.
      await tabTo(page, (element) => element.name.startsWith(`${item}_`), item, 5);
      await page.keyboard.press('Space');
      for (let step = 0; step < choice; step++) await page.keyboard.press('ArrowDown');
      await expect.poll(() => questions.nth(index).locator('input[type="radio"]:checked').getAttribute('value')).toBe(String(choice));
    }
    await expect.poll(() => questions.count()).toBe(10);
    expect(await questions.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-name')))).toEqual(phq9.items.map((item) => item.id));
    await tabTo(page, (element) => element.name.startsWith('phq9_10_'), 'phq9_10', 5);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await screenshot(page, 'preview-phq9-zh-answered');
    await tabTo(page, (element) => element.className.includes('sd-navigation__complete-btn'), 'the submit button', 10);
    await page.keyboard.press('Enter');

    // The result takes focus, so a keyboard or screen-reader user lands on it.
    await expect.poll(async () => (await focused(page)).id).toBe('result-heading');
    const total = choices.reduce((sum, value) => sum + value, 0);
    const row = page.locator('.result tr[data-scale="total"]');
    expect(await row.locator('td.raw').innerText()).toBe(String(total));
    expect(await row.innerText()).toContain(phq9.scales[0]!.bands!.find((band) => total >= band.gte && (band.lt === undefined || total < band.lt))!.label['zh-CN']);
    // total 10 and item 9 answered 0 → medium under the default policy, no flag
    expect(await page.locator('.result [data-tier]').getAttribute('data-tier')).toBe('medium');
    expect(await page.locator('.result [data-flags]').getAttribute('data-flags')).toBe('');
    await screenshot(page, 'preview-phq9-result-zh', { fullPage: false });

    // The language switch changes the page and the instrument texts alike.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => page.locator('.result h3').innerText()).toBe('Score of this preview');
    expect(await row.innerText()).toContain(phq9.scales[0]!.name.en);
    await screenshot(page, 'preview-phq9-result-en', { fullPage: false });
    await page.getByRole('button', { name: 'Answer again' }).click();
    await expect.poll(() => questions.first().innerText()).toContain(phq9.items[0]!.text.en);
    await screenshot(page, 'preview-phq9-en', { fullPage: false });

    // Back returns to the list with focus on the button that opened the preview.
    await page.getByRole('button', { name: /Back to the library/ }).click();
    await expect.poll(async () => (await focused(page)).id).toBe(`preview-phq9-${phq9.version}`);

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
  it('shows T-scores and percentiles where the instrument has norms, and the flags of critical items', async () => {
    const context = await env.browser().newContext({ viewport: VIEWPORT });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    // Focus and Space rather than a click: SurveyJS animates a question in as it appears, and a click at
    // the coordinates taken before the animation ends can land beside the option.
    const choose = async (item: string, value: number) => {
      const option = page.locator(`.sd-question[data-name="${item}"] input[type="radio"][value="${value}"]`);
      await option.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => option.isChecked()).toBe(true);
    };
    const submit = () => page.locator('.sd-navigation__complete-btn').click();

    // K10 has the 2019 national student norms: all items "a little of the time" (2) → raw 20
    const k10 = library.instruments.find((def) => def.id === 'k10')!;
    await page.goto(`${env.url()}/#/preview/k10@${k10.version}`);
    await page.locator('.sd-question').first().waitFor();
    for (const item of k10.items) await choose(item.id, 2);
    await submit();
    const total = page.locator('.result tr[data-scale="total"]');
    await expect.poll(() => total.locator('td.raw').innerText()).toBe('20');
    const [t, percentile] = await total.locator('td.number').allInnerTexts();
    const group = library.norms.find((table) => table.instrument === 'k10')?.scales.total?.[0];
    expect(Number(t)).toBeCloseTo(50 + (10 * (20 - group!.mean)) / group!.sd, 1);
    // the percentile, and where it comes from the normal curve (no published percentile points), a note saying so
    expect(Number(/^\d+(?:\.\d+)?/.exec(percentile ?? '')?.[0])).toBeGreaterThan(0);
    await screenshot(page, 'preview-k10-result-zh', { fullPage: false });

    // ASQ: a "yes" to item 1 opens item 5; "yes" there too → high, urgent and acute
    const asq = library.instruments.find((def) => def.id === 'asq')!;
    await page.goto(`${env.url()}/#/preview/asq@${asq.version}`);
    await page.locator('.sd-question').first().waitFor();
    await expect.poll(() => page.locator('.sd-question[data-name="asq_5"]').count()).toBe(0);
    for (const item of ['asq_2', 'asq_3', 'asq_4']) await choose(item, 0);
    await choose('asq_1', 1);
    await choose('asq_5', 1);
    await submit();
    await expect.poll(() => page.locator('.result [data-tier]').getAttribute('data-tier')).toBe('high');
    expect(await page.locator('.result [data-flags]').getAttribute('data-flags')).toBe('urgent acute');
    await screenshot(page, 'preview-asq-result-zh', { fullPage: false });

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Rewrites one library file as the bundle reads it, leaving the file on disk alone. */
function rewriteLibraryFile(file: string, rewrite: (json: Record<string, unknown>) => void): Plugin {
  return {
    name: `rewrite-${file}`,
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith(file)) return null;
      const json = JSON.parse(code) as Record<string, unknown>;
      rewrite(json);
      return JSON.stringify(json);
    },
  };
}

describe('a library with a hostile and a broken file', () => {
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  beforeAll(async () => {
    app = await startApp({
      plugins: [
        rewriteLibraryFile('/instruments/who5/1.0.0.json', (json) => { (json.items as { text: unknown }[])[0]!.text = { 'zh-CN': HOSTILE, en: HOSTILE }; }),
        rewriteLibraryFile('/instruments/k6/1.0.0.json', (json) => { delete json.licence; }),
      ],
    });
  });
  afterAll(async () => { await app?.stop(); });

  it('names the broken file as an error and shows markup in item texts as literal text', async () => {
    const url = app!.url;
    const context = await env.browser().newContext({ viewport: VIEWPORT });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, url);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });

    await page.goto(url);
    const problems = page.getByRole('alert');
    await expect.poll(() => problems.innerText()).toContain('k6/1.0.0.json');
    expect(await problems.innerText()).toContain('licence');
    expect(await page.locator('article.instrument').count()).toBe(library.instruments.length - 1);
    await screenshot(page, 'library-broken-file', { fullPage: false });

    await page.getByRole('button', { name: '预览 WHO-5' }).click();
    await page.getByText(HOSTILE, { exact: true }).waitFor();
    await screenshot(page, 'preview-markup-as-text', { fullPage: false });
    expect(await page.locator('.sd-question').first().innerText()).toContain(HOSTILE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
