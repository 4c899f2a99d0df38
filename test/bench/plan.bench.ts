/**
 * Plan builder speed in headless Chromium: sealing a roster costs one deliberately slow PBKDF2 per
 * sign-in code. Compared with the bare PBKDF2 runs in the same page; extrapolated to 3,000 students.
 */
import { DEFAULT_BANDS, buildPlan } from '../../scoring/index.ts';
import { shippedCatalog } from '../support/library.ts';
import type { PlanBuildInput, PlanBuildTimes } from './plan/browserPlanBuild.ts';
import { BenchFailure } from './support/failure.ts';
import { runBundleInChromium } from './support/bundleInChromium.ts';

const STUDENTS = 60;

export async function run(): Promise<void> {
  const built = buildPlan(shippedCatalog(), {
    id: 'bench-plan', version: '1.0.0', name: { 'zh-CN': '基准', en: 'Bench' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new BenchFailure(`library lacks ${built.missing}`);
  const input: PlanBuildInput = { plan: built.plan, students: STUDENTS };
  const times = await runBundleInChromium<PlanBuildTimes>('test/bench/plan/browserPlanBuild.ts', 'planBench', input, 1);
  if (!times) {
    console.log('Chromium not installed: skipped');
    return;
  }
  if (times.rosterEntries !== STUDENTS) throw new BenchFailure(`roster has ${times.rosterEntries} entries, expected ${STUDENTS}`);
  const perStudent = (ms: number) => ms / STUDENTS;
  const at3000 = (ms: number) => `${((perStudent(ms) * 3000) / 60_000).toFixed(1)} min`;
  console.log(`Chromium, ${STUDENTS} students, PBKDF2-SHA-256 × 210,000 per code`);
  console.log(`  plan build:                 ${perStudent(times.buildMs).toFixed(1)} ms/student → ${at3000(times.buildMs)} for 3,000`);
  console.log(`  floor, bare PBKDF2 256-bit: ${perStudent(times.floorMs).toFixed(1)} ms/student  ratio ${(times.buildMs / times.floorMs).toFixed(2)}×`);
  console.log(`  before 2026-11-25 (512-bit PBKDF2, two chains): ${perStudent(times.legacyFloorMs).toFixed(1)} ms/student → ${at3000(times.legacyFloorMs)} for 3,000`);
}
