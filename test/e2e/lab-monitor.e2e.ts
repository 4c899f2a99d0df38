import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_API, type Monitor } from '../../src/lab/protocol.ts';
import { DEMO_PLAN_REF, labAlert, sealSubmissionToDemoKey, sealToDemoKey } from '../lab/demoAlert.ts';
import { scoredSubmission } from '../teacher/workspace/support.ts';
import { buildApp, launchBrowser, screenshot, watchedPage } from './harness.ts';
import { labMonitorStub, stubPlugin } from './labMonitorStub.ts';

const TOKEN = 'e2e_lab_token_0123456789abcdefghijkl';
const demo = JSON.parse(readFileSync('public/demo/demo-workspace.json', 'utf8')) as { lookups: Record<string, string> };
// the demo plan keeps two lookups per student (code, details); the server reports the roster entry's one
const lookupOf = (number: string): string => Object.entries(demo.lookups).find(([, student]) => student === number)?.[0] ?? '';
const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

const monitor: Monitor = {
  plan: DEMO_PLAN_REF, time: new Date().toISOString(),
  students: [
    { entry: lookupOf('D0802'), state: 'in-progress', machine: 'lab-0000000a', answered: 7, at: minutesAgo(2) },
    { entry: lookupOf('D0803'), state: 'finished', machine: 'lab-0000000b', answered: 25, at: minutesAgo(5) },
    { entry: lookupOf('D1104'), state: 'in-progress', machine: 'lab-0000000c', answered: 20, at: minutesAgo(1) },
    { entry: 'f'.repeat(64), state: 'in-progress', machine: 'lab-0000000d', answered: 3, at: minutesAgo(1) },
  ],
  machines: ['a', 'b', 'c', 'd'].map((pc) => ({ id: `lab-0000000${pc}`, lastSeen: minutesAgo(0), address: `192.168.1.3${pc}` })),
  alerts: [],
  disk: { full: false, freeBytes: 50e9 },
};
const stub = labMonitorStub(TOKEN, monitor);

