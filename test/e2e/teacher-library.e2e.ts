import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appAndBrowser, screenshot, watchedPage } from './harness.ts';

const env = appAndBrowser();

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download');
  await click();
  return readFileSync(await (await waiting).path());
}

describe('teacher workspace: instruments, norms and tier policies', () => {
  it('imports a school\'s own instrument as a draft, previews and publishes it, and shows the norms and policy pages', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/teacher.html`);
    await page.getByRole('button', { name: '打开演示工作台' }).click();
    await page.getByText('密钥：演示学校').waitFor();

    await page.getByRole('link', { name: '量表', exact: true }).click();
    const example = await downloaded(page, () => page.getByRole('button', { name: '下载示例：填好的 PHQ-9（Excel）' }).click());
    expect(example.subarray(0, 2).toString('latin1')).toBe('PK');

    // a school's own instrument: the PHQ-9 structure under the school's id, as JSON
    const phq9 = JSON.parse(readFileSync('instruments/phq9/1.0.0.json', 'utf8').replaceAll('phq9_', 'mood_')) as Record<string, unknown>;
    const own = { ...phq9, id: 'mood', name: { 'zh-CN': '本校情绪自评', en: 'School mood check' }, abbreviation: 'SMC' };
    await page.getByLabel('选择文件（.json、.xlsx 或 .csv）').setInputFiles({ name: 'school-mood.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await page.getByText(/已保存为草稿/).waitFor({ timeout: 5_000 }).catch(async () => {
      await screenshot(page, 'teacher-8-instruments-debug');
      throw new Error(`no draft message; page says: ${(await page.locator('main').textContent())?.slice(0, 1500) ?? ''}`);
    });
    await screenshot(page, 'teacher-8-instruments-draft');
    await page.getByRole('button', { name: '发布' }).first().click();
    await page.getByRole('button', { name: '确定发布' }).click();
    await page.getByText(/已发布/).first().waitFor();

    // a broken file: nothing is saved and the problem names its place
    await page.getByLabel('选择文件（.json、.xlsx 或 .csv）').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...own, id: 'Bad Id' })) });
    await page.locator('.issues').first().waitFor();
    expect(await page.locator('.issues').first().textContent()).toContain('id');

    await page.getByRole('link', { name: '常模与分级' }).click();
    await page.getByRole('heading', { name: '从往次筛查推导本地常模' }).waitFor();
    // the words a teacher may not know are explained on the page, closed until asked for
    const explained = page.getByText(/T 60 高于平均一个标准差/);
    expect(await explained.isVisible()).toBe(false);
    await page.getByText('什么是常模、T 分和百分位？').click();
    await explained.waitFor();
    await screenshot(page, 'teacher-9-norms-policy');

    await page.getByRole('link', { name: '筛查计划' }).click();
    await page.getByRole('heading', { name: '筛查计划' }).waitFor();
    await screenshot(page, 'teacher-10-plan-choices');
    await page.getByText(/SMC|本校情绪自评/).first().waitFor();

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
