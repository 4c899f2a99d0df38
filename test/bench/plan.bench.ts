/**
 * Plan builder speed in headless Chromium: sealing a roster costs one deliberately slow PBKDF2 per
 * sign-in code. Compared with the bare PBKDF2 runs in the same page; extrapolated to 3,000 students.
 * Also over one Web Worker per core: all on WebCrypto (Chromium runs it on one thread per page, so
 * this shows what that costs), and the teacher page's split: one WebCrypto lane plus pure-JS lanes.
 */
import { DEFAULT_BANDS, buildPlan } from '../../scoring/index.ts';
import { shippedCatalog } from '../support/library.ts';
import type { PlanBuildInput, PlanBuildTimes } from './plan/browserPlanBuild.ts';
import { BenchFailure } from './support/failure.ts';
import { runBundleInChromium } from './support/bundleInChromium.ts';

/** PLAN_BENCH_STUDENTS=3000 measures a full school instead of extrapolating. */
const STUDENTS = Number(process.env.PLAN_BENCH_STUDENTS ?? 96);
const PLAIN_HTTP_STUDENTS = Number(process.env.PLAN_BENCH_PLAIN_STUDENTS ?? 8);

export async function run(): Promise<void> {
  const built = buildPlan(shippedCatalog(), {
    id: 'bench-plan', version: '1.0.0', name: { 'zh-CN': '基准', en: 'Bench' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new BenchFailure(`library lacks ${built.missing}`);
  const input: PlanBuildInput = { plan: built.plan, students: STUDENTS, plainHttpStudents: PLAIN_HTTP_STUDENTS };
  const times = await runBundleInChromium<PlanBuildTimes>('test/bench/plan/browserPlanBuild.ts', 'planBench', input, 1, { '/roster-worker.js': 'src/kiosk/rosterWorker.ts' });
  if (!times) {
    console.log('Chromium not installed: skipped');
    return;
  }
  if (times.rosterEntries !== STUDENTS) throw new BenchFailure(`roster has ${times.rosterEntries} entries, expected ${STUDENTS}`);
  if (!times.sameLookups) throw new BenchFailure('the build over workers sealed a different roster than the single-thread build');
  const perStudent = (ms: number) => ms / STUDENTS;
  const at3000 = (ms: number) => `${((perStudent(ms) * 3000) / 60_000).toFixed(1)} min`;
  console.log(`Chromium, ${STUDENTS} students, PBKDF2-SHA-256 × 210,000 per code`);
  console.log(`  plan build, one thread:     ${perStudent(times.buildMs).toFixed(1)} ms/student → ${at3000(times.buildMs)} for 3,000`);
  const row = (label: string, ms: number) => console.log(`  ${label.padEnd(44)} ${perStudent(ms).toFixed(1)} ms/student → ${at3000(ms)} for 3,000  ${(times.buildMs / ms).toFixed(2)}× (same roster)`);
  row(`plan build, ${times.cores} workers, all WebCrypto:`, times.workersMs);
  row(`plan build, ${times.cores} workers, 1 WebCrypto + pure JS:`, times.hybridMs);
  const plain = (ms: number) => `${(ms / PLAIN_HTTP_STUDENTS).toFixed(0)} ms/student → ${((ms / PLAIN_HTTP_STUDENTS) * 3000 / 60_000).toFixed(1)} min for 3,000`;
  console.log(`  plain http (pure JS), ${PLAIN_HTTP_STUDENTS} students: on the page ${plain(times.plainHttpMs)}; ${times.cores} workers ${plain(times.plainHttpWorkersMs)}  ${(times.plainHttpMs / times.plainHttpWorkersMs).toFixed(2)}×`);
  console.log(`  floor, bare PBKDF2 256-bit: ${perStudent(times.floorMs).toFixed(1)} ms/student  ratio ${(times.buildMs / times.floorMs).toFixed(2)}×`);
  console.log(`  before 2026-11-25 (512-bit PBKDF2, two chains): ${perStudent(times.legacyFloorMs).toFixed(1)} ms/student → ${at3000(times.legacyFloorMs)} for 3,000`);
}
