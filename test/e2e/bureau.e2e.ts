import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAggregate, parseAggregateText, type Aggregate } from '../../scoring/index.ts';
import { openSignedText, signText } from '../../src/records/index.ts';
import { formatKeyId } from '../../src/records/keyId.ts';
import { testKey } from '../records/support.ts';
import { nextYearPlan, publishedSchool } from '../bureau/support.ts';
import { appAndBrowser, screenshot, watchedPage } from './harness.ts';

const env = appAndBrowser();

/**
 * Three schools of county 330106, answered through the real scoring engine and published in Node: a
 * junior school with a grade of 3 boys (suppressed), a primary school, and a junior school whose
 * students answer more distressed (it should stand out in the funnel plot). Two of them again a
 * year later, for the comparison year.
 */
const junior = { '7/male': 62, '7/female': 58, '8/male': 3, '8/female': 55, '9/male': 61, '9/female': 57 };
const schools = {
  'a.psyagg': publishedSchool({ code: '3301060001', seed: 11, sizes: junior }),
  'b.psyagg': publishedSchool({ code: '3301060002', seed: 12, sizes: { '4/male': 40, '4/female': 38, '5/male': 42, '5/female': 39, '6/male': 41, '6/female': 40 } }),
  'c.psyagg': publishedSchool({ code: '3301060003', seed: 13, sizes: { '7/male': 70, '7/female': 66, '8/male': 64, '8/female': 60 }, distress: 1.5 }),
};
const nextYear = {
  'a-2027.psyagg': publishedSchool({ code: '3301060001', seed: 21, sizes: junior, plan: nextYearPlan() }),
  'c-2027.psyagg': publishedSchool({ code: '3301060003', seed: 23, sizes: { '7/male': 70, '7/female': 66, '8/male': 64, '8/female': 60 }, plan: nextYearPlan() }),
};
const dir = mkdtempSync(join(tmpdir(), 'psyscreen-bureau-'));
const path = (name: string) => join(dir, name);
for (const [name, file] of Object.entries({ ...schools, ...nextYear })) writeFileSync(path(name), JSON.stringify(file, null, 2));
writeFileSync(path('a-copy.psyagg'), JSON.stringify(schools['a.psyagg']));
writeFileSync(path('damaged.psyagg'), JSON.stringify(schools['b.psyagg']).slice(0, 1200));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await click();
  const download = await waiting;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

const grandTotal = (file: Aggregate) => file.margins.find((margin) => margin.grade === 'all' && margin.sex === 'all');

