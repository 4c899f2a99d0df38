import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlan } from './demoKiosk.ts';
import { LAB_HOST, launchLabBrowser, screenshot, startLab, watchedPage } from './harness.ts';
import { answerByKeyboard, askedItems, pressButton, waitForItem, waitForNextItem } from './kioskSteps.ts';

/*
 * Issue 11's "done means", against the real lab server (src/server) as `npm start` runs it: a lab PC on
 * a plain-http LAN name takes the demo battery, and its submission reaches the teacher workspace with
 * no file moved; an acute answer holds the kiosk and raises the banner in the workspace.
 */

// PHQ-9 1–9 and item 10, GAD-7 1–7, then ASQ: option 0 is "是" (yes), 1 is "否" (no).
const PHQ_GAD = [1, 1, 1, 2, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 2, 0, 0];
const NO_RISK = [...PHQ_GAD, 1, 1, 1, 1];
const ACUTE = [...PHQ_GAD, 0, 1, 1, 1, 0];

let lab: Awaited<ReturnType<typeof startLab>>;
let browser: Browser;
beforeAll(async () => {
  lab = await startLab();
  browser = await launchLabBrowser();
});
afterAll(async () => {
  await browser.close();
  await lab.stop();
});

const kioskUrl = () => `http://${LAB_HOST}:${lab.port}/kiosk.html`;
const teacherUrl = () => `${lab.url}/teacher.html#lab-token=${lab.token}`;

async function takeBattery(page: Page, code: string, name: string, choices: readonly number[], skip: readonly string[]): Promise<void> {
  await page.locator('#code').fill(code);
  await page.locator('#code').press('Enter');
  await page.getByText(name).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('开始之前').waitFor();
  await page.keyboard.press('Enter');
  const items = askedItems(demoPlan, 'junior', skip);
  expect(items).toHaveLength(choices.length);
  for (const [step, choice] of choices.entries()) {
    const item = items[step]!;
    await (step === 0 ? waitForItem(page, item) : waitForNextItem(page, item));
    await answerByKeyboard(page, choice);
    await pressButton(page, step === choices.length - 1 ? /提交/ : /下一题/);
  }
}

/** Every file under a folder, as bytes. */
function filesUnder(dir: string): Buffer[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path)];
  });
}

/** Network refusals a lab causes on purpose (a 404 for a draft the server does not have) show in the console. */
const unexpected = (errors: readonly string[]) => errors.filter((line) => !/Failed to load resource/.test(line));

