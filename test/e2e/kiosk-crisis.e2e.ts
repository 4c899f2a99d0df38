import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPlan, openDemoSubmission, storedSealedSubmissions } from './demoKiosk.ts';
import { appAndBrowser, screenshot, watchedPage } from './harness.ts';
import { answerByKeyboard, askedItems, pressButton, waitForItem } from './kioskSteps.ts';

const env = appAndBrowser();

// PHQ-9 1–9 and item 10, GAD-7 1–7, then ASQ: option 0 is "是" (yes), 1 is "否" (no).
const PHQ_GAD = [1, 1, 1, 2, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 2, 0, 0];
/** ASQ 1 "yes" opens item 5; "yes" to item 5 is acute: the student must not leave alone. */
const ACUTE = [...PHQ_GAD, 0, 1, 1, 1, 0];
const NO_RISK = [...PHQ_GAD, 1, 1, 1, 1];

async function signInAndConsent(page: Page, code: string, name: string): Promise<void> {
  await page.locator('#code').fill(code);
  await page.locator('#code').press('Enter');
  await page.getByText(name).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('开始之前').waitFor();
  await page.keyboard.press('Enter');
}

async function answerAll(page: Page, choices: readonly number[], skip: readonly string[], afterEach?: (step: number) => Promise<void>): Promise<void> {
  const items = askedItems(demoPlan, 'junior', skip);
  expect(items).toHaveLength(choices.length);
  for (const [step, choice] of choices.entries()) {
    await waitForItem(page, items[step]!);
    await answerByKeyboard(page, choice);
    await afterEach?.(step);
    await pressButton(page, step === choices.length - 1 ? /提交/ : /下一题/);
  }
}

describe('kiosk crisis hold (no lab server)', () => {
  it('an acute answer holds the kiosk with a calm screen, without timeout; only the teacher PIN releases it and shows who and why; a reload keeps the hold', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();

    await signInAndConsent(page, 'FGHJ-6794', '张子航');
    await answerAll(page, ACUTE, []);
    await page.getByText('请在座位上稍等').waitFor();
    await screenshot(page, 'kiosk-crisis-hold');
    const shown = await page.locator('main').textContent() ?? '';
    expect(shown).toContain('老师马上会过来');
    for (const word of ['张子航', '风险', '自杀', '谢谢你！', '秒后回到登录页']) expect(shown.includes(word), word).toBe(false);
    expect(await page.getByRole('button', { name: '教师', exact: true }).count()).toBe(0);
    // longer than the plan's thank-you countdown: still held
    await page.waitForTimeout((demoPlan.kiosk.returnAfterSeconds + 2) * 1000);
    expect(await page.getByText('请在座位上稍等').count()).toBe(1);
    expect(await page.locator('#code').count()).toBe(0);

    await page.locator('#hold-pin').fill('1111');
    await page.locator('#hold-pin').press('Enter');
    await page.getByText('口令不对').waitFor();
    await page.locator('#hold-pin').fill('2468');
    await page.locator('#hold-pin').press('Enter');
    await page.getByText('学生：张子航（八年级(2)班）').waitFor();
    const behindPin = await page.locator('main').textContent() ?? '';
    expect(behindPin).toContain('ASQ 第 5 题');
    await screenshot(page, 'kiosk-crisis-teacher');
    await page.getByRole('button', { name: '已与学生交谈，回到登录页' }).click();
    await page.locator('#code').waitFor();
    expect(await page.content()).not.toContain('张子航');

    // the submission was stored and carries the acute flag for the workspace
    const sealed = await storedSealedSubmissions(page);
    expect(sealed).toHaveLength(1);
    expect((await openDemoSubmission(sealed[0] ?? '')).result?.flags).toEqual({ urgent: true, acute: true });

    // a second student held, then the page is reloaded: the hold comes back, still behind the PIN, naming nobody
    await signInAndConsent(page, 'KMNP-7943', '陈思琪');
    await answerAll(page, ACUTE, []);
    await page.getByText('请在座位上稍等').waitFor();
    await page.reload();
    await page.getByText('请在座位上稍等').waitFor();
    expect(await page.locator('#code').count()).toBe(0);
    await page.locator('#hold-pin').fill('2468');
    await page.locator('#hold-pin').press('Enter');
    await page.getByText('页面在等待期间被刷新过').waitFor();
    await page.getByRole('button', { name: '已与学生交谈，回到登录页' }).click();
    await page.locator('#code').waitFor();
    await page.reload();
    await page.locator('#code').waitFor();

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.join('\n')).toBe('');
    await context.close();
  });
});

describe('kiosk storage failure', () => {
  it('when IndexedDB put throws QuotaExceededError mid-battery, the student is told at once, nothing is claimed saved, submit does not hang, and a retry stores every answer', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await signInAndConsent(page, 'KMNP-7943', '陈思琪');

    // answers 1–10 reach the disk (each keypress that changes an answer is one save); from answer 11 on, the disk is full
    const saved = async () => Number(await page.locator('main').getAttribute('data-saved'));
    let savedAtFailure = -1;
    await answerAll(page, NO_RISK, ['asq_5'], async (step) => {
      if (step === 9) {
        await expect.poll(async () => { const before = await saved(); await page.waitForTimeout(300); return (await saved()) === before && before > 10; }).toBe(true);
        savedAtFailure = await saved();
        await page.evaluate(() => {
          const real = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put');
          Object.defineProperty(window, 'realPut', { value: real, configurable: true });
          Object.defineProperty(IDBObjectStore.prototype, 'put', { ...real, value: () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); } });
        });
      }
      if (step === 10) {
        await page.getByText('这台电脑暂时无法保存你的回答').waitFor({ timeout: 3000 });
        await screenshot(page, 'kiosk-storage-failed-banner', { fullPage: false });
      }
    });
    // submit: not stuck on "正在安全保存你的回答…"; a calm screen with a retry instead
    await page.getByRole('heading', { name: '请举手告诉老师' }).waitFor({ timeout: 5000 });
    expect(Number(await page.locator('main').getAttribute('data-saved'))).toBe(savedAtFailure);
    expect(await page.getByText('谢谢你！').count()).toBe(0);
    await screenshot(page, 'kiosk-storage-failed-submit');

    // the teacher frees space; the retry stores the submission with every answer given
    await page.evaluate(() => {
      const real = (window as unknown as { realPut?: PropertyDescriptor }).realPut;
      if (real) Object.defineProperty(IDBObjectStore.prototype, 'put', real);
    });
    await page.getByRole('button', { name: '再试一次保存（老师操作）' }).click();
    await page.getByText('谢谢你！').waitFor();
    const sealed = await storedSealedSubmissions(page);
    expect(sealed).toHaveLength(1);
    const submission = await openDemoSubmission(sealed[0] ?? '');
    expect(Object.values(submission.answers).filter((answer) => answer !== null)).toHaveLength(NO_RISK.length);
    await context.close();
  });
});
