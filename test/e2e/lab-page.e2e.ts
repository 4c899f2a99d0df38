import jsQR from 'jsqr';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZKioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { sealJson } from '../../src/records/sealed.ts';
import { scoredSubmission, type Pupil } from '../teacher/workspace/support.ts';
import { demoPlan } from './demoKiosk.ts';
import { CHROMIUM, launchBrowser, screenshot, watchedPage } from './harness.ts';
import { startLabServerStub, type LabServerStub } from './labServerStub.ts';

/*
 * The workspace's Lab page against a STUB of the lab server (labServerStub.ts): the real server is
 * built elsewhere. What is asserted is the page's behaviour: the token taken from the address, the
 * kiosk addresses and their QR codes, sending the plan, collecting real sealed submissions through the
 * batch import, receipts, clearing, and what it says when something fails.
 */

const PLAN = 'demo-2026@1.0.0';
const RECEIVED = '2026-10-12T02:31:00.000Z';
const ZHANG: Pupil = { number: 'D0802', name: '张子航', className: '八年级(2)班', grade: 8, sex: 'male', birthDate: '2012-11-02' };
const STRANGER: Pupil = { number: 'X9999', name: '不在名单', className: '八年级(2)班', grade: 8, sex: 'female', birthDate: '2012-01-01' };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let stub: LabServerStub;
let browser: Browser;

async function addSubmission(id: string, machine: string, who: Pupil, profile: 'high' | 'low') {
  const bytes = await sealJson(scoredSubmission(who, profile, { id, plan: PLAN }), demoPlan.kiosk.recipient, PLAN, RECEIVED);
  stub.submissions.set(id, { listing: { id, plan: PLAN, machine, receivedAt: RECEIVED, bytes: bytes.length, imported: false }, bytes });
}

/** Every QR code on the page, drawn to pixels in the page itself and decoded here as a phone would. */
async function decodedQrCodes(page: Page): Promise<string[]> {
  const images = await page.evaluate(async () => Promise.all([...document.querySelectorAll('svg.qr-code')].map(async (svg) => {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    return { width: canvas.width, height: canvas.height, data: Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data) };
  })));
  return images.map((image) => jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data ?? '(unreadable)');
}

/** Network refusals the test causes on purpose show in Chromium's console; anything else is a bug. */
const unexpected = (errors: readonly string[]) => errors.filter((line) => !/Failed to load resource|net::ERR_/.test(line));

async function openDemoWorkspace(page: Page) {
  await page.getByRole('button', { name: '打开演示工作台' }).click();
  await page.getByText('密钥：演示学校 2026 心理筛查（演示密钥）').waitFor();
}

beforeAll(async () => {
  stub = await startLabServerStub();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await stub.stop();
});

