import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchedPage } from './harness.ts';

// `npm run dev` serves the dev build (React Refresh, no service worker); the other e2e files test the
// production build (`npm start` is the lab server, test/server). This checks the dev server gives a working demo.
let server: ViteDevServer;
let browser: Browser;
beforeAll(async () => {
  server = await createServer({ logLevel: 'error', server: { port: 0, host: '127.0.0.1', strictPort: false } });
  await server.listen();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('npm run dev (dev server)', () => {
  it('serves the library and a demo screening a new user can start at once', async () => {
    const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    const context = await browser.newContext();
    const { page, consoleErrors, foreignRequests } = await watchedPage(context, url);
    await page.goto(url);
    await page.locator('article.instrument').first().waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: '试用学生端演示筛查' }).click();
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').waitFor();
    await page.locator('#code').fill('FGHJ-6794');
    await page.keyboard.press('Enter');
    await page.getByText('张子航').waitFor();
    expect(consoleErrors.join('\n')).toBe('');
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
