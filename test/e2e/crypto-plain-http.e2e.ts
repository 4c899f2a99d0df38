import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZKioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { demoPlan, openDemoSubmission, storedSealedSubmissions } from './demoKiosk.ts';
import { CHROMIUM, buildApp, screenshot, watchedPage } from './harness.ts';
import { answerByKeyboard, askedItems, pressButton, waitForItem, waitForNextItem } from './kioskSteps.ts';

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/** The production build behind a bare static server: `vite preview` refuses host names it does not know. */
async function serveBuild(): Promise<{ port: number; stop: () => Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'psyscreen-plain-http-'));
  await buildApp(outDir);
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

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download');
  await click();
  return readFileSync(await (await waiting).path());
}

/**
 * This build is served by a plain static server: the page's one look for a lab server (GET
 * /api/v1/hello) gets a 404, which Chromium logs; anything else in the console is a bug.
 */
const withoutLabProbe = (errors: readonly string[]) => errors.filter((line) => !/^Failed to load resource: the server responded with a status of 404/.test(line));

describe('plain-http lab origin (no crypto.subtle, no randomUUID): the pure-JS backend', () => {
  let app: Awaited<ReturnType<typeof serveBuild>> | undefined;
  let browser: Browser | undefined;
  // lab.school.test resolves to loopback: a host name that is not localhost, so the page is not a secure context
  const url = () => `http://lab.school.test:${app?.port ?? 0}`;
  beforeAll(async () => {
    app = await serveBuild();
    browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, '--host-resolver-rules=MAP lab.school.test 127.0.0.1'] });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('a student takes the demo battery through submit; the seal opens with WebCrypto', async () => {
    if (!browser) throw new Error('no browser');
    const { page, foreignRequests, consoleErrors } = await watchedPage(await browser.newContext({ viewport: { width: 1024, height: 768 } }), url());
    await page.goto(`${url()}/kiosk.html`);
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
      await (step === 0 ? waitForItem(page, items[step]!) : waitForNextItem(page, items[step]!));
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
    expect(withoutLabProbe(consoleErrors)).toEqual([]);
  }, 120_000);

  it('the teacher creates a school key, builds a lab plan over pure-JS workers, locks and unlocks', async () => {
    if (!browser) throw new Error('no browser');
    const { page, foreignRequests, consoleErrors } = await watchedPage(await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true }), url());
    await page.goto(`${url()}/teacher.html`);
    expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);
    const passphrase = '明文网络上的测试口令 2026';
    await page.getByLabel('学校名称').fill('青松中学');
    await page.locator('#teacher').fill('李老师');
    await page.locator('#key-name').fill('青松中学 2026 心理筛查');
    await page.locator('#passphrase').fill(passphrase);
    await page.locator('#passphrase-again').fill(passphrase);
    await page.getByRole('button', { name: '创建密钥' }).click();
    await page.getByText('密钥：青松中学 2026 心理筛查').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: '学生名单' }).click();
    await page.getByLabel('选择名单文件').setInputFiles('public/demo/roster-demo.xlsx');
    await page.getByText('读到 40 行').waitFor();
    await page.getByRole('button', { name: /导入名单/ }).click();
    await page.getByText('已导入：新增 40 人，更新 0 人，未变 0 人。').waitFor();
    await page.getByRole('link', { name: '筛查计划' }).click();
    await page.getByRole('checkbox', { name: '5 年级' }).uncheck();
    await page.locator('#plan-pin').fill('864213');
    await page.getByRole('note').filter({ hasText: '以下量表的中文措辞尚未与出版方的正式版本逐字核对' }).getByRole('checkbox').check();
    const planFile = await downloaded(page, async () => {
      await page.getByRole('button', { name: /生成计划文件/ }).click();
      await page.getByRole('status').filter({ hasText: /已加密 \d+ \/ 28 名学生/ }).waitFor();
    });
    await page.getByText(/计划已生成，含 28 名学生/).waitFor({ timeout: 120_000 });
    await screenshot(page, 'plain-http-teacher-plan');
    const plan = ZKioskPlan.parse(JSON.parse(planFile.toString('utf8')));
    expect(new Set(plan.roster.map((entry) => entry.lookup)).size).toBe(28);
    // the codes were sealed by roster workers (rosterPoolFor: every core on plain http), not on the page
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('rosterWorker')).length)).toBeGreaterThan(0);
    await page.getByRole('button', { name: '锁定' }).click();
    await page.locator('#unlock-passphrase').fill(passphrase);
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByText('密钥：青松中学 2026 心理筛查').waitFor({ timeout: 60_000 });
    expect(foreignRequests).toEqual([]);
    expect(withoutLabProbe(consoleErrors)).toEqual([]);
  }, 240_000);
});
