import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appAndBrowser, watchedPage } from './harness.ts';

const env = appAndBrowser();

/** The scripts this page has loaded since it was last (re)loaded, by the page's own resource timing. */
const loadedScripts = (page: Page): Promise<string[]> =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));

/** Those of `urls` whose code contains `marker` (fetched from the app, so from the same build). */
const scriptsContaining = (page: Page, urls: readonly string[], marker: string): Promise<string[]> =>
  page.evaluate(async ({ urls, marker }) => {
    const hits: string[] = [];
    for (const url of urls) if ((await (await fetch(url)).text()).includes(marker)) hits.push(url);
    return hits;
  }, { urls, marker });

/** Rewrites the plan the kiosk stored, directly in IndexedDB, as a different app version or a later day would find it. */
const editStoredPlan = (page: Page, edit: 'older build, no PIN' | 'window closed'): Promise<void> =>
  page.evaluate(async (edit) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('psyscreen-kiosk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const store = db.transaction('plans', 'readwrite').objectStore('plans');
    type Row = { checkedBy?: string; file: { kiosk: { pin?: unknown }; plan: { window: unknown } } };
    const row = await new Promise<Row>((resolve) => { const get = store.get('current'); get.onsuccess = () => resolve(get.result as Row); });
    if (edit === 'older build, no PIN') {
      row.checkedBy = 'an-older-build';
      delete row.file.kiosk.pin;
    } else {
      row.file.plan.window = { opens: '2020-09-01', closes: '2021-01-15' };
    }
    await new Promise((resolve) => { const put = store.put(row); put.onsuccess = resolve; });
    db.close();
  }, edit);

// zod's error class keeps its name through minification: a script with it carries the validator.
const ZOD_MARKER = 'ZodError';

describe('kiosk with a stored plan', () => {
  it('a student\'s way in loads no validator: the plan was checked when the teacher loaded it', async () => {
    const context = await env.browser().newContext();
    const { page, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').waitFor();
    // Loading a plan file does run the full validator: this is what the check below would catch.
    expect(await scriptsContaining(page, await loadedScripts(page), ZOD_MARKER)).not.toEqual([]);

    await page.reload();
    await page.locator('#code').fill('ADFH3694');
    await page.keyboard.press('Enter');
    await page.getByText('赵一鸣').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('开始之前').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.sd-question').first().waitFor();
    const scripts = await loadedScripts(page);
    expect(scripts.some((url) => /\/assets\/kiosk-[^/]+\.js$/.test(url))).toBe(true);
    expect(await scriptsContaining(page, scripts, ZOD_MARKER)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('checks a plan stored by another app version again, and refuses a stored plan whose window has closed', async () => {
    const context = await env.browser().newContext();
    const { page } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').waitFor();

    // An older build stored it, and the file lacks its PIN: this build's schema must see that.
    await editStoredPlan(page, 'older build, no PIN');
    await page.reload();
    await page.getByText('这个计划文件不能使用：').waitFor();
    await page.getByText(/缺少必填项/).waitFor();
    expect(await page.locator('#code').count()).toBe(0);

    // This build checked it, but the screening has since closed: the date is checked on every start.
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').waitFor();
    await editStoredPlan(page, 'window closed');
    await page.reload();
    await page.getByText('这次筛查已于 2021-01-15 结束，不能再作答。', { exact: false }).waitFor();
    expect(await page.locator('#code').count()).toBe(0);
    await context.close();
  });

  it('says what to do when the teacher panel cannot be fetched, and lets the teacher close it', async () => {
    const context = await env.browser().newContext();
    await context.route(/\/assets\/TeacherPanel-[^/]+\.js$/, (route) => route.abort());
    const { page } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').waitFor();
    await page.getByRole('button', { name: '教师' }).click();
    await page.getByText('本机还没有完整保存筛查程序的这一部分，暂时无法使用。请连上网络，刷新本页后再试。').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
    await page.locator('#code').waitFor();
    await context.close();
  });

  it('says what to do when the plan reader cannot be fetched, instead of waiting for ever', async () => {
    const context = await env.browser().newContext();
    await context.route(/\/assets\/planFile-[^/]+\.js$/, (route) => route.abort());
    const { page } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.getByText('本机还没有完整保存筛查程序的这一部分，暂时无法使用。请连上网络，刷新本页后再试。').waitFor();
    expect(await page.locator('#code').count()).toBe(0);
    await context.close();
  });
});
