import { describe, expect, it } from 'vitest';
import { appAndBrowser, screenshot, watchedPage } from './harness.ts';

const env = appAndBrowser();

describe('instrument library page', () => {
  it('lists every shipped instrument in Chinese and English, previews and scores PHQ-9 by keyboard', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1024, height: 768 } });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(env.url());
    const cards = page.locator('article.instrument');
    await expect.poll(() => cards.count()).toBe(6);
    await expect.poll(() => page.locator('article[data-instrument="phq9"] h2').innerText()).toContain('患者健康问卷');
    await screenshot(page, 'library-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('article[data-instrument="phq9"] h2').innerText()).toContain('Patient Health Questionnaire');
    await screenshot(page, 'library-en');

    await page.locator('article[data-instrument="phq9"] button', { hasText: 'Preview' }).click();
    const questions = page.locator('article[data-instrument="phq9"] .sd-question');
    // item 10 (difficulty) is asked only once a problem has been reported
    await expect.poll(() => questions.count()).toBe(9);
    // keyboard only: focus each radio group's option with Tab/arrows and select with Space
    const choices = [1, 2, 0, 3, 1, 0, 2, 1, 0];
    for (const [index, choice] of choices.entries()) {
      const radios = questions.nth(index).locator('input[type="radio"]');
      await radios.first().focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < choice; i++) await page.keyboard.press('ArrowDown');
      await expect.poll(() => radios.nth(choice).isChecked()).toBe(true);
    }
    await expect.poll(() => questions.count()).toBe(10);
    await questions.nth(9).locator('input[type="radio"]').first().focus();
    await page.keyboard.press('Space');
    await screenshot(page, 'preview-phq9-en');
    await page.locator('article[data-instrument="phq9"] input[type="button"][value="Submit"], article[data-instrument="phq9"] button:has-text("Submit")').first().focus();
    await page.keyboard.press('Enter');
    const raw = page.locator('.result tr[data-scale="total"] td.raw');
    await expect.poll(() => raw.innerText()).toBe(String(choices.reduce((a, b) => a + b, 0)));
    // item 9 answered 0 and total 10 → medium, no flag
    await expect.poll(() => page.locator('.result [data-tier]').getAttribute('data-tier')).toBe('medium');
    await screenshot(page, 'preview-phq9-result');
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.join("\n")).toBe("");
    await context.close();
  });
});
