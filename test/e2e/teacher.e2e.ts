import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ZKioskPlan, type KioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { appAndBrowser, screenshot, watchedPage } from './harness.ts';
import { askedItems, waitForItem } from './kioskSteps.ts';

const env = appAndBrowser();
const PASSPHRASE = '青松中学心理组 2026 秋季';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await click();
  const download = await waiting;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Signs in with a code and answers the junior battery by clicking: option index per asked item. */
async function takeBattery(page: Page, plan: KioskPlan, code: string, choices: readonly number[], skip: readonly string[]): Promise<void> {
  await page.locator('#code').fill(code);
  await page.locator('#code').press('Enter');
  await page.getByRole('button', { name: '是我，继续' }).click();
  await page.getByRole('button', { name: '我愿意参加' }).click();
  const items = askedItems(plan, 'junior', skip);
  expect(items).toHaveLength(choices.length);
  for (const [step, choice] of choices.entries()) {
    await waitForItem(page, items[step]!);
    await page.locator('.sd-question label').nth(choice).click();
    await page.waitForFunction((wanted) => Array.from(document.querySelectorAll<HTMLInputElement>('.sd-question input[type="radio"]')).findIndex((radio) => radio.checked) === wanted, choice);
    await page.getByRole('button', { name: step === choices.length - 1 ? /提交/ : /下一题/ }).click();
  }
  await page.getByText('谢谢你！').waitFor();
  await page.locator('#code').waitFor({ timeout: 20_000 });
}

const NO = 1; // ASQ options: yes, no, prefer not to say
const LOW = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, ...[0, 0, 1, 0, 0, 0, 0], NO, NO, NO, NO];
const HIGH = [2, 2, 2, 2, 2, 2, 2, 2, 0, 1, ...[1, 1, 1, 1, 0, 0, 0], NO, NO, NO, NO];
const URGENT = [1, 1, 0, 1, 0, 0, 0, 0, 0, 1, ...[0, 1, 0, 0, 0, 0, 0], NO, 0, NO, NO, NO];

