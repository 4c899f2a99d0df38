import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, buildPlan } from '../../scoring/index.ts';
import { DEFAULT_TEXTS, buildKioskPlan } from '../../src/kiosk/buildKioskPlan.ts';
import { shippedCatalog } from '../support/library.ts';
import { appAndBrowser, screenshot, watchedPage } from './harness.ts';
import { demoPlan } from './demoKiosk.ts';
import { answerByKeyboard, askedItems, pressButton, waitForItem, waitForNextItem } from './kioskSteps.ts';

const env = appAndBrowser();

const XSS_NAME = '<img src=x onerror="window.__pwned=1">小明';
const XSS_ITEM = '<script>window.__pwned=2</script><b>心情</b>';

/** A plan whose roster name and first K10 item carry markup; refs are re-pinned so the plan is valid. */
async function hostilePlanJson(): Promise<string> {
  const catalog = shippedCatalog();
  const tampered = {
    ...catalog,
    instruments: catalog.instruments.map((def) => (def.id === 'k10' ? { ...def, items: def.items.map((item, i) => (i === 0 ? { ...item, text: { 'zh-CN': XSS_ITEM, en: XSS_ITEM } } : item)) } : def)),
  };
  const built = buildPlan(tampered, {
    id: 'xss-plan', version: '1.0.0', name: { 'zh-CN': '<i>计划</i>', en: 'plan' }, schoolYear: '2026-2027',
    window: { opens: '2026-01-01', closes: '2099-12-31' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new Error(built.missing);
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const publicKey = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))));
  const file = await buildKioskPlan({
    plan: built.plan, pin: '1357', layout: 'page', returnAfterSeconds: 3,
    recipient: { keyId: 'xss0000000000000', name: 'XSS test', publicKey },
    texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(built.plan.gradeBands.map((band) => [band.id, { 'zh-CN': '<u>同意</u>', en: 'consent' }])) },
    roster: [{ code: 'ACDE3479', identity: { studentId: 'X1', name: XSS_NAME, className: '<b>五(1)班</b>', grade: 5, sex: 'female' } }],
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  });
  return JSON.stringify(file);
}

/** A plan built today with details sign-in: its entries need the lab-session code written on the board. */
async function sessionCodePlanJson(): Promise<string> {
  const built = buildPlan(shippedCatalog(), {
    id: 'session-plan', version: '1.0.0', name: { 'zh-CN': '课堂码计划', en: 'Session code plan' }, schoolYear: '2026-2027',
    window: { opens: '2026-01-01', closes: '2099-12-31' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new Error(built.missing);
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const publicKey = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))));
  const file = await buildKioskPlan({
    plan: built.plan, pin: '135792', layout: 'page', returnAfterSeconds: 3, signInByDetails: true, sessionCode: 'KMN479',
    recipient: { keyId: 'sess000000000000', name: 'Session test', publicKey },
    texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(built.plan.gradeBands.map((band) => [band.id, { 'zh-CN': '同意', en: 'consent' }])) },
    roster: [{ code: 'ACDE3479', birthDate: '2012-11-02', identity: { studentId: 'D0802', name: '张子航', className: '八年级(2)班', grade: 8, sex: 'male' } }],
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  });
  return JSON.stringify(file);
}

