import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { build } from 'vite';
import { demoPlan, openDemoSubmission, storedSealedSubmissions } from './demoKiosk.ts';
import { CHROMIUM, screenshot, watchedPage } from './harness.ts';
import { answerByKeyboard, askedItems, pressButton, waitForItem } from './kioskSteps.ts';

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/** The production build behind a bare static server: `vite preview` refuses host names it does not know. */
async function serveBuild(): Promise<{ port: number; stop: () => Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'psyscreen-plain-http-'));
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const server = createServer((request, response) => {
    const path = normalize(join(outDir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(outDir) || !existsSync(path) || !statSync(path).isFile()) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, stop: () => new Promise<void>((resolve) => server.close(() => { rmSync(outDir, { recursive: true, force: true }); resolve(); })) };
}

it('on a plain-http lab origin (no crypto.subtle, no randomUUID) a student takes the demo battery; the pure-JS seal opens with WebCrypto', async () => {
  const app = await serveBuild();
  // lab.school.test resolves to loopback: a host name that is not localhost, so the page is not a secure context
  const browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, '--host-resolver-rules=MAP lab.school.test 127.0.0.1'] });
  try {
    const url = `http://lab.school.test:${app.port}`;
    const { page, foreignRequests, consoleErrors } = await watchedPage(await browser.newContext({ viewport: { width: 1024, height: 768 } }), url);
    await page.goto(`${url}/kiosk.html`);
    expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle, typeof crypto.randomUUID])).toEqual([false, 'undefined', 'undefined']);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').waitFor();
    await page.keyboard.type('fghj-6794');
    await page.keyboard.press('Enter');
    await page.getByText('张子航').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.getByText('开始之前').waitFor();
    await page.keyboard.press('Enter');
    const choices = [1, 1, 1, 2, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 2, 0, 0, 1, 1, 1, 1];
    const items = askedItems(demoPlan, 'junior', ['asq_5']);
    expect(items).toHaveLength(choices.length);
    for (const [step, choice] of choices.entries()) {
      await waitForItem(page, items[step]!);
      await answerByKeyboard(page, choice);
      await pressButton(page, step === choices.length - 1 ? /提交/ : /下一题/);
    }
    await page.getByText('谢谢你！').waitFor({ timeout: 30_000 });
    await screenshot(page, 'plain-http-kiosk-thanks');
    const sealed = await storedSealedSubmissions(page);
    expect(sealed).toHaveLength(1);
    const submission = await openDemoSubmission(sealed[0] ?? '');
    expect([submission.student.name, submission.status]).toEqual(['张子航', 'completed']);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await browser.close();
    await app.stop();
  }
}, 180_000);