describe('teacher workspace', () => {
  it('sets up a school, imports the roster, runs three students through the kiosk, collects, follows up, reports and hands records on', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/teacher.html`);

    // a new school key, wrapped under the passphrase
    await page.getByLabel('学校名称').fill('青松中学');
    await page.locator('#teacher').fill('李老师');
    await page.locator('#key-name').fill('青松中学 2026 心理筛查');
    // a keyboard row is long enough but refused by the strength estimator
    await page.locator('#passphrase').fill('qwertyuiop');
    await page.locator('#passphrase-again').fill('qwertyuiop');
    await page.getByRole('button', { name: '创建密钥' }).click();
    await page.getByText('这个口令在常见口令名单里').waitFor();
    await page.locator('#passphrase').fill(PASSPHRASE);
    await page.locator('#passphrase-again').fill(PASSPHRASE);
    await screenshot(page, 'teacher-1-setup');
    await page.getByRole('button', { name: '创建密钥' }).click();
    await page.getByText('还没有制作密钥备份').waitFor();
    await page.getByText('密钥：青松中学 2026 心理筛查').waitFor();

    // roster: the xlsx, then the same students as a GBK CSV (nothing new)
    await page.getByRole('link', { name: '学生名单' }).click();
    await page.getByLabel('选择名单文件').setInputFiles('public/demo/roster-demo.xlsx');
    await page.getByText('读到 40 行').waitFor();
    await screenshot(page, 'teacher-2-roster-mapping');
    await page.getByRole('button', { name: /导入名单/ }).click();
    await page.getByText('已导入：新增 40 人，更新 0 人，未变 0 人。').waitFor();
    await page.getByLabel('选择名单文件').setInputFiles('public/demo/roster-demo.csv');
    await page.getByText(/GB18030/).waitFor();
    await page.getByRole('button', { name: /导入名单/ }).click();
    await page.getByText('已导入：新增 0 人，更新 0 人，未变 40 人。').waitFor();

    // the lab plan for grade 8, with sign-in codes
    await page.getByRole('link', { name: '筛查计划' }).click();
    await page.getByRole('checkbox', { name: '5 年级' }).uncheck();
    // a 4-digit PIN falls to an offline search in minutes: new plans need 6 digits or more
    await page.locator('#plan-pin').fill('8642');
    // unverified wording is named before the plan can go to a lab, and must be acknowledged
    const unverified = page.getByRole('note').filter({ hasText: '以下量表的中文措辞尚未与出版方的正式版本逐字核对' });
    await unverified.getByText('PHQ-9 1.0.0、GAD-7 1.0.0、ASQ 1.0.0').waitFor();
    expect(await page.getByRole('button', { name: /生成计划文件/ }).isDisabled()).toBe(true);
    await unverified.scrollIntoViewIfNeeded();
    await screenshot(page, 'teacher-2a-plan-unverified', { fullPage: false });
    await unverified.getByRole('checkbox').check();
    await page.getByRole('button', { name: /生成计划文件/ }).click();
    await page.getByText('机房管理码须为 6–12 位数字').waitFor();
    await page.locator('#plan-pin').fill('864213');
    // details sign-in says plainly what is left at risk, and gets a lab-session code for the board
    await page.getByRole('checkbox', { name: /允许无登录码的学生/ }).check();
    await page.getByText(/仍然存在的风险：见过黑板上课堂码的同学/).waitFor();
    const planFile = await downloaded(page, async () => {
      await page.getByRole('button', { name: /生成计划文件/ }).click();
      // every code costs a slow key derivation: the page counts the students off while it works
      await page.getByRole('status').filter({ hasText: /已加密 \d+ \/ 28 名学生/ }).waitFor();
      await screenshot(page, 'teacher-2b-plan-progress', { fullPage: false });
    });
    await page.getByText(/计划已生成，含 28 名学生/).waitFor({ timeout: 60_000 });
    const plan = ZKioskPlan.parse(JSON.parse(planFile.bytes.toString('utf8')));
    expect(plan.kiosk.detailsKeys).toMatchObject({ kdf: 'scrypt', sessionCode: true });
    const sessionCode = (await page.locator('.session-code code').textContent()) ?? '';
    expect(sessionCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    expect(planFile.bytes.toString('utf8')).not.toContain(sessionCode.replace('-', ''));
    await page.locator('li', { hasText: 'screening-' }).getByText(sessionCode).waitFor();
    await screenshot(page, 'teacher-2c-plan-session-code');

    // slips for one class, with codes
    await page.getByRole('link', { name: '学生名单' }).click();
    const classSelect = page.locator('.toolbar select');
    // the classes come with the codes, which load after the page
    await classSelect.locator('option', { hasText: '八年级(1)班' }).first().waitFor({ state: 'attached' });
    const classes = await classSelect.locator('option').allTextContents();
    await classSelect.selectOption({ label: classes.find((label) => label.startsWith('八年级(1)班')) ?? '' });
    const slips = page.locator('.sign-in-slip');
    await slips.first().waitFor();
    await screenshot(page, 'teacher-3-slips');
    const students = await slips.evaluateAll((nodes) => nodes.map((node) => ({
      name: node.querySelector('.sign-in-slip__name')?.textContent ?? '',
      code: node.querySelector('.sign-in-slip__code-value')?.textContent ?? '',
    })));
    expect(students.length).toBeGreaterThanOrEqual(3);
    for (const student of students) expect(planFile.bytes.toString('utf8')).not.toContain(student.name);
    const [low, high, urgent] = students;

    // three students in the lab
    const lab = await env.browser().newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true });
    const { page: kiosk, foreignRequests: labRequests } = await watchedPage(lab, env.url());
    await kiosk.goto(`${env.url()}/kiosk.html`);
    await kiosk.locator('input[type="file"]').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: planFile.bytes });
    await kiosk.locator('#code').waitFor();
    await takeBattery(kiosk, plan, low!.code, LOW, ['asq_5']);
    await takeBattery(kiosk, plan, high!.code, HIGH, ['asq_5']);
    await takeBattery(kiosk, plan, urgent!.code, URGENT, []);
    await kiosk.getByRole('button', { name: '教师' }).click();
    await kiosk.locator('#pin').fill('864213');
    await kiosk.keyboard.press('Enter');
    const batch = await downloaded(kiosk, () => kiosk.getByRole('button', { name: '导出本机提交的数据' }).click());

    // collect, twice: the second time only duplicates
    await page.getByRole('link', { name: '收集数据' }).click();
    await page.getByRole('button', { name: '选择批次文件' }).waitFor().catch(() => undefined);
    const batchInput = page.locator('.drop-zone input[type="file"]');
    await batchInput.setInputFiles({ name: batch.name, mimeType: 'application/zip', buffer: batch.bytes });
    const reportRow = page.locator('.import-report tbody tr').first();
    await expect.poll(async () => (await reportRow.locator('td').allTextContents()).slice(0, 4)).toEqual(['3', '0', '0', '0']);
    await batchInput.setInputFiles([]);
    await batchInput.setInputFiles({ name: batch.name, mimeType: 'application/zip', buffer: batch.bytes });
    await expect.poll(async () => (await reportRow.locator('td').allTextContents()).slice(0, 2)).toEqual(['0', '3']);
    await screenshot(page, 'teacher-4-collect');

    // the receipt shown for the import lets the lab machine clear exactly those submissions
    const receipt = (await reportRow.locator('code.receipt').textContent()) ?? '';
    expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await kiosk.locator('#receipt').fill('AAAA-AAAA');
    await kiosk.getByRole('button', { name: '清理已导入的提交' }).click();
    await kiosk.getByText('回执码不对，未删除任何数据').waitFor();
    await kiosk.locator('#receipt').fill(receipt);
    await kiosk.getByRole('button', { name: '清理已导入的提交' }).click();
    await kiosk.getByText('已从本机删除 3 份已导入的提交。').waitFor();
    expect(labRequests).toEqual([]);
    await lab.close();

    // the dashboard: the urgent student first
    await page.getByRole('link', { name: '概览' }).click();
    await page.locator('.urgent-list').getByText(urgent!.name).waitFor();
    const schoolRow = page.locator('table.data').first().locator('tbody tr').first();
    expect((await schoolRow.locator('td').allTextContents()).slice(0, 3)).toEqual(['28', '3', '0']);
    await screenshot(page, 'teacher-5-dashboard');

    // the attention list: urgent first, then high; the low-risk student is there only because a test
    // clicks faster than 2 s per item, so every battery here is invalid (too fast) and asks for a re-test
    await page.getByRole('link', { name: '重点关注' }).click();
    const rows = page.locator('table.attention tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).locator('th').textContent()).toContain(urgent!.name);
    expect(await rows.nth(1).locator('th').textContent()).toContain(high!.name);
    expect(await rows.nth(2).locator('th').textContent()).toContain(low!.name);
    expect(await rows.nth(2).locator('td.reasons').textContent()).toContain('作答无效');
    await screenshot(page, 'teacher-6-attention');

    // an interview lowers the high student's tier; both tiers stay visible; then the case is closed
    await rows.nth(1).getByRole('link').click();
    await page.getByRole('heading', { name: high!.name }).waitFor();
    await page.getByLabel('访谈发现').fill('面谈 40 分钟：近期考试压力大，睡眠差，否认自伤想法。家长知情。');
    await page.getByLabel('确认等级').selectOption('medium');
    await page.locator('form', { has: page.getByLabel('访谈发现') }).getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'teacher-7-student-report-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: '重点关注' }).click();
    await expect.poll(async () => (await rows.nth(1).locator('td').allTextContents()).slice(1, 3)).toEqual(['高', '中']);
    await rows.nth(1).getByRole('link').click();
    await page.getByLabel('销号理由').fill('三次随访情绪稳定，转入常规关注。');
    await page.locator('form', { has: page.getByLabel('销号理由') }).getByRole('button', { name: '保存' }).click();
    // once closed, the student is off the list and the closure form is no longer offered
    await page.getByLabel('销号理由').waitFor({ state: 'detached' });
    await page.getByText('三次随访情绪稳定，转入常规关注。').first().waitFor();
    await page.getByRole('link', { name: '重点关注' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('table.attention').textContent()).not.toContain(high!.name);

    // the screening scored again under a label: the original stays first, the student page offers both
    await page.getByRole('link', { name: '常模与分级' }).click();
    await page.getByLabel('新结果的标签').fill('2026 对照计分');
    await page.getByRole('button', { name: '重新计分' }).click();
    await page.getByText(/已重新计分 3 份答卷（3 份档案有新结果），其中 0 名学生的风险等级与原结果不同/).waitFor();
    await page.locator('.rescore').screenshot({ path: 'test-results/screenshots/teacher-7b-rescore.png' });
    await page.getByRole('button', { name: '重新计分' }).click();
    await page.getByText(/已重新计分 3 份答卷（0 份档案有新结果）/).waitFor();
    await page.getByRole('link', { name: '重点关注' }).click();
    await rows.first().getByRole('link').click();
    const resultChoice = page.locator('.student-result-choice select').first();
    // the student page loads its records after the click: wait for it rather than read an empty page
    await resultChoice.waitFor();
    expect(await resultChoice.locator('option').allTextContents()).toEqual([expect.stringMatching(/^原始计分/), expect.stringMatching(/^2026 对照计分/)]);

    // records: export the school to a passphrase and import it back: nothing new, nothing lost
    await page.getByRole('link', { name: '档案转出/转入' }).click();
    await page.getByRole('radio', { name: '用口令加密' }).check();
    await page.locator('#export-passphrase').fill('转给家长的口令 2026 秋');
    const exported = await downloaded(page, () => page.getByRole('button', { name: /导出档案/ }).click());
    await page.getByText('已导出 40 份档案').waitFor();
    await page.locator('#import-passphrase').fill('转给家长的口令 2026 秋');
    await page.getByLabel('导入档案（.zip 或 .psyrec）').setInputFiles({ name: exported.name, mimeType: 'application/zip', buffer: exported.bytes });
    await page.getByText('新增 0 名学生，合并 0 份，未变 40 份。').waitFor();
    expect(exported.bytes.toString('latin1')).not.toContain('青松中学');

    // the psychology teacher reviews GAD-7's wording item by item and publishes the school's verified version
    await page.getByRole('link', { name: '量表', exact: true }).click();
    await page.getByRole('button', { name: '逐题核对措辞 GAD-7 1.0.0' }).click();
    const review = page.locator('.wording-review');
    await review.getByLabel('核对人').fill('王老师');
    await review.getByLabel('对照的出版方原文').fill('Pfizer GAD-7 简体中文版 PDF（phqscreeners.com）');
    for (const row of await review.locator('tbody tr').all()) await row.getByLabel('与原文一致').check();
    await review.locator('tr[data-key="gad7_1"]').getByLabel('已更正').check();
    await review.getByLabel('原文措辞 第 1 题').fill('感觉紧张、焦虑或急切');
    await review.getByText('已核对 12 / 12 条').waitFor();
    await screenshot(page, 'teacher-2c-wording-review');
    await review.getByRole('button', { name: '发布为本校版本 1.0.1' }).click();
    await page.getByText('已发布 GAD-7 1.0.1：措辞已核实。').waitFor();
    expect(await page.locator('[data-instrument="gad7"] tr[data-version="1.0.1"]').textContent()).toContain('已核对');

    // locking drops everything readable from the page
    await page.getByRole('button', { name: '锁定' }).click();
    await page.getByRole('heading', { name: '解锁工作台' }).waitFor();
    expect(await page.content()).not.toContain(high!.name);

    // wrong passphrases: three free tries, then a wait that a reload does not reset
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.locator('#unlock-passphrase').fill(`猜错的口令 ${attempt}`);
      await page.getByRole('button', { name: '解锁', exact: true }).click();
      await page.getByText('口令不正确').waitFor();
    }
    await page.getByText(/口令已多次输错。为保护学生数据，请在 0:(09|10) 后再试/).waitFor();
    await screenshot(page, 'teacher-unlock-wait');
    await page.reload();
    await page.getByText(/请在 0:0\d 后再试/).waitFor();
    expect(await page.getByRole('button', { name: '解锁', exact: true }).isDisabled()).toBe(true);

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('opens the demo workspace on the demo kiosk\'s key and takes a batch from the demo kiosk', async () => {
    const lab = await env.browser().newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true });
    const { page: kiosk } = await watchedPage(lab, env.url());
    await kiosk.goto(`${env.url()}/kiosk.html`);
    await kiosk.getByRole('button', { name: '使用演示筛查' }).click();
    await kiosk.locator('#code').waitFor();
    const demoPlan = ZKioskPlan.parse(JSON.parse(readFileSync('public/demo/kiosk-plan.json', 'utf8')));
    await takeBattery(kiosk, demoPlan, 'FGHJ-6794', HIGH, ['asq_5']);
    // a classmate starts and leaves after one answer: the draft stays on the machine, encrypted
    await kiosk.locator('#code').fill('KMNP-7943');
    await kiosk.locator('#code').press('Enter');
    await kiosk.getByRole('button', { name: '是我，继续' }).click();
    await kiosk.getByRole('button', { name: '我愿意参加' }).click();
    await kiosk.locator('.sd-question label').first().click();
    await kiosk.waitForFunction(() => document.querySelector<HTMLInputElement>('.sd-question input[type="radio"]:checked') !== null);
    await kiosk.waitForTimeout(500);
    await kiosk.reload();
    await kiosk.locator('#code').waitFor();
    await kiosk.getByRole('button', { name: '教师' }).click();
    await kiosk.locator('#pin').fill('2468');
    await kiosk.keyboard.press('Enter');
    const demoBatch = await downloaded(kiosk, () => kiosk.getByRole('button', { name: '导出本机提交的数据' }).click());
    await lab.close();

    const context = await env.browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/teacher.html`);
    await page.getByRole('button', { name: '打开演示工作台' }).click();
    await page.getByText('密钥：演示学校 2026 心理筛查（演示密钥）').waitFor();
    await page.getByRole('link', { name: '学生名单' }).click();
    await page.getByText('工作台中共有 6 名学生。').waitFor();
    await page.getByRole('link', { name: '收集数据' }).click();
    await page.locator('.drop-zone input[type="file"]').setInputFiles({ name: demoBatch.name, mimeType: 'application/zip', buffer: demoBatch.bytes });
    await expect.poll(async () => (await page.locator('.import-report tbody tr').first().locator('td').allTextContents()).slice(0, 4)).toEqual(['1', '0', '0', '0']);
    const classRow = page.locator('tr', { has: page.getByRole('rowheader', { name: '八年级(2)班' }) });
    await expect.poll(async () => classRow.locator('td').allTextContents()).toEqual(['2', '1', '0', '1', '0']);
    await page.getByRole('link', { name: '重点关注' }).click();
    await page.locator('table.attention').getByText('张子航').waitFor();
    await page.getByRole('button', { name: '锁定' }).click();
    await page.getByText('演示口令：').waitFor();
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByText('密钥：演示学校').waitFor();
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
