/**
 * County scale: 1,000 schools' published `.psyagg` files (realistic size, built once from results
 * scored by the real engine). In Node: reading them as the bureau does (parse + schema + cross-field
 * checks, `parseAggregateText`), `mergeAll` of the parsed files, and the bureau's whole import path
 * (`admitFiles`: read, check year/county/k/duplicates/instrument versions, merge one by one), each
 * next to the floor measured in the same run, `JSON.parse` of the same texts; with the heap each
 * keeps. In headless Chromium: the bureau page loading the 1,000 files at once, time until the
 * dashboard (1,000 unit rows and the funnel plot) is visible, a full re-render, and a reload from
 * IndexedDB. The merged totals must equal the sum of the files, or the bench fails. Prints, asserts no speed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { emptyAggregate, mergeAll, parseAggregateText, type Aggregate } from '../../scoring/index.ts';
import { admitFiles } from '../../src/bureau/admit.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import { CHROMIUM } from '../e2e/harness.ts';
import { countyFiles } from './aggregate/countyFiles.ts';
import { BenchFailure } from './support/failure.ts';
import { formatRatio, median } from './support/timing.ts';

const SCHOOLS = 1_000;
const ROUNDS = 5;
const BROWSER_ROUNDS = 3;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

/** The heap a result keeps: measured alone, between two collections, before any timed round. */
function retainedMb(work: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = work();
  gc();
  const after = process.memoryUsage().heapUsed;
  // `kept` is read after the collection, so it is alive during it.
  return kept === undefined ? Number.NaN : (after - before) / 2 ** 20;
}

/** Median time over the rounds (one untimed warm-up first) and the heap the result keeps. */
function measure<T>(work: () => T): { ms: number; rounds: number[]; heapMb: number; value: T } {
  const heapMb = retainedMb(work);
  const rounds: number[] = [];
  let value = work();
  for (let round = 0; round < ROUNDS; round++) {
    gc();
    const run = timed(work);
    value = run.value;
    rounds.push(run.ms);
  }
  return { ms: median(rounds), rounds, heapMb, value };
}