describe('bureau workspace', () => {
  it('takes the teacher demo\'s aggregate and three schools\' files, shows the dashboard and funnel plot, refuses a duplicate and a damaged file, and exports the merged file', async () => {
    // The teacher side: the demo workspace's screening as an anonymous aggregate, read before export.
    const teacherContext = await env.browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const teacher = await watchedPage(teacherContext, env.url());
    await teacher.page.goto(`${env.url()}/teacher.html`);
    await teacher.page.getByRole('button', { name: '打开演示工作台' }).click();
    await teacher.page.getByRole('link', { name: '匿名汇总' }).click();
    await teacher.page.locator('#aggregate-code').fill('3301069999');
    await teacher.page.locator('#aggregate-county').fill('330106');
    const outgoing = teacher.page.locator('table.outgoing tbody tr');
    await outgoing.first().waitFor();
    expect(await outgoing.count()).toBeGreaterThan(5);
    await expect.poll(() => teacher.page.locator('table.outgoing').textContent()).toContain('文件不含姓名、学号、出生日期、班级');
    await screenshot(teacher.page, 'bureau-0-teacher-aggregate');
    const demoFile = await downloaded(teacher.page, () => teacher.page.getByRole('button', { name: /导出汇总文件/ }).click());
    expect(demoFile.name).toBe('演示学校-demo-2026@1.0.0.psyagg');
    const demoText = demoFile.bytes.toString('utf8');
    // the school signs what it sends; the bureau checks the signature before it reads the aggregate
    const signed = await openSignedText(demoText);
    if (!signed.ok) throw new Error(JSON.stringify(signed.issues));
    expect(signed.value.keyName).toBe('演示学校 2026 心理筛查（演示密钥）');
    const demo = parseAggregateText(signed.value.text);
    if (!demo.ok) throw new Error(JSON.stringify(demo.issues));
    expect(demo.value.stage).toBe('published');
    const demoRoster = (JSON.parse(readFileSync('public/demo/demo-workspace.json', 'utf8')) as { roster: { name: string; studentNumber: string }[] }).roster;
    for (const student of demoRoster) {
      expect(demoText).not.toContain(student.name);
      expect(demoText).not.toContain(student.studentNumber);
    }
    writeFileSync(path('demo.psyagg'), demoText);
    expect(teacher.foreignRequests).toEqual([]);
    expect(teacher.consoleErrors).toEqual([]);
    await teacherContext.close();

    // The bureau: every file at once.
    const context = await env.browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${env.url()}/bureau.html`);
    await page.locator('#bureau-county').fill('330106');
    const current = page.locator('.import-current');
    await current.locator('input[type="file"]').setInputFiles([path('demo.psyagg'), path('a.psyagg'), path('b.psyagg'), path('c.psyagg')]);
    await current.getByText('本次：载入 4 个文件，0 个未载入。').waitFor();
    await current.getByText('2026-2027 学年：4 个文件，4 所学校。').waitFor();
    // the files were parsed and checked in the check worker, off the page's thread
    expect(workers.some((url) => url.includes('checkWorker'))).toBe(true);
    await current.locator('details', { has: page.locator('ul.accepted') }).locator('summary').click();
    await current.getByText(/已验证签名：演示学校 2026 心理筛查（演示密钥）/).waitFor();
    expect(await current.getByText(/未签名/).count()).toBe(3);

    const units = page.locator('table.units tbody tr');
    await expect.poll(() => units.count()).toBe(4);
    const rowOf = async (code: string) => (await units.filter({ hasText: code }).locator('td, th').allTextContents()).join(' | ');
    expect(await rowOf('3301060001')).toMatch(/School 3301060001 \| 1 \| 296 \| \d+ \| \d+\.\d% ?\d/);
    // the demo school: on the roster, nobody screened yet: rates "—", not 0 % and not "suppressed"
    expect(await rowOf('3301069999')).toContain('—');
    // grade 8 boys of school A (3 students) are suppressed: in the county's grade 8 boys, a lower bound, never a sum that looks complete
    const boys8 = page.locator('table.groups').nth(2).locator('tbody tr').filter({ hasText: '8 年级 男' });
    const [roster8, completed8, participation8] = await boys8.locator('td').allTextContents();
    expect([roster8, completed8]).toEqual([expect.stringMatching(/^≥ \d+$/), expect.stringMatching(/^≥ \d+$/)]);
    expect(participation8).toContain('部分');
    expect(await boys8.locator('td.note').textContent()).toBe('下限：1 个组被隐藏未计入');

    const funnel = page.locator('svg.funnel-plot');
    await funnel.waitFor();
    expect(await funnel.locator('.funnel-points circle').count()).toBe(3);
    await expect.poll(() => page.locator('.funnel-above').textContent()).toContain('School 3301060003');
    await page.getByText('1 个单位没有公开的结果').waitFor();
    await screenshot(page, 'bureau-1-dashboard');
    await funnel.scrollIntoViewIfNeeded();
    await funnel.screenshot({ path: 'test-results/screenshots/bureau-2-funnel.png' });

    // A duplicate and a damaged file: named, with the reason; nothing changes.
    await current.locator('input[type="file"]').setInputFiles([path('a-copy.psyagg'), path('damaged.psyagg')]);
    await current.getByText('本次：载入 0 个文件，2 个未载入。').waitFor();
    await current.getByText('文件“a-copy.psyagg”中的学校 School 3301060001（3301060001）已经由“a.psyagg”载入，未重复载入。').waitFor();
    await current.getByText('文件“damaged.psyagg”已损坏或不完整，未载入。请让报送单位重新导出后再发一次。').waitFor();
    await current.getByText('2026-2027 学年：4 个文件，4 所学校。').waitFor();
    expect(await units.count()).toBe(4);
    await current.locator('.file-reports').screenshot({ path: 'test-results/screenshots/bureau-3-rejected.png' });

    // The demo school's key went on record with its first signed file; the same school signing with another key is refused.
    await page.locator('.school-keys summary').click();
    const keyRow = page.locator('.school-keys tbody tr').filter({ hasText: '3301069999' });
    expect(await keyRow.textContent()).toContain(formatKeyId(signed.value.keyId));
    const impostor = await testKey('冒名密钥');
    writeFileSync(path('demo-other-key.psyagg'), await signText(signed.value.text, impostor.unlocked));
    await current.locator('input[type="file"]').setInputFiles([path('demo-other-key.psyagg')]);
    await current.getByText(new RegExp(`签名密钥 ${formatKeyId(impostor.unlocked.keyId)} 与本局自 \\d{4}-\\d{2}-\\d{2} 登记的密钥 ${formatKeyId(signed.value.keyId)} 不同，未载入`)).waitFor();
    await page.locator('.school-keys').screenshot({ path: 'test-results/screenshots/bureau-3b-school-keys.png' });

    // A file of next year in the current set is refused; as the comparison year it gives the change year over year.
    await current.locator('input[type="file"]').setInputFiles([path('a-2027.psyagg')]);
    await current.getByText(/文件“a-2027.psyagg”是 2027-2028 学年的，而已载入的文件是 2026-2027 学年的/).waitFor();
    const comparison = page.locator('.import-comparison');
    await comparison.locator('input[type="file"]').setInputFiles([path('a-2027.psyagg'), path('c-2027.psyagg')]);
    await comparison.getByText('本次：载入 2 个文件，0 个未载入。').waitFor();
    const yoyRows = page.locator('table.yoy tbody tr');
    await expect.poll(() => yoyRows.count()).toBe(3);
    expect(await yoyRows.nth(2).textContent()).toMatch(/3301060003.*下降/);
    await page.locator('table.yoy').screenshot({ path: 'test-results/screenshots/bureau-4-year-over-year.png' });

    // Exports: the merged file for the city, stamped; tables as CSV and Excel; the funnel plot as SVG and PNG.
    await page.locator('#bureau-code').fill('330106');
    await page.locator('#bureau-name').fill('西湖区教育局');
    const merged = await downloaded(page, () => page.getByRole('button', { name: /导出合并文件/ }).click());
    expect(merged.name).toBe('330106-2026-2027.psyagg');
    const parsed = parseAggregate(JSON.parse(merged.bytes.toString('utf8')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const inputs = [demo.value, ...Object.values(schools)];
    const sum = (field: 'roster' | 'completed' | 'declined') => inputs.reduce((total, file) => total + (grandTotal(file)?.[field] ?? 0), 0);
    expect(grandTotal(parsed.value)).toMatchObject({ roster: sum('roster'), completed: sum('completed'), declined: sum('declined') });
    const cellSum = (file: Aggregate) => file.cells.reduce((total, cell) => total + cell.tiers.high, 0);
    expect(cellSum(parsed.value)).toBe(inputs.reduce((total, file) => total + cellSum(file), 0));
    expect(parsed.value.provenance.schools.map((school) => school.code)).toEqual(['3301060001', '3301060002', '3301060003', '3301069999']);
    expect(parsed.value.provenance.stamps).toMatchObject([{ level: 'county', code: '330106', name: '西湖区教育局' }]);

    const csv = await downloaded(page, () => page.locator('.export-panel').getByRole('button', { name: '各单位' }).click());
    const csvText = csv.bytes.toString('utf8');
    expect(csvText.startsWith('\uFEFF代码,名称,学校数')).toBe(true);
    expect(csvText.split('\r\n').filter((line) => line.startsWith('33010'))).toHaveLength(4);
    const excel = await downloaded(page, () => page.getByRole('button', { name: '表格 Excel' }).click());
    expect(excel.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const svg = await downloaded(page, () => page.getByRole('button', { name: '漏斗图 SVG' }).click());
    expect(svg.bytes.toString('utf8')).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await downloaded(page, () => page.getByRole('button', { name: '漏斗图 PNG' }).click());
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    writeFileSync('test-results/screenshots/bureau-5-funnel-export.png', png.bytes);

    // English, and everything still there after a reload (IndexedDB).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /Dashboard/ }).waitFor();
    await current.getByText('The file "a-2027.psyagg" is for school year 2027-2028, but the files already loaded are for 2026-2027', { exact: false }).waitFor();
    await page.reload();
    await page.getByText('2026-2027: 4 file(s), 4 school(s).').waitFor();
    await expect.poll(() => units.count()).toBe(4);
    await expect.poll(() => yoyRows.count()).toBe(3);
    await screenshot(page, 'bureau-6-english');

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
  it('refuses a bad school list row by row, opens the demo county, lists the schools that did not report, shows three years of trends, and exports the reminder list', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, env.url());
    await page.goto(`${env.url()}/bureau.html`);
    const listPanel = page.locator('.school-list');
    writeFileSync(path('bad-list.csv'), '学校代码,学校名称,学校类型,所属区县\r\n9900000001,一小,小学,城关镇\r\n9900000002,二小,大学,城关镇\r\n');
    await listPanel.locator('input[type="file"]').setInputFiles(path('bad-list.csv'));
    await listPanel.getByText('学校名单第 3 行“学校类型”列的“大学”不是可识别的学校类型', { exact: false }).waitFor();
    await listPanel.getByText('尚未导入学校名单。').waitFor();

    const opened = performance.now();
    await page.getByRole('button', { name: '打开演示区县' }).click();
    await page.getByText('演示区县已载入：3 个学年，共 118 个文件。').waitFor();
    const openMs = performance.now() - opened;
    await listPanel.getByText(/名单：42 所学校/).waitFor();
    const reporting = page.locator('.reporting');
    await reporting.getByText('2026-2027 学年：名单上 42 所学校中 38 所已报送，4 所未报送。').waitFor();
    expect(await reporting.locator('table.missing-schools tbody tr').count()).toBe(4);
    expect(await reporting.locator('.county-participation').textContent()).toMatch(/参与率（未报送学校计为 0）: \d+\.\d%/);
    // every chart and table has something to show: a funnel plot of 38 schools, trends over three years with both tracks
    expect(await page.locator('svg.funnel-plot .funnel-points circle').count()).toBeGreaterThan(30);
    const trendRows = page.locator('table.trend-table tbody tr');
    await expect.poll(() => trendRows.count()).toBe(3 + 42);
    expect(await page.locator('table.trend-table thead th').allTextContents()).toEqual(['学校', '2024-2025', '2025-2026', '2026-2027', '变化（百分点）']);
    expect(await trendRows.nth(1).textContent()).toMatch(/^普通高中(\d+\.\d%)/);
    expect(await trendRows.nth(2).textContent()).toMatch(/^中职(\d+\.\d%)/);
    expect(await page.locator('svg.trend-chart .trend-line').count()).toBe(3);
    await page.locator('.trends select').nth(1).selectOption('9900000040');
    expect(await page.locator('svg.trend-chart .trend-line').count()).toBe(4);
    // what followed the flags: rates with intervals over the schools that published each measure
    const followRows = page.locator('table.follow-up-rates tbody tr');
    await expect.poll(() => followRows.count()).toBe(5);
    expect(await followRows.filter({ hasText: '7 天内约谈' }).locator('td').first().textContent()).toMatch(/^\d+\.\d%\d+\.\d%–\d+\.\d%$/);
    await page.locator('.follow-up').screenshot({ path: 'test-results/screenshots/bureau-7b-follow-up.png' });
    await page.locator('.reporting').screenshot({ path: 'test-results/screenshots/bureau-7-reporting.png' });
    await page.locator('.trends').screenshot({ path: 'test-results/screenshots/bureau-8-trends.png' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'bureau-9-demo-county', { fullPage: false });

    const reminder = await downloaded(page, () => reporting.getByRole('button', { name: '导出催报名单 CSV' }).click());
    const lines = reminder.bytes.toString('utf8').split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('\uFEFF学校代码,学校名称,学校类型,所属区县,在校生数,学年');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual((await reporting.locator('table.missing-schools tbody tr td:first-child').allTextContents()));
    const xlsx = await downloaded(page, () => reporting.getByRole('button', { name: '导出催报名单 Excel' }).click());
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // A list of the bureau's own replaces the demo's: two demo schools and one that sent nothing.
    writeFileSync(path('list.csv'), '学校代码,学校名称,学校类型,所属区县,在校生数\r\n9900000001,一小,小学,城关镇,300\r\n9900000040,职校,中职,城关镇,\r\n9900000999,新校,初中,城关镇,500\r\n');
    await listPanel.locator('input[type="file"]').setInputFiles(path('list.csv'));
    await listPanel.getByText(/名单：3 所学校（来自“list.csv”/).waitFor();
    await reporting.getByText('2026-2027 学年：名单上 3 所学校中 2 所已报送，1 所未报送。').waitFor();
    await reporting.getByText('不在名单上的学校 (36)').waitFor();
    // the demo never replaces a bureau's files and list without asking; declining changes nothing
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); void dialog.dismiss(); }));
    await page.getByRole('button', { name: '打开演示区县' }).click();
    expect(await asked).toContain('替换已载入的 118 个文件和学校名单');
    await listPanel.getByText(/名单：3 所学校（来自“list.csv”/).waitFor();
    await page.reload();
    await reporting.getByText('2026-2027 学年：名单上 3 所学校中 2 所已报送，1 所未报送。').waitFor();
    await expect.poll(() => trendRows.count()).toBe(2 + 42);
    // opening the demo (fetch 1 MB, check and merge 118 files, store them) stays well within a few seconds on a loaded CI machine
    expect(openMs).toBeLessThan(15_000);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
