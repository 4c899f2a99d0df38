import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refOf } from '../../scoring/index.ts';
import { demoPlan, openDemoSubmission, storedSealedSubmissions } from './demoKiosk.ts';
import { CHROMIUM, startApp } from './harness.ts';
import { answerByKeyboard, pressButton, waitForItem } from './kioskSteps.ts';

const junior = demoPlan.plan.gradeBands.find((band) => band.id === 'junior')!;
const battery = junior.instruments.map((ref) => demoPlan.plan.instruments.find((def) => refOf(def) === ref)!);
const items = battery.flatMap((def) => def.items).filter((item) => item.id !== 'asq_5');
// answers by option position; PHQ-9 item 1 > 0 makes item 10 visible, ASQ all "no" keeps item 5 hidden
const positions = items.map((item, index) => (item.id.startsWith('asq') ? 1 : (index * 7 + 3) % 4 === 3 ? 1 : (index * 7 + 3) % 3));
positions[0] = 2;

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.stop(); });

/** Same seed, same kill points on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function signInAndReachQuestions(page: Page, firstTime: boolean): Promise<void> {
  await page.goto(`${app.url}/kiosk.html`);
  if (firstTime) await page.getByRole('button', { name: '使用演示筛查' }).click();
  await page.locator('#code').waitFor();
  await page.keyboard.type('KMNP7943');
  await page.keyboard.press('Enter');
  await page.getByText('陈思琪').waitFor();
  if (!firstTime) await page.getByText('你上次还没有答完').waitFor();
  await page.keyboard.press('Enter');
  if (firstTime) {
    await page.getByText('开始之前').waitFor();
    await page.keyboard.press('Enter');
  }
  await page.locator('.sd-question').first().waitFor();
  // entering the battery saves the consent first; answers are counted after that save
  await expect.poll(async () => Number(await page.locator('main').getAttribute('data-saved'))).toBeGreaterThanOrEqual(1);
}

describe('kiosk autosave', () => {
  it('survives 20 abrupt closes at random points: every saved answer comes back, none twice', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'psyscreen-kiosk-profile-'));
    const random = seeded(20261122);
    let answered = 0;
    let context: BrowserContext | undefined;
    try {
      for (let round = 0; round <= 20; round++) {
        context = await chromium.launchPersistentContext(userDataDir, { ...CHROMIUM, viewport: { width: 1024, height: 768 } });
        const page = context.pages()[0] ?? (await context.newPage());
        await signInAndReachQuestions(page, round === 0);
        // the kiosk resumes at the first unanswered question
        await expect.poll(() => page.locator('.sd-question .sd-question__title').first().innerText()).toContain(items[answered]!.text['zh-CN']);
        const last = round === 20;
        const steps = last ? items.length - answered : Math.min(Math.floor(random() * 3), items.length - 1 - answered);
        for (let step = 0; step < steps && answered < items.length; step++) {
          await waitForItem(page, items[answered]!);
          const saved = Number(await page.locator('main').getAttribute('data-saved'));
          await answerByKeyboard(page, positions[answered]!);
          await expect.poll(async () => Number(await page.locator('main').getAttribute('data-saved'))).toBeGreaterThan(saved);
          answered += 1;
          await pressButton(page, answered === items.length ? /提交/ : /下一题/);
        }
        if (last) await page.getByText('谢谢你！').waitFor();
        await context.close(); // no unload handshake: the profile is simply shut
      }
      context = await chromium.launchPersistentContext(userDataDir, { ...CHROMIUM });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${app.url}/kiosk.html`);
      await page.locator('#code').waitFor();
      const sealed = await storedSealedSubmissions(page);
      expect(sealed).toHaveLength(1);
      const submission = await openDemoSubmission(sealed[0]!);
      const expected = Object.fromEntries(items.map((item, index) => {
        const def = battery.find((candidate) => candidate.items.includes(item))!;
        return [item.id, def.optionSets[item.options]![positions[index]!]!.value];
      }));
      expect(submission.answers).toEqual(expected);
    } finally {
      await context?.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