describe('kiosk safety', () => {
  it('shows markup in roster names and item texts as text, never running it', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page, foreignRequests } = await watchedPage(context, env.url());
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.goto(`${env.url()}/kiosk.html`);
    await page.locator('input[type="file"]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(await hostilePlanJson()) });
    await page.locator('#code').waitFor();
    await page.keyboard.type('ACDE3479');
    await page.keyboard.press('Enter');
    await page.getByText(XSS_NAME).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('<u>同意</u>').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(XSS_ITEM).first().waitFor();
    await screenshot(page, 'kiosk-xss-as-text');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('fits a portrait tablet with large text: no sideways scrolling, answer and next within reach', async () => {
    const context = await env.browser().newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
    const { page } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.getByRole('button', { name: '大字' }).click();
    await page.locator('#code').fill('KMNP-7943');
    await page.locator('#code').press('Enter');
    await page.getByRole('button', { name: '是我，继续' }).tap();
    await page.getByRole('button', { name: '我愿意参加' }).tap();
    await page.locator('.sd-question').first().waitFor();
    await page.locator('.sd-question label').nth(1).tap();
    await screenshot(page, 'kiosk-tablet-large-text');
    const titleSize = await page.locator('.sd-question__title').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(titleSize).toBeGreaterThanOrEqual(22);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const next = await page.getByRole('button', { name: '下一题' }).boundingBox();
    expect(next && next.x + next.width <= 768 && next.y + next.height <= 1024).toBe(true);
    await context.close();
  });

  it('signs a student in by class, student number and birth date when the plan allows it', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.getByRole('button', { name: '没有登录码？用班级、学号和出生日期登录' }).click();
    await page.locator('#class').selectOption('八年级(2)班');
    await page.locator('#number').fill('D0802');
    await page.locator('#birth').fill('2012-11-03');
    await page.locator('#birth').press('Enter');
    await page.getByText('没有找到与班级、学号和出生日期相符的学生').waitFor();
    await page.locator('#birth').fill('2012-11-02');
    await page.locator('#birth').press('Enter');
    await page.getByText('张子航').waitFor();
    await screenshot(page, 'kiosk-details-confirm');
    expect(consoleErrors.join('\n')).toBe('');
    await context.close();
  });

  it('asks for the lab-session code on the board where the plan requires it, and signs in only with it', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.locator('input[type="file"]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(await sessionCodePlanJson()) });
    await page.getByRole('button', { name: '没有登录码？用班级、学号和出生日期登录' }).click();
    await page.locator('#class').selectOption('八年级(2)班');
    await page.locator('#number').fill('D0802');
    await page.locator('#birth').fill('2012-11-02');
    await expect.poll(() => page.getByRole('button', { name: '开始' }).isDisabled()).toBe(true);
    await page.getByLabel('课堂码').fill('KMN-473');
    await page.getByLabel('课堂码').press('Enter');
    await page.getByText('没有找到相符的学生。请核对班级、学号、出生日期和黑板上的课堂码').waitFor();
    await screenshot(page, 'kiosk-details-session-code');
    await page.getByLabel('课堂码').fill('kmn-479');
    await page.getByLabel('课堂码').press('Enter');
    await page.getByText('张子航').waitFor();
    expect(consoleErrors.join('\n')).toBe('');
    await context.close();
  });

  it('stops taking new students when storage is nearly full, and says so', async () => {
    const context = await env.browser().newContext();
    // the browser reports 5 MB left: below the 20 MB the kiosk keeps free for a battery in progress
    await context.addInitScript(() => {
      Object.defineProperty(navigator.storage, 'estimate', { value: () => Promise.resolve({ usage: 995e6, quota: 1000e6 }) });
    });
    const { page } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').fill('FGHJ-6794');
    await page.locator('#code').press('Enter');
    await page.getByText('这台电脑的存储空间快满了').waitFor();
    expect(await page.getByText('张子航').count()).toBe(0);
    await context.close();
  });

  it('refuses a second kiosk tab on the same machine', async () => {
    const context = await env.browser().newContext();
    const first = await context.newPage();
    await first.goto(`${env.url()}/kiosk.html`);
    await first.getByText('载入筛查计划').waitFor();
    const second = await context.newPage();
    await second.goto(`${env.url()}/kiosk.html`);
    await second.getByText('筛查已在本机的另一个窗口中打开').waitFor();
    await context.close();
  });

  it('after one visit, runs a whole session with the network cut', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').waitFor();
    await page.keyboard.type('ADFH3694'); // grade 6: K10 + ASQ
    await page.keyboard.press('Enter');
    await page.getByText('赵一鸣').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('开始之前').waitFor();
    await page.keyboard.press('Enter');
    const items = askedItems(demoPlan, 'upper-primary', ['asq_5']);
    const count = items.length;
    for (let step = 0; step < count; step++) {
      await (step === 0 ? waitForItem(page, items[step]!) : waitForNextItem(page, items[step]!));
      await answerByKeyboard(page, step < 10 ? step % 3 : 1);
      await pressButton(page, step === count - 1 ? /提交/ : /下一题/);
    }
    await page.getByText('谢谢你！').waitFor();
    await screenshot(page, 'kiosk-offline-thanks');
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((line) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(line))).toEqual([]);
    await context.close();
  });
});