const unwrapped = <T>(outcome: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T => {
  if (!outcome.ok) throw new BenchFailure(JSON.stringify(outcome.issues.slice(0, 3)));
  return outcome.value;
};

const grandTotal = (file: Aggregate) => file.margins.find((margin) => margin.grade === 'all' && margin.sex === 'all');

function checkSum(merged: Aggregate, files: readonly Aggregate[]): void {
  for (const field of ['roster', 'completed', 'declined'] as const) {
    const expected = files.reduce((sum, file) => sum + (grandTotal(file)?.[field] ?? 0), 0);
    if (grandTotal(merged)?.[field] !== expected) throw new BenchFailure(`merged ${field} ${grandTotal(merged)?.[field]} ≠ sum of files ${expected}`);
  }
  const high = (file: Aggregate) => file.cells.reduce((sum, cell) => sum + cell.tiers.high, 0);
  if (high(merged) !== files.reduce((sum, file) => sum + high(file), 0)) throw new BenchFailure('merged high-risk count ≠ sum of files');
  if (merged.provenance.schools.length !== files.length) throw new BenchFailure(`merged ${merged.provenance.schools.length} schools, expected ${files.length}`);
}

function inNode(texts: readonly string[]): void {
  const floor = measure(() => texts.map((text) => JSON.parse(text) as unknown));
  const parsed = measure(() => texts.map((text) => unwrapped(parseAggregateText(text))));
  const files = parsed.value;
  const identity = emptyAggregate({ schoolYear: files[0]?.schoolYear ?? '2026-2027' });
  const merged = measure(() => unwrapped(mergeAll(files, identity)));
  checkSum(merged.value, files);
  const incoming = texts.map((text, index) => ({ id: String(index), name: `school-${index}.psyagg`, text }));
  const admitted = measure(() => admitFiles(EMPTY_SET, incoming, { county: '330106' }));
  if (admitted.value.reports.some((report) => !report.accepted)) throw new BenchFailure('a bench file was refused');
  checkSum(admitted.value.set.merged ?? identity, files);

  const row = (name: string, m: { ms: number; rounds: number[]; heapMb: number }) =>
    console.log(`  ${name.padEnd(48)} ${m.ms.toFixed(0).padStart(6)} ms  ${formatRatio(m.ms / floor.ms).padStart(6)}  heap ${m.heapMb.toFixed(1).padStart(6)} MB  ${formatRatio(m.heapMb / floor.heapMb).padStart(6)}   rounds ${m.rounds.map((ms) => ms.toFixed(0)).join(' ')}`);
  console.log(`\nNode, ${SCHOOLS} files (median of ${ROUNDS} rounds; × = against JSON.parse of the same texts; heap = what the result keeps):`);
  row('JSON.parse (floor)', floor);
  row('parseAggregateText (schema + checks)', parsed);
  row('mergeAll of the parsed files', merged);
  row('admitFiles (the bureau import: read, check, merge)', admitted);
  const mergedText = JSON.stringify(merged.value);
  console.log(`  merged county file: ${(mergedText.length / 2 ** 20).toFixed(2)} MB, ${merged.value.cells.length} cells, ${merged.value.suppressed.length} suppression records`);
}

async function inChromium(texts: readonly string[]): Promise<void> {
  if (!existsSync(CHROMIUM.executablePath)) {
    console.log('\n(Chromium not found: browser part skipped)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'psyscreen-bench-agg-'));
  const outDir = join(dir, 'dist');
  const paths = texts.map((text, index) => {
    const path = join(dir, `school-${String(index).padStart(4, '0')}.psyagg`);
    writeFileSync(path, text);
    return path;
  });
  // The bureau page alone (no service worker, no other pages): what is measured is this page.
  await build({ configFile: false, plugins: [react()], logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, target: 'es2022', rollupOptions: { input: { bureau: 'bureau.html' } } } });
  const server = await preview({ configFile: false, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}/bureau.html`;
  const browser = await chromium.launch(CHROMIUM);
  const times = { handed: [] as number[], floor: [] as number[], imported: [] as number[], dashboard: [] as number[], rerender: [] as number[], reload: [] as number[] };
  try {
    for (let round = 0; round < BROWSER_ROUNDS; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(url);
      const input = page.locator('.import-current input[type="file"]');
      await input.waitFor({ state: 'attached' });
      // The floor, in the same page and run: read the same 1,000 files and JSON.parse them, nothing else.
      await page.evaluate(() => { const probe = document.createElement('input'); probe.type = 'file'; probe.multiple = true; probe.id = 'bench-floor'; document.body.append(probe); });
      await page.locator('#bench-floor').setInputFiles(paths);
      times.floor.push(await page.evaluate(async () => {
        const probe = document.querySelector<HTMLInputElement>('#bench-floor');
        const started = performance.now();
        const texts = await Promise.all([...(probe?.files ?? [])].map((file) => file.text()));
        let keys = 0;
        for (const text of texts) keys += Object.keys(JSON.parse(text) as object).length;
        probe?.remove();
        return keys > 0 ? performance.now() - started : -1;
      }));
      const dashboardVisible = async () => {
        await page.locator('table.units tbody tr').nth(SCHOOLS - 1).waitFor({ state: 'attached', timeout: 300_000 });
        await page.locator('svg.funnel-plot .funnel-points circle').nth(SCHOOLS - 1).waitFor({ state: 'attached', timeout: 300_000 });
      };
      const handing = performance.now();
      await input.setInputFiles(paths);
      const start = performance.now();
      times.handed.push(start - handing);
      await page.getByText(`本次：载入 ${SCHOOLS} 个文件，0 个未载入。`).waitFor({ timeout: 300_000 });
      times.imported.push(performance.now() - start);
      await dashboardVisible();
      times.dashboard.push(performance.now() - start);

      let mark = performance.now();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: /^Dashboard/ }).waitFor();
      await dashboardVisible();
      times.rerender.push(performance.now() - mark);

      mark = performance.now();
      await page.reload();
      await page.getByText(`2026-2027: ${SCHOOLS} file(s), ${SCHOOLS} school(s).`).waitFor({ timeout: 300_000 });
      await dashboardVisible();
      times.reload.push(performance.now() - mark);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const show = (name: string, values: readonly number[]) => console.log(`  ${name.padEnd(62)} ${median(values).toFixed(0).padStart(6)} ms   rounds ${values.map((ms) => ms.toFixed(0)).join(' ')}`);
  console.log(`\nHeadless Chromium, bureau page, ${SCHOOLS} files picked at once (median of ${BROWSER_ROUNDS}):`);
  show('Playwright hands the 1,000 files to the page (not the app)', times.handed);
  show('floor: the same files read and JSON.parse\'d in the page', times.floor);
  show('then: files read, checked and merged (report shown)', times.imported);
  console.log(`  import against the floor: ${(median(times.imported) / median(times.floor)).toFixed(1)}×`);
  show('then: the dashboard visible (1,000 unit rows, funnel plot)', times.dashboard);
  show('re-render of the whole dashboard (language switch)', times.rerender);
  show('reload: files read back from IndexedDB, checked, dashboard visible', times.reload);
}

export async function run(): Promise<void> {
  const built = timed(() => countyFiles(SCHOOLS));
  const { texts, bytes, distinct } = built.value;
  console.log(`${SCHOOLS} published school files (${distinct} distinct schools scored by the engine, renamed): ${(bytes / 2 ** 20).toFixed(1)} MB, ${(bytes / SCHOOLS / 1024).toFixed(1)} KB per file on average; built in ${(built.ms / 1000).toFixed(1)} s`);
  inNode(texts);
  await inChromium(texts);
}
