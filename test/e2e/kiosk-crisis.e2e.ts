import { readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPlan, openDemoSubmission, storedSealedSubmissions } from './demoKiosk.ts';
import { appAndBrowser, screenshot, watchedPage } from './harness.ts';
import { answerByKeyboard, askedItems, pressButton, waitForItem, waitForNextItem } from './kioskSteps.ts';

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
    await (step === 0 ? waitForItem(page, items[step]!) : waitForNextItem(page, items[step]!));
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
    // wrong PINs: three free tries, then a wait that a reload does not reset
    for (const wrong of ['1111', '2222', '3333']) {
      await page.locator('#hold-pin').fill(wrong);
      await page.locator('#hold-pin').press('Enter');
      await expect.poll(() => page.locator('#hold-pin').inputValue()).toBe('');
    }
    await page.getByText(/口令已多次输错，请在 0:0[45] 后再试/).waitFor();
    await screenshot(page, 'kiosk-crisis-pin-wait');
    await page.reload();
    await page.getByText(/口令已多次输错，请在 0:0\d 后再试/).waitFor();
    await page.locator('#hold-pin').fill('2468');
    expect(await page.getByRole('button', { name: '确认' }).isDisabled()).toBe(true);
    await page.getByText(/口令已多次输错/).waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('#hold-pin').fill('2468');
    await page.locator('#hold-pin').press('Enter');
    await page.getByText('页面在等待期间被刷新过').waitFor();
    await page.getByRole('button', { name: '已与学生交谈，回到登录页' }).click();
    await page.locator('#code').waitFor();
    await page.reload();
    await page.locator('#code').waitFor();

    expect(foreignRequests).toEqual([]);
    // GET /drafts/:lookup answers 404 for "no draft on the server", which Chromium logs; nothing else may be
    expect(consoleErrors.filter((line) => !/Failed to load resource: .*404/.test(line)).join('\n')).toBe('');
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

describe('kiosk idle timeout', () => {
  it('after five idle minutes in a battery the answers are saved and the next person meets sign-in, with nothing of the student on screen', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page } = await watchedPage(context, env.url());
    await page.clock.install();
    await page.goto(`${env.url()}/kiosk.html`);
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await signInAndConsent(page, 'FGHJ-6794', '张子航');
    const items = askedItems(demoPlan, 'junior');
    for (const [step, choice] of [2, 3, 1].entries()) {
      await waitForItem(page, items[step]!);
      await answerByKeyboard(page, choice);
      await pressButton(page, /下一题/);
    }
    await waitForItem(page, items[3]!);
    await page.clock.fastForward('04:00');
    expect(await page.locator('#code').count()).toBe(0); // four minutes: still the battery
    await page.clock.fastForward('01:05');
    await page.locator('#code').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('张子航');
    expect(await page.locator('.sd-question').count()).toBe(0);
    // the same student comes back and resumes where they were
    await page.locator('#code').fill('FGHJ-6794');
    await page.locator('#code').press('Enter');
    await page.getByText('你上次还没有答完').waitFor();
    await page.keyboard.press('Enter');
    await waitForItem(page, items[3]!);
    await context.close();
  });
});

/** A lab server played by the browser's request routing: the kiosk's half of src/lab/README.md. */
function routedLab(page: Page) {
  const planText = readFileSync('public/demo/kiosk-plan.json', 'utf8');
  const state = { finished: true, puts: [] as string[] };
  const json = (route: Route, body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const ready = page.route('**/api/v1/**', async (route) => {
    const { pathname } = new URL(route.request().url());
    const path = pathname.replace('/api/v1', '');
    const method = route.request().method();
    if (method === 'PUT') {
      state.puts.push(path.split('/')[1] ?? '');
      return json(route, { ok: true, id: path.split('/')[2] ?? '', duplicate: false });
    }
    if (path === '/hello') return json(route, { server: 'psyscreen-lab', protocol: 1, plan: { ref: `${demoPlan.plan.id}@${demoPlan.plan.version}`, digest: 'd'.repeat(64) }, kioskUrls: [], time: new Date().toISOString() });
    if (path === '/plan') return route.fulfill({ contentType: 'application/json', body: planText });
    if (path.startsWith('/students/')) return json(route, { finished: state.finished, lastDraft: null });
    if (path === '/receipts') return json(route, { imported: [] });
    return json(route, { ok: false, issues: [{ code: 'not_found', path: [] }] }, 404);
  });
  return { state, ready };
}

describe('kiosk with a lab server', () => {
  it('loads the server\'s plan by itself, shows it is connected, refuses a student finished elsewhere, and sends the sealed alert before the submission', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page, consoleErrors } = await watchedPage(context, env.url());
    const lab = routedLab(page);
    await lab.ready;
    await page.goto(`${env.url()}/kiosk.html`);
    // no "use the demo" click: the plan comes from the server
    await page.locator('#code').waitFor();
    await page.getByText('已连接老师的电脑').waitFor();
    await screenshot(page, 'kiosk-lab-connected', { fullPage: false });

    await page.locator('#code').fill('FGHJ-6794');
    await page.locator('#code').press('Enter');
    await page.getByText('你已经在另一台电脑上完成了测评，请告诉老师').waitFor();

    lab.state.finished = false;
    await signInAndConsent(page, 'FGHJ-6794', '张子航');
    await answerAll(page, ACUTE, []);
    await page.getByText('请在座位上稍等').waitFor();
    await expect.poll(() => lab.state.puts.filter((kind) => kind !== 'drafts')).toEqual(['alerts', 'submissions']);
    expect(lab.state.puts.filter((kind) => kind === 'drafts').length).toBeGreaterThan(0);
    // GET /drafts/:lookup answers 404 for "no draft on the server", which Chromium logs; nothing else may be
    expect(consoleErrors.filter((line) => !/Failed to load resource: .*404/.test(line)).join('\n')).toBe('');
    await context.close();
  });
});