describe('Lab page (against a lab server stub)', () => {
  it('shows the LAN kiosk address with a QR code, sends the plan, collects real submissions, receipts and clears', async () => {
    await addSubmission(uuid(1), 'lab-0000000a', ZHANG, 'high');
    await addSubmission(uuid(2), 'lab-0000000a', STRANGER, 'low');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, stub.url);
    await page.goto(`${stub.url}/teacher.html#lab-token=${stub.token}`);
    await openDemoWorkspace(page);
    expect(page.url()).not.toContain('lab-token');

    await page.getByRole('link', { name: '机房', exact: true }).click();
    await page.getByText('● 已连接机房服务器').waitFor();
    await page.getByText('服务器上还没有筛查计划，请在下方发送。').waitFor();
    const lan = `http://192.168.1.20:${stub.port}/kiosk.html`;
    expect(await page.locator('.lab-address__url').allTextContents()).toEqual([lan, `http://localhost:${stub.port}/kiosk.html`]);
    expect(await decodedQrCodes(page)).toEqual([lan, `http://localhost:${stub.port}/kiosk.html`]);

    // the plan the workspace built goes to the server as the kiosk plan file
    await page.getByRole('button', { name: '发送到机房服务器' }).click();
    await page.getByText(/机房服务器现在提供 demo-2026@1\.0\.0/).waitFor();
    await page.getByText('学生机正在使用计划 demo-2026@1.0.0').waitFor();
    expect(ZKioskPlan.parse(JSON.parse(stub.plan?.body ?? 'null')).plan.id).toBe('demo-2026');

    // a pull that loses the network half-way imports nothing and says what to do
    await addSubmission(uuid(3), 'lab-0000000b', ZHANG, 'low');
    stub.dropBytes.add(uuid(3));
    await page.getByRole('button', { name: '收取提交' }).click();
    await page.getByText('没能从机房服务器取回全部提交（2/3），本次没有导入任何内容。', { exact: false }).waitFor();
    expect(stub.receipts).toEqual([]);
    await screenshot(page, 'lab-page-pull-failed');

    stub.dropBytes.clear();
    await page.getByRole('button', { name: '收取提交' }).click();
    await page.getByText('服务器上共有 3 份提交，本次取回 3 份。').waitFor();
    const rows = page.locator('.import-report tbody tr');
    await expect.poll(async () => Promise.all((await rows.all()).map(async (row) => [await row.locator('th').textContent(), ...(await row.locator('td').allTextContents())]))).toEqual([
      // the columns: new, duplicate, other key, damaged, not on the roster, a second completed submission
      ['lab-server/lab-0000000a', '1', '0', '0', '0', '1', '0'],
      ['lab-server/lab-0000000b', '1', '0', '0', '0', '0', '1'],
    ]);
    await page.getByText('已告诉服务器：3 份已安全导入。').waitFor();
    expect(stub.receipts.flat().sort()).toEqual([uuid(1), uuid(2), uuid(3)]);
    await screenshot(page, 'lab-page-collected');

    // nothing new the second time
    await page.getByRole('button', { name: '收取提交' }).click();
    await page.getByText('没有新的提交。').waitFor();

    // clearing asks first, then deletes what has a receipt
    await page.getByRole('button', { name: '清除已导入的提交…' }).click();
    await page.getByText('确定要从机房服务器删除所有已导入的提交吗？').waitFor();
    await screenshot(page, 'lab-page-clear-confirm', { fullPage: false });
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText('已从服务器删除 3 份已导入的提交。').waitFor();
    expect(stub.clears.flat().sort()).toEqual([uuid(1), uuid(2), uuid(3)]);

    // the student is in the workspace now, as after a USB import
    await page.getByRole('link', { name: '重点关注' }).click();
    await page.locator('table.attention').getByText('张子航').waitFor();

    // sign-in slips print the LAN address, never localhost
    await page.getByRole('link', { name: '学生名单' }).click();
    await page.locator('.toolbar select').selectOption({ label: '八年级(2)班 (2)' });
    await page.locator('.sign-in-slip__address').first().waitFor();
    expect(new Set(await page.locator('.sign-in-slip__address').allTextContents())).toEqual(new Set([`192.168.1.20:${stub.port}/kiosk.html`]));

    // a token the server no longer accepts: the page says how to get a new one
    stub.token = 'another-token-after-a-restart-0123456789';
    await page.getByRole('link', { name: '机房', exact: true }).click();
    await page.getByRole('button', { name: '收取提交' }).click();
    await page.getByText('机房服务器不认这台电脑的教师令牌。', { exact: false }).first().waitFor();
    expect(foreignRequests).toEqual([]);
    expect(unexpected(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('without the printed address, takes the token the server gives its own PC, and says what to do when it gives none', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, stub.url);
    await page.goto(`${stub.url}/teacher.html`);
    await openDemoWorkspace(page);
    await page.getByRole('link', { name: '机房', exact: true }).click();
    await page.getByText('这个浏览器还没有机房服务器的教师令牌。', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '收取提交' }).isVisible()).toBe(true);
    stub.giveToken = true;
    try {
      await page.getByRole('button', { name: '重新检查' }).click();
      await page.getByText('● 已连接机房服务器').waitFor();
      await page.getByRole('button', { name: '收取提交' }).click();
      // the earlier test cleared the server: nothing new, and no token problem
      await page.getByText('没有新的提交。').waitFor();
      expect(await page.getByText('这个浏览器还没有机房服务器的教师令牌。', { exact: false }).count()).toBe(0);
    } finally {
      stub.giveToken = false;
    }
    expect(foreignRequests).toEqual([]);
    expect(unexpected(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('says calmly that there is no lab server behind a static host, and still shows the kiosk address', async () => {
    stub.lab = false;
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const { page, foreignRequests, consoleErrors } = await watchedPage(context, stub.url);
      await page.goto(`${stub.url}/teacher.html`);
      await openDemoWorkspace(page);
      await page.getByRole('link', { name: '机房', exact: true }).click();
      await page.getByText('本页没有机房服务器').waitFor();
      await page.getByText('本页不是由机房服务器提供的', { exact: false }).waitFor();
      expect(await page.locator('[role="alert"]').count()).toBe(0);
      expect(await page.locator('.lab-address__url').allTextContents()).toEqual([`${stub.url}/kiosk.html`]);
      expect(await decodedQrCodes(page)).toEqual([`${stub.url}/kiosk.html`]);
      expect(await page.getByRole('button', { name: '收取提交' }).count()).toBe(0);
      await screenshot(page, 'lab-page-no-server');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('No lab server behind this page').waitFor();
      await page.getByText('This page is not served by a lab server', { exact: false }).waitFor();
      await screenshot(page, 'lab-page-no-server-en', { fullPage: false });
      expect(foreignRequests).toEqual([]);
      expect(unexpected(consoleErrors)).toEqual([]);
      await context.close();
    } finally {
      stub.lab = true;
    }
  });

  it('on a plain-http LAN origin, says once what does not work there', async () => {
    const onLan = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, '--host-resolver-rules=MAP lab.school.test 127.0.0.1'] });
    try {
      const context = await onLan.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const origin = `http://lab.school.test:${stub.port}`;
      await page.goto(`${origin}/teacher.html`);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      const notice = page.getByText('本页通过普通 http 打开（不是安全来源）', { exact: false });
      await notice.waitFor();
      await screenshot(page, 'teacher-insecure-origin', { fullPage: false });
      await page.getByRole('button', { name: '知道了' }).click();
      await notice.waitFor({ state: 'detached' });
      await page.reload();
      await page.locator('.teacher-header').waitFor();
      await page.waitForTimeout(300);
      expect(await notice.count()).toBe(0);
      await context.close();
    } finally {
      await onLan.close();
    }
  });
});
