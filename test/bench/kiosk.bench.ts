/**
 * Kiosk speed in headless Chromium at 4× CPU throttling (an old lab PC), next to a minimal SurveyJS
 * page rendering the same first instrument, measured in the same run; plus the gzipped JS each page
 * loads. Prints numbers and ratios; asserts nothing about speed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM } from '../e2e/harness.ts';
import { answerByKeyboard, askedItems, pressButton, waitForItem } from '../e2e/kioskSteps.ts';
import { demoPlan } from '../e2e/demoKiosk.ts';
import { median } from './support/timing.ts';

const RUNS = 5;
const items = askedItems(demoPlan, 'upper-primary', ['asq_5']);
const THROTTLE = 4;

/** Gzipped size of every script a page loads: its entry and the chunks it preloads. */
function pageJsGzipBytes(outDir: string, html: string): number {
  const text = readFileSync(join(outDir, html), 'utf8');
  const files = new Set([...text.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? ''));
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(join(outDir, file))).length;
  return total;
}

async function throttled(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
}

export async function run(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'psyscreen-bench-'));
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, rollupOptions: { input: { main: 'index.html', kiosk: 'kiosk.html', minimal: 'test/bench/kiosk/minimal.html' } } } });
  const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch(CHROMIUM);
  const minimalMs: number[] = [];
  const signInMs: number[] = [];
  const firstQuestionMs: number[] = [];
  const submitMs: number[] = [];
  try {
    for (let round = 0; round < RUNS; round++) {
      const minimal = await (await browser.newContext()).newPage();
      await throttled(minimal);
      const start = performance.now();
      await minimal.goto(`${base}/test/bench/kiosk/minimal.html`);
      await minimal.locator('.sd-question').first().waitFor();
      minimalMs.push(performance.now() - start);
      await minimal.context().close();

      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/kiosk.html`);
      await page.getByRole('button', { name: '使用演示筛查' }).click();
      await page.locator('#code').waitFor();
      await throttled(page);
      await page.locator('#code').fill('ADFH3694');
      let mark = performance.now();
      await page.keyboard.press('Enter');
      await page.getByText('赵一鸣').waitFor();
      signInMs.push(performance.now() - mark);
      await page.keyboard.press('Enter');
      await page.getByText('开始之前').waitFor();
      mark = performance.now();
      await page.keyboard.press('Enter');
      await page.locator('.sd-question').first().waitFor();
      firstQuestionMs.push(performance.now() - mark);
      for (let step = 0; step < 14; step++) {
        await waitForItem(page, items[step]!);
        await answerByKeyboard(page, step < 10 ? step % 2 : 1);
        if (step < 13) await pressButton(page, /下一题/);
      }
      const submit = page.getByRole('button', { name: '提交' });
      await submit.focus();
      mark = performance.now();
      await page.keyboard.press('Enter');
      await page.getByText('谢谢你！').waitFor();
      submitMs.push(performance.now() - mark);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kioskJs = pageJsGzipBytes(outDir, 'kiosk.html');
  const minimalJs = pageJsGzipBytes(outDir, 'test/bench/kiosk/minimal.html');
  rmSync(outDir, { recursive: true, force: true });
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const toFirst = median(signInMs) + median(firstQuestionMs);
  console.log(`CPU throttled ${THROTTLE}×, median of ${RUNS} runs`);
  console.log(`  minimal SurveyJS page, load → first question: ${ms(median(minimalMs))}`);
  console.log(`  kiosk sign-in (code check, PBKDF2 + roster decrypt): ${ms(median(signInMs))}`);
  console.log(`  kiosk consent → first question visible:             ${ms(median(firstQuestionMs))}`);
  console.log(`  kiosk sign-in → first question (sum, clicks excluded): ${ms(toFirst)}  ratio to minimal page ${(toFirst / median(minimalMs)).toFixed(2)}× (target ≤ 1.2×)`);
  console.log(`  kiosk submit (score + seal + store) → thank-you:    ${ms(median(submitMs))}`);
  console.log(`  JS gzip: kiosk ${(kioskJs / 1024).toFixed(0)} KB, minimal ${(minimalJs / 1024).toFixed(0)} KB, ratio ${(kioskJs / minimalJs).toFixed(2)}× (target ≤ 1.15×)`);
}
