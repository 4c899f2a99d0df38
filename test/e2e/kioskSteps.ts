import type { Page } from 'playwright-core';

/** Tab until a radio button of the visible question has focus, then choose option `index` with Space and arrows. */
export async function answerByKeyboard(page: Page, index: number): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type ?? '');
    if (focused === 'radio') break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
}
export async function pressButton(page: Page, label: RegExp): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    const focused = await page.evaluate(() => { const el = document.activeElement as HTMLInputElement | HTMLButtonElement | null; return el ? (el.value || el.textContent || '') : ''; });
    if (label.test(focused)) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
}

