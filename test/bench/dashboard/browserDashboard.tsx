/**
 * The teacher workspace with 5,000 students × 3 waves inside Chromium: bundled by dashboard.bench.ts.
 * It stores the records encrypted in IndexedDB through the app's own store, unlocks the workspace as
 * a teacher would (PBKDF2 600,000 + decrypting every record), and renders the real overview and
 * attention list, timing each step.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { StudentRecord } from '../../../src/records/index.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { AttentionPage } from '../../../src/teacher/ui/AttentionPage.tsx';
import { Dashboard } from '../../../src/teacher/ui/Dashboard.tsx';
import { TEACHER_TEXT } from '../../../src/teacher/ui/text.ts';
import { WorkspaceViewContext, type WorkspaceView } from '../../../src/teacher/ui/WorkspaceContext.ts';
import { createWorkspaceKey, saveRecords, unlockWorkspace, type Workspace } from '../../../src/teacher/workspace/workspace.ts';

export interface DashboardTimings {
  readonly storeMs: number;
  readonly unlockMs: number;
  readonly pbkdf2Ms: number;
  readonly dashboardMs: readonly number[];
  readonly attentionMs: readonly number[];
  readonly floorMs: readonly number[];
  readonly tableRows: number;
}

const PASSPHRASE = '基准测试用的口令 2026';

function viewOf(workspace: Workspace): WorkspaceView {
  return {
    workspace, records: workspace.records, locale: 'zh-CN', text: TEACHER_TEXT['zh-CN'],
    changeContext: () => ({ now: () => new Date().toISOString(), newId: () => crypto.randomUUID(), by: 'bench' }),
    commit: () => Promise.resolve(), navigate: () => undefined, refresh: () => undefined,
  };
}

/** Renders a page synchronously and returns the milliseconds until it is in the DOM. */
function timeRender(view: WorkspaceView, page: 'dashboard' | 'attention'): { ms: number; rows: number } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const started = performance.now();
  flushSync(() => root.render(<WorkspaceViewContext.Provider value={view}>{page === 'dashboard' ? <Dashboard /> : <AttentionPage />}</WorkspaceViewContext.Provider>));
  const ms = performance.now() - started;
  const rows = host.querySelectorAll('tr').length;
  root.unmount();
  host.remove();
  return { ms, rows };
}

/** The floor: the same records walked once to count tiers per class, and one table of that many rows written as HTML. */
function floor(records: readonly StudentRecord[]): number {
  const started = performance.now();
  const counts = new Map<string, number[]>();
  for (const record of records) {
    const tier = record.waves.at(-1)?.results[0]?.result.tier;
    const row = counts.get(record.identity.className) ?? [0, 0, 0];
    const column = tier === 'high' ? 2 : tier === 'medium' ? 1 : 0;
    row[column] = (row[column] ?? 0) + 1;
    counts.set(record.identity.className, row);
  }
  const host = document.createElement('div');
  host.innerHTML = `<table>${[...counts].map(([name, row]) => `<tr><th>${name}</th>${row.map((n) => `<td>${n}</td>`).join('')}</tr>`).join('')}</table>`;
  document.body.append(host);
  void host.offsetHeight;
  host.remove();
  return performance.now() - started;
}

export async function run(records: readonly StudentRecord[], rounds: number): Promise<DashboardTimings> {
  const db = openTeacherDb(`bench-${Date.now()}`);
  const created = await createWorkspaceKey(db, { school: '基准中学', name: '基准中学 2026', passphrase: PASSPHRASE, now: new Date().toISOString() });
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const first = await unlockWorkspace(db, PASSPHRASE);
  if (!first.ok) throw new Error(JSON.stringify(first.issues));
  let started = performance.now();
  await saveRecords(first.value, records, new Date().toISOString());
  const storeMs = performance.now() - started;

  const empty = openTeacherDb(`bench-empty-${Date.now()}`);
  await createWorkspaceKey(empty, { school: 'x', name: 'x', passphrase: PASSPHRASE, now: new Date().toISOString() });
  started = performance.now();
  await unlockWorkspace(empty, PASSPHRASE);
  const pbkdf2Ms = performance.now() - started;

  started = performance.now();
  const unlocked = await unlockWorkspace(db, PASSPHRASE);
  const unlockMs = performance.now() - started;
  if (!unlocked.ok || unlocked.value.records.length !== records.length) throw new Error('unlock lost records');
  const view = viewOf(unlocked.value);
  const dashboardMs: number[] = [];
  const attentionMs: number[] = [];
  const floorMs: number[] = [];
  let tableRows = 0;
  for (let round = 0; round < rounds; round += 1) {
    const dashboard = timeRender(view, 'dashboard');
    dashboardMs.push(dashboard.ms);
    tableRows = dashboard.rows;
    attentionMs.push(timeRender(view, 'attention').ms);
    floorMs.push(floor(unlocked.value.records));
  }
  return { storeMs, unlockMs, pbkdf2Ms, dashboardMs, attentionMs, floorMs, tableRows };
}
