import type { Page } from 'playwright-core';
import { refOf, type Item } from '../../scoring/index.ts';
import type { KioskPlan } from '../../src/kiosk/kioskPlan.ts';

/** The band's items in the order the kiosk asks them, leaving out those whose show-if will be false. */
export function askedItems(plan: KioskPlan, bandId: string, skip: readonly string[] = []): Item[] {
  const band = plan.plan.gradeBands.find((candidate) => candidate.id === bandId);
  if (!band) throw new Error(`no band ${bandId}`);
  return band.instruments
    .flatMap((ref) => plan.plan.instruments.find((def) => refOf(def) === ref)?.items ?? [])
    .filter((item) => !skip.includes(item.id));
}

/** Waits until the screen shows this item (so a keypress cannot land on the previous question). */
export async function waitForItem(page: Page, item: Item): Promise<void> {
  await page.locator('.sd-question__title', { hasText: item.text['zh-CN'] }).first().waitFor().catch(async (error: unknown) => {
    // say what the screen showed instead, so a failure in CI can be read without rerunning it
    const shown = (await page.locator('main').innerText({ timeout: 1000 }).catch(() => null)) ?? '(no main)';
    await page.screenshot({ path: `test-results/screenshots/never-showed-${item.id}.png` }).catch(() => undefined);
    throw new Error(`item ${item.id} never showed; the screen read: ${shown.slice(0, 400)}`, { cause: error });
  });
}

/**
 * After 下一题: waits for the next item; if it is not there after 5 s, presses 下一题 once more, as a
 * student would. Known weakness (see the session note): under load, an Enter on 下一题 is now and
 * then not taken, on any origin. A second miss still fails the test.
 */
export async function waitForNextItem(page: Page, item: Item): Promise<void> {
  const title = page.locator('.sd-question__title', { hasText: item.text['zh-CN'] }).first();
  await title.waitFor({ timeout: 5_000 }).catch(() => pressButton(page, /下一题/));
  await waitForItem(page, item);
}

/**
 * Tab until a radio button of the visible question has focus, then choose option `index` with Space
 * and arrow keys, and wait until the browser shows that option checked.
 */
export async function answerByKeyboard(page: Page, index: number): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < 30; presses++) {
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type ?? '');
    if (focused === 'radio') break;
    seen.push(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? 'none'));
    await page.keyboard.press('Tab');
  }
  if (seen.length >= 30) throw new Error(`no radio reachable by Tab: ${JSON.stringify(seen.slice(0, 8))}`);
  await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.waitForFunction((wanted) => {
    const radios = Array.from(document.querySelectorAll<HTMLInputElement>('.sd-question input[type="radio"]'));
    return radios.findIndex((radio) => radio.checked) === wanted;
  }, index);
}
/** Tab until the focused control reads `label`, then press Enter; fails (naming what had focus) rather than pressing Enter elsewhere. */
export async function pressButton(page: Page, label: RegExp): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < 30; presses++) {
    const focused = await page.evaluate(() => { const el = document.activeElement as HTMLInputElement | HTMLButtonElement | null; return el ? (el.value || el.textContent || '') : ''; });
    if (label.test(focused)) {
      await page.keyboard.press('Enter');
      return;
    }
    seen.push(focused.slice(0, 30));
    await page.keyboard.press('Tab');
  }
  throw new Error(`no control reading ${String(label)} reachable by Tab; focus went through ${JSON.stringify(seen.slice(0, 12))}`);
}