describe('a lab session with the real lab server', () => {
  it('serves a build whose HTML carries the CSP and whose service worker leaves the demo school key out', () => {
    const kioskHtml = readFileSync(join(lab.distDir, 'kiosk.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(kioskHtml)?.[1]?.replaceAll('&#39;', "'");
    expect(meta).toMatch(/^default-src 'self'; script-src 'self';.*object-src 'none'/);
    expect(kioskHtml).not.toMatch(/<meta[^>]*frame-ancestors/);
    // the production bundle, as npm start serves it: React's development build would hide what a lab PC runs
    expect(kioskHtml).not.toContain('jsx-dev-runtime');
    const sw = readFileSync(join(lab.distDir, 'sw.js'), 'utf8');
    expect(sw).toContain('demo/kiosk-plan.json');
    expect(sw).not.toContain('demo-school-key.json');
    expect(sw).not.toContain('demo-workspace.json');
  });

  it('a lab PC on plain http takes the demo battery; the submission reaches the workspace with one button', async () => {
    const kioskContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const kiosk = await watchedPage(kioskContext, kioskUrl());
    await kiosk.page.goto(kioskUrl());
    expect(await kiosk.page.evaluate(() => ({ secure: window.isSecureContext, subtle: typeof crypto.subtle, uuid: typeof crypto.randomUUID })))
      .toEqual({ secure: false, subtle: 'undefined', uuid: 'undefined' });
    // no plan on this PC: it takes the one the lab server serves (the demo), nothing to click
    await kiosk.page.locator('#code').waitFor();
    await kiosk.page.getByText('已连接老师的电脑').waitFor();
    await takeBattery(kiosk.page, 'KMNP-7943', '陈思琪', NO_RISK, ['asq_5']);
    await kiosk.page.getByText('谢谢你！').waitFor();
    await screenshot(kiosk.page, 'lab-kiosk-plain-http-thanks');

    const teacherContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const teacher = await watchedPage(teacherContext, lab.url);
    await teacher.page.goto(teacherUrl());
    await teacher.page.getByRole('button', { name: '打开演示工作台' }).click();
    await teacher.page.getByText('密钥：演示学校 2026 心理筛查（演示密钥）').waitFor();
    await teacher.page.getByRole('link', { name: '机房', exact: true }).click();
    await teacher.page.getByText('● 已连接机房服务器').waitFor();
    await teacher.page.getByRole('button', { name: '收取提交' }).click();
    await teacher.page.getByText('服务器上共有 1 份提交，本次取回 1 份。').waitFor({ timeout: 20_000 });
    const row = teacher.page.locator('.import-report tbody tr').first();
    expect(await row.locator('td').first().textContent()).toBe('1');
    await screenshot(teacher.page, 'lab-teacher-collected');

    // the live monitor shows her finished
    await teacher.page.getByRole('link', { name: '机房监控' }).click();
    await teacher.page.locator('section.monitor-class tr', { hasText: '陈思琪' }).getByText(/已完成/).waitFor();
    await screenshot(teacher.page, 'lab-teacher-monitor');

    // the server holds only ciphertext: no name, student number or code in its data folder
    const stored = Buffer.concat(filesUnder(lab.dataDir));
    for (const secret of ['陈思琪', 'D0803', 'KMNP7943', 'KMNP-7943', '八年级']) expect(stored.includes(Buffer.from(secret)), secret).toBe(false);

    expect(kiosk.foreignRequests).toEqual([]);
    expect(teacher.foreignRequests).toEqual([]);
    expect(unexpected(kiosk.consoleErrors)).toEqual([]);
    expect(unexpected(teacher.consoleErrors)).toEqual([]);
    await kioskContext.close();
    await teacherContext.close();
  });

  it('an acute answer holds the kiosk and raises the red banner in the workspace until acknowledged', async () => {
    const teacherContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const teacher = await watchedPage(teacherContext, lab.url);
    await teacher.page.goto(teacherUrl());
    await teacher.page.getByRole('button', { name: '打开演示工作台' }).click();
    await teacher.page.getByText('密钥：演示学校 2026 心理筛查（演示密钥）').waitFor();
    // a second workspace opened on the server PC itself via localhost, without the printed address
    const localContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const local = await watchedPage(localContext, lab.url);
    await local.page.goto(`${lab.url}/teacher.html`);
    await local.page.getByRole('button', { name: '打开演示工作台' }).click();
    await local.page.getByText('密钥：演示学校 2026 心理筛查（演示密钥）').waitFor();

    const kioskContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const kiosk = await watchedPage(kioskContext, kioskUrl());
    await kiosk.page.goto(kioskUrl());
    await kiosk.page.locator('#code').waitFor();
    await takeBattery(kiosk.page, 'FGHJ-6794', '张子航', ACUTE, []);
    await kiosk.page.getByText('请在座位上稍等').waitFor();
    expect(await kiosk.page.getByText('谢谢你！').count()).toBe(0);

    const banner = teacher.page.getByRole('alert').filter({ hasText: /紧急：张子航（八年级\(2\)班）在机房 PC lab-[0-9a-f]{8} 需要老师立即到场/ });
    await banner.waitFor({ timeout: 20_000 });
    await banner.getByText(/ASQ 第 5 题（当前自杀想法）回答“是”或拒答/).waitFor();
    await screenshot(teacher.page, 'lab-teacher-alert');
    // the localhost workspace took the token the server gives its own PC: the same banner, by itself
    const localBanner = local.page.getByRole('alert').filter({ hasText: /紧急：张子航（八年级\(2\)班）在机房 PC lab-[0-9a-f]{8} 需要老师立即到场/ });
    await localBanner.waitFor({ timeout: 20_000 });
    await banner.getByRole('button', { name: '我已知晓并到场处理' }).click();
    await expect.poll(() => teacher.page.getByRole('alert').filter({ hasText: '紧急' }).count(), { timeout: 10_000 }).toBe(0);
    // acknowledged on one workspace, it goes from the other at its next poll
    await expect.poll(() => local.page.getByRole('alert').filter({ hasText: '紧急' }).count(), { timeout: 10_000 }).toBe(0);

    // the supervising teacher releases the machine with the PIN and sees who and why
    await kiosk.page.locator('#hold-pin').fill(demoPlan.kiosk.demoPin ?? '');
    await kiosk.page.locator('#hold-pin').press('Enter');
    await kiosk.page.getByText('学生：张子航（八年级(2)班）').waitFor();
    await kiosk.page.getByRole('button', { name: '已与学生交谈，回到登录页' }).click();
    await kiosk.page.locator('#code').waitFor();

    // signing in again on another PC: the server knows she has finished
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await other.goto(kioskUrl());
    await other.locator('#code').fill('FGHJ-6794');
    await other.locator('#code').press('Enter');
    await other.getByText('你已经在另一台电脑上完成了测评，请告诉老师。').waitFor();

    expect(unexpected(kiosk.consoleErrors)).toEqual([]);
    expect(unexpected(teacher.consoleErrors)).toEqual([]);
    // on the server's own PC nothing is refused: not even a failed request in the console
    expect(local.consoleErrors).toEqual([]);
    expect(local.foreignRequests).toEqual([]);
    await localContext.close();
    await otherContext.close();
    await kioskContext.close();
    await teacherContext.close();
  });
});