let server: PreviewServer | undefined;
let browser: Browser | undefined;
let url = '';
const outDir = mkdtempSync(join(tmpdir(), 'psyscreen-e2e-monitor-'));
beforeAll(async () => {
  await buildApp(outDir);
  server = await preview({ logLevel: 'error', build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, plugins: [stubPlugin(stub)] });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  url = `http://127.0.0.1:${address.port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('live lab monitor and alert banner (against a STUB of the lab server)', () => {
  it('shows per-class states, raises a sealed alert as a red banner with the name, locked and unlocked, and an acknowledgement clears it and is logged', async () => {
    if (!browser) throw new Error('browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, foreignRequests, consoleErrors } = await watchedPage(context, url);
    await page.goto(`${url}/teacher.html#lab-token=${TOKEN}`);
    await page.getByRole('button', { name: '打开演示工作台' }).click();
    await page.getByRole('link', { name: '机房监控' }).click();
    expect(page.url()).not.toContain(TOKEN);

    // per class, named by the workspace; the unknown lookup is counted
    await page.getByText('已完成 1 / 6').waitFor();
    const eighth = page.locator('section.monitor-class', { hasText: '八年级(2)班' });
    await expect.poll(() => eighth.locator('h3').textContent()).toContain('未开始 0 · 作答中 1 · 已完成 1 / 2');
    await expect.poll(() => eighth.locator('tr', { hasText: '张子航' }).textContent()).toMatch(/作答中lab-0000000a7.*2 分钟前/);
    await expect.poll(() => eighth.locator('tr', { hasText: '陈思琪' }).textContent()).toContain('已完成lab-0000000b');
    await expect.poll(() => page.locator('section.monitor-class', { hasText: '五年级(1)班' }).locator('tr', { hasText: '林晓雨' }).textContent()).toContain('未开始');
    await page.getByText('有 1 名作答者无法对应到本工作台的学生').waitFor();
    await screenshot(page, 'lab-monitor-1-classes');

    // it updates by itself: a student finishes
    stub.monitor = { ...stub.monitor, students: stub.monitor.students.map((heard) => (heard.entry === lookupOf('D0802') ? { ...heard, state: 'finished' as const, at: minutesAgo(0) } : heard)) };
    await page.getByText('已完成 2 / 6').waitFor({ timeout: 10_000 });

    // the server goes away: calm message, the last data stays, marked
    stub.down = true;
    await page.getByText('连不上机房服务器').waitFor({ timeout: 10_000 });
    await page.getByText('（数据已过时）').waitFor();
    await expect.poll(() => page.locator('.monitor-stale .monitor-classes tr', { hasText: '张子航' }).count()).toBe(1);
    await screenshot(page, 'lab-monitor-2-stale');
    stub.down = false;
    await page.getByText('（数据已过时）').waitFor({ state: 'detached', timeout: 10_000 });

    // an acute alert from lab PC a, really sealed to the demo school key
    const id = '7b3f2c1e-9d4a-4e8b-a1c2-0f9e8d7c6b5a';
    stub.alerts.set(id, await sealToDemoKey(labAlert({ id, machine: 'lab-0000000a', student: { studentId: 'D0802', name: '张子航', className: '八年级(2)班' }, at: new Date().toISOString() })));
    stub.monitor = { ...stub.monitor, alerts: [{ id, machine: 'lab-0000000a', receivedAt: new Date().toISOString(), acknowledged: false }] };
    const banner = page.getByRole('alert').filter({ hasText: '紧急：张子航（八年级(2)班）在机房 PC lab-0000000a 需要老师立即到场' });
    await banner.waitFor({ timeout: 10_000 });
    await banner.getByText('急迫：学生不得独自离开').waitFor();
    await expect.poll(() => page.title()).toMatch(/^【紧急】/);
    await screenshot(page, 'lab-monitor-3-alert', { fullPage: false });

    // on every page, and while locked (no name then)
    await page.getByRole('link', { name: '学生名单' }).click();
    await banner.waitFor();
    await page.getByRole('button', { name: '锁定' }).click();
    const locked = page.getByRole('alert').filter({ hasText: '紧急：机房 PC lab-0000000a 有学生需要老师立即到场 — 解锁后显示姓名' });
    await locked.waitFor();
    expect(await page.getByText('张子航').count()).toBe(0);
    await screenshot(page, 'lab-monitor-4-alert-locked', { fullPage: false });
    await page.getByRole('button', { name: '解锁', exact: true }).click();
    await banner.waitFor({ timeout: 10_000 });

    // acknowledged: the server hears who, the banner goes, the student's audit log says who and when
    await banner.getByRole('button', { name: '我已知晓并到场处理' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(stub.acks).toEqual([{ id, by: '演示老师' }]);
    await page.waitForTimeout(3_500);
    expect(await page.getByRole('alert').filter({ hasText: '紧急' }).count()).toBe(0);
    expect(await page.title()).not.toMatch(/紧急/);
    await page.getByRole('link', { name: '机房监控' }).click();
    await page.locator('section.monitor-class tr', { hasText: '张子航' }).getByRole('link', { name: '张子航' }).click();
    await page.getByText(/操作日志|Audit/).first().click();
    const logged = page.locator('.student-audit tr', { hasText: '确认机房紧急提醒' });
    await logged.waitFor();
    expect(await logged.textContent()).toMatch(new RegExp(`演示老师.*acute · lab-0000000a .*alert ${id}`));
    await screenshot(page, 'lab-monitor-5-audit');

    expect(foreignRequests).toEqual([]);
    // the outage above logs failed requests; nothing else may
    expect(consoleErrors.filter((line) => !/Failed to load resource|net::ERR|Failed to fetch/.test(line))).toEqual([]);
    await context.close();
  }, 120_000);

  it('flags a second completed submission for one student from another PC in the import report and on the student\'s page; the teacher keeps both', async () => {
    if (!browser) throw new Error('browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, consoleErrors } = await watchedPage(context, url);
    const asked = stub.seen.length;
    await page.goto(`${url}/teacher.html`);
    await page.getByRole('button', { name: '打开演示工作台' }).click();
    await page.getByRole('link', { name: '收集数据' }).click();

    const who = { number: 'D0803', name: '陈思琪', className: '八年级(2)班', grade: 8, sex: 'female' as const, birthDate: '2012-05-17' };
    const onPc = async (machineId: string, id: string, finishedAt: string) => ({
      name: `${id}.psysealed`, mimeType: 'application/octet-stream',
      buffer: Buffer.from(await sealSubmissionToDemoKey({ ...scoredSubmission(who, 'low', { id, plan: DEMO_PLAN_REF, finishedAt }), machineId })),
    });
    const input = page.locator('.drop-zone input[type="file"]');
    await input.setInputFiles([await onPc('lab-0000000a', '3c1d2e4f-0000-4000-8000-00000000000a', '2026-10-12T02:30:00.000Z')]);
    await page.locator('.import-report tbody tr').first().waitFor();
    await input.setInputFiles([]);
    await input.setInputFiles([await onPc('lab-0000000b', '3c1d2e4f-0000-4000-8000-00000000000b', '2026-10-12T02:55:00.000Z')]);
    const row = page.locator('.import-report tbody tr').first();
    await expect.poll(async () => (await row.locator('td').allTextContents()).slice(0, 6)).toEqual(['1', '0', '0', '0', '0', '1']);
    const report = page.locator('.duplicate-report');
    await report.getByText('可能重复的提交（需要你决定）').waitFor();
    await screenshot(page, 'lab-monitor-6-duplicate-report');

    await report.getByRole('link', { name: '陈思琪（八年级(2)班）' }).click();
    const flag = page.locator('.duplicate-flags').getByRole('status');
    await flag.getByText(/可能重复/).waitFor();
    expect(await flag.textContent()).toMatch(/lab-0000000b.*较早的一份.*lab-0000000a/);
    expect(await page.locator('.student-waves .student-wave').count()).toBe(2);
    await screenshot(page, 'lab-monitor-7-duplicate-student');
    await flag.getByRole('button', { name: '已核实，两份都保留' }).click();
    await page.locator('.duplicate-flags').waitFor({ state: 'detached' });
    await page.getByText(/操作日志/).first().click();
    await page.locator('.student-audit tr', { hasText: '核实重复并保留两份' }).waitFor();
    expect(await page.locator('.student-audit tr', { hasText: '标记可能重复的答卷' }).count()).toBe(1);

    // no lab token, on localhost: the workspace looked once at start-up (hello, then the token, which this
    // server refuses as to another PC) and asked nothing more: no polling without a token
    expect(stub.seen.slice(asked)).toEqual([`${LAB_API}/hello`, `${LAB_API}/teacher/token`]);
    expect(consoleErrors).toEqual([expect.stringMatching(/^Failed to load resource: the server responded with a status of 403/)]);
    await context.close();
  }, 120_000);
});
