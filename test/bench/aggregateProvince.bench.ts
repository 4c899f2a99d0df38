/**
 * Province scale: `psyscreen aggregate merge` over 10,000 schools' published `.psyagg` files (the
 * county bench's files: forty schools scored by the real engine, renamed), run as a user runs it, the
 * real CLI in its own process, with the province stamp. Timed with its peak RSS and peak heap next to
 * the floor measured in the same run: another process that reads the same files and JSON.parse's
 * them, nothing else (run before and after the CLI, as the machine's load drifts). The merged file
 * must read back and its totals equal the sum of the files, or the bench fails. Files live only in
 * a temporary folder, removed at the end; a hard time limit stops a run that hangs. Prints, asserts
 * no speed. PSYSCREEN_BENCH_PROVINCE=N runs N files instead (a quick try).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAggregateText, type Aggregate } from '../../scoring/index.ts';
import { countyFileTexts } from './aggregate/countyFiles.ts';
import { BenchFailure } from './support/failure.ts';
import { formatRatio } from './support/timing.ts';

const SCHOOLS = Number(process.env.PSYSCREEN_BENCH_PROVINCE ?? 10_000);
/** The whole bench, generation included, must end within this. */
const TIME_LIMIT_MS = 20 * 60_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROBE = fileURLToPath(new URL('./aggregate/memoryProbe.ts', import.meta.url));
const FLOOR = fileURLToPath(new URL('./aggregate/provinceFloor.ts', import.meta.url));
const CLI = join(ROOT, 'bin/psyscreen.js');
// The children run in the temporary folder, so tsx is named by its full address.
const TSX = import.meta.resolve('tsx');

interface Totals { roster: number; completed: number; declined: number; high: number }
interface Probe { maxRssKb: number; heapPeak: number; reads: number; workMs: number }
interface Run { wallMs: number; probe: Probe }

const grandTotal = (file: Aggregate) => file.margins.find((margin) => margin.grade === 'all' && margin.sex === 'all');
const highOf = (file: Aggregate) => file.cells.reduce((sum, cell) => sum + cell.tiers.high, 0);
const totalsOf = (file: Aggregate): Totals => {
  const total = grandTotal(file);
  return { roster: total?.roster ?? 0, completed: total?.completed ?? 0, declined: total?.declined ?? 0, high: highOf(file) };
};

function writeProvince(dir: string, deadline: number): { names: string[]; bytes: number; expected: Totals } {
  mkdirSync(join(dir, 'schools'));
  const names: string[] = [];
  const expected: Totals = { roster: 0, completed: 0, declined: 0, high: 0 };
  let bytes = 0;
  for (const { text, file } of countyFileTexts(SCHOOLS)) {
    if (performance.now() > deadline) throw new BenchFailure(`time limit: only ${names.length} of ${SCHOOLS} files written`);
    const name = join('schools', `${String(names.length).padStart(5, '0')}.psyagg`);
    writeFileSync(join(dir, name), text);
    names.push(name);
    bytes += Buffer.byteLength(text);
    const totals = totalsOf(file);
    for (const key of ['roster', 'completed', 'declined', 'high'] as const) expected[key] += totals[key];
  }
  return { names, bytes, expected };
}

