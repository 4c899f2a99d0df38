import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../scoring/index.ts';
import { readBatch } from '../../src/records/index.ts';
import { demoPlan, openDemoSubmission, storedSealedSubmissions } from './demoKiosk.ts';
import { appAndBrowser, screenshot, watchedPage } from './harness.ts';
import { answerByKeyboard, askedItems, pressButton, waitForItem, waitForNextItem } from './kioskSteps.ts';


const env = appAndBrowser();

/** Everything a later user of the machine could read: storage, IndexedDB (bytes as text) and the DOM. */
async function machineContents(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [document.documentElement.outerHTML, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => { const r = indexedDB.open(info.name ?? ''); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error ?? new Error('indexedDB.open failed')); });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
        parts.push(JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder('utf-8', { fatal: false }).decode(value) : value)));
      }
      db.close();
    }
    return parts.join('\n');
  });
}

describe('student kiosk', () => {
  it('a student completes the demo battery by keyboard; the sealed record re-scores to the same result; nothing readable stays', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/kiosk.html`);
    await screenshot(page, 'kiosk-1-no-plan');
    await page.getByRole('button', { name: '使用演示筛查' }).click();
    await page.locator('#code').waitFor();
    await screenshot(page, 'kiosk-2-sign-in');

    await page.keyboard.type('fghj-6794');
    await page.keyboard.press('Enter');
    await page.getByText('张子航').waitFor();
    await screenshot(page, 'kiosk-3-confirm');
    await page.keyboard.press('Enter');
    await page.getByText('开始之前').waitFor();
    await screenshot(page, 'kiosk-4-consent');
    await page.keyboard.press('Enter');

    // PHQ-9 items 1–9, item 10 (shown once a problem is reported), GAD-7 1–7, ASQ 1–4 (all "no")
    const phq = [1, 1, 1, 2, 0, 1, 0, 0, 0];
    const gad = [1, 0, 1, 0, 2, 0, 0];
    const choices = [...phq, 1, ...gad, 1, 1, 1, 1];
    const items = askedItems(demoPlan, 'junior', ['asq_5']);
    expect(items).toHaveLength(choices.length);
    // every item of the battery, ASQ 5 and PHQ-9 item 10 included: the total is fixed and "about"
    const total = askedItems(demoPlan, 'junior').length;
    const firstItems = new Map(demoPlan.plan.instruments.map((def) => [def.items[0]!.id, def] as const));
    const notices = demoPlan.plan.instruments.map((def) => def.licence.notice['zh-CN']);
    for (const [step, choice] of choices.entries()) {
      const item = items[step]!;
      await (step === 0 ? waitForItem(page, item) : waitForNextItem(page, item));
      // the counter starts at 1 and its total never changes, even when PHQ-9 item 10 appears
      expect(await page.locator('.question-count').textContent()).toBe(`第 ${step + 1} 题 / 约 ${total} 题`);
      // the licence notice is on an instrument's first screen only
      const main = (await page.locator('main').textContent()) ?? '';
      const opening = firstItems.get(item.id);
      expect(notices.filter((notice) => main.includes(notice)), item.id).toEqual(opening ? [opening.licence.notice['zh-CN']] : []);
      await answerByKeyboard(page, choice);
      if (step === 0) await screenshot(page, 'kiosk-5-question');
      if (step === 1) await screenshot(page, 'kiosk-5b-second-question');
      const last = step === choices.length - 1;
      await pressButton(page, last ? /提交/ : /下一题/);
    }
    await page.getByText('谢谢你！').waitFor();
    await screenshot(page, 'kiosk-6-thanks');

    // a demo plan lists its codes on purpose; a real plan has no demoCodes
    const contents = (await machineContents(page)).replace(/"demoCodes":\[[^\]]*\]/g, '');
    for (const secret of ['张子航', 'FGHJ6794', 'FGHJ-6794', '"phq9_1":1', 'D0802']) expect(contents.includes(secret), secret).toBe(false);

    const sealed = await storedSealedSubmissions(page);
    expect(sealed).toHaveLength(1);
    const submission = await openDemoSubmission(sealed[0] ?? '');
    expect(submission.student.name).toBe('张子航');
    expect(submission.status).toBe('completed');
    const rescored = compilePlan(demoPlan.plan).score({ respondent: submission.result!.respondent, answers: submission.answers, seconds: submission.seconds });
    if (!rescored.ok) throw new Error('re-score failed');
    expect(rescored.value).toEqual(submission.result);
    expect(submission.result?.instruments[0]?.scales[0]?.raw).toBe(phq.reduce((a, b) => a + b, 0));
    expect(submission.result?.tier).toBe('low');
    expect(Object.keys(submission.seconds).length).toBeGreaterThanOrEqual(20);

    // after the countdown the kiosk is back at sign-in and shows nothing of the student
    await page.locator('#code').waitFor({ timeout: 15_000 });
    expect(await page.content()).not.toContain('张子航');

    // teacher: a wrong PIN is refused; the right one exports the sealed batch and can reopen the code
    await page.getByRole('button', { name: '教师' }).click();
    await page.locator('#pin').fill('1111');
    await page.keyboard.press('Enter');
    await page.getByText('口令不对').waitFor();
    await page.locator('#pin').fill('2468');
    await page.keyboard.press('Enter');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出本机提交的数据' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^demo-2026-1\.0\.0-lab-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.psybatch$/);
    const batch = readBatch(new Uint8Array(readFileSync(await download.path())));
    if (!batch.ok) throw new Error(JSON.stringify(batch.issues));
    expect(batch.value.entries).toHaveLength(1);
    expect(Buffer.from(batch.value.entries[0]?.sealed ?? []).toString('base64')).toBe(sealed[0]);
    await screenshot(page, 'kiosk-7-teacher');
    await page.locator('#reopen').fill('FGHJ-6794');
    await page.getByRole('button', { name: '重新开放', exact: true }).click();
    await page.getByText('已重新开放').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
    await page.locator('#code').fill('FGHJ6794');
    await page.keyboard.press('Enter');
    await page.getByText('张子航').waitFor();

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.join('\n')).toBe('');
    await context.close();
  });
});