/** One child process, the probe loaded, stdout to a file (a province file is megabytes), killed at the deadline. */
function child(dir: string, label: string, args: readonly string[], deadline: number): Run & { stdout: string; stderr: string } {
  const probePath = join(dir, `${label}.probe.json`);
  const outPath = join(dir, `${label}.out`);
  const out = openSync(outPath, 'w');
  const started = performance.now();
  let result;
  try {
    result = spawnSync(process.execPath, ['--import', TSX, '--import', PROBE, ...args], {
      cwd: dir, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', killSignal: 'SIGKILL',
      timeout: Math.max(1, Math.round(deadline - performance.now())), env: { ...process.env, PSYSCREEN_BENCH_PROBE: probePath, PSYSCREEN_LANG: 'en' },
    });
  } finally {
    closeSync(out);
  }
  const wallMs = performance.now() - started;
  if (result.error) throw new BenchFailure(`${label}: ${result.error.message} (time limit ${TIME_LIMIT_MS / 60_000} min)`);
  if (result.status !== 0) throw new BenchFailure(`${label} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  return { wallMs, probe: JSON.parse(readFileSync(probePath, 'utf8')) as Probe, stdout: outPath, stderr: result.stderr };
}

function checkMerged(path: string, expected: Totals): Aggregate {
  const parsed = parseAggregateText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new BenchFailure(`the province file does not read back: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  const merged = parsed.value;
  const got = totalsOf(merged);
  for (const key of ['roster', 'completed', 'declined', 'high'] as const) {
    if (got[key] !== expected[key]) throw new BenchFailure(`province ${key} ${got[key]} ≠ sum of the files ${expected[key]}`);
  }
  if (merged.provenance.schools.length !== SCHOOLS) throw new BenchFailure(`province file has ${merged.provenance.schools.length} schools, expected ${SCHOOLS}`);
  if (merged.provenance.stamps[0]?.level !== 'province') throw new BenchFailure('province file is not stamped');
  return merged;
}

const mb = (bytes: number) => bytes / 2 ** 20;

export function run(): void {
  const deadline = performance.now() + TIME_LIMIT_MS;
  const dir = mkdtempSync(join(tmpdir(), 'psyscreen-bench-province-'));
  try {
    const generating = performance.now();
    const { names, bytes, expected } = writeProvince(dir, deadline);
    console.log(`${SCHOOLS} published school files written to a temporary folder: ${mb(bytes).toFixed(0)} MB, ${(bytes / SCHOOLS / 1024).toFixed(1)} KB per file; built in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

    const startup = child(dir, 'startup', [CLI, 'help'], deadline);
    const floorBefore = child(dir, 'floor-before', [FLOOR, ...names], deadline);
    const cli = child(dir, 'cli', [CLI, 'aggregate', 'merge', '--level', 'province', '--code', '330000', '--name', '浙江省教育厅', '--created', '2026-12-01', ...names], deadline);
    const floorAfter = child(dir, 'floor-after', [FLOOR, ...names], deadline);
    if (cli.probe.reads < SCHOOLS || floorBefore.probe.reads < SCHOOLS) throw new BenchFailure('a child did not read every file');
    const merged = checkMerged(cli.stdout, expected);
    const parquet = child(dir, 'parquet', [CLI, 'aggregate', 'table', 'cli.out', '--format', 'parquet', '--out', 'province.parquet'], deadline);

    const mean = (pick: (r: Run) => number) => (pick(floorBefore) + pick(floorAfter)) / 2;
    const floor = { work: mean((r) => r.probe.workMs), wall: mean((r) => r.wallMs), rss: mean((r) => r.probe.maxRssKb), heap: mean((r) => r.probe.heapPeak) };
    const ratio = (value: number, of: number, against: boolean) => (against ? formatRatio(value / of) : '').padStart(7);
    const row = (name: string, r: Run, against: boolean) => console.log(
      `  ${name.padEnd(50)} ${(r.probe.workMs / 1000).toFixed(1).padStart(6)} s ${ratio(r.probe.workMs, floor.work, against)}`
      + `  ${(r.wallMs / 1000).toFixed(1).padStart(6)} s ${ratio(r.wallMs, floor.wall, against)}`
      + `  ${(r.probe.maxRssKb / 1024).toFixed(0).padStart(5)} MB ${ratio(r.probe.maxRssKb, floor.rss, against)}`
      + `  ${mb(r.probe.heapPeak).toFixed(0).padStart(5)} MB ${ratio(r.probe.heapPeak, floor.heap, against)}`,
    );
    console.log(`\nProvince, ${SCHOOLS} files, each run a process of its own (× = against the mean of the two floors):`);
    console.log(`  ${''.padEnd(50)}${'work ¹'.padStart(9).padEnd(17)}${'wall ²'.padStart(10).padEnd(18)}${'peak RSS'.padStart(10).padEnd(18)}${'peak heap'.padStart(10)}`);
    row('startup only (psyscreen help)', startup, false);
    row('floor: read + JSON.parse each file (before)', floorBefore, false);
    row('floor: read + JSON.parse each file (after)', floorAfter, false);
    row('psyscreen aggregate merge --level province (CLI)', cli, true);
    console.log(`  province file: ${mb(statSync(cli.stdout).size).toFixed(2)} MB, ${merged.cells.length} cells, ${merged.suppressed.length} suppression records; totals = sum of the files; ${cli.stderr.trim()}`);
    row('then: aggregate table --format parquet of it', parquet, false);
    console.log(`  Parquet: ${(statSync(join(dir, 'province.parquet')).size / 1024).toFixed(0)} KB`);
    console.log('  ¹ from the first .psyagg read to exit: the work, without Node\'s and tsx\'s start   ² the whole process, as a user waits for it');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
