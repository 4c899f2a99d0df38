/**
 * Runs in Chromium: builds a kiosk plan's roster for `students` students (the plan builder's cost is
 * one PBKDF2 key derivation per sign-in code), next to the floor: the same number of bare 256-bit
 * PBKDF2 runs, and the 512-bit runs plans used before 2026-11-25.
 */
import type { Plan } from '../../../scoring/index.ts';
import { useCryptoBackend } from '../../../src/crypto/index.ts';
import { buildKioskPlan, DEFAULT_TEXTS } from '../../../src/kiosk/buildKioskPlan.ts';
import { CODE_KDF_ITERATIONS } from '../../../src/kiosk/codeVault.ts';
import type { RosterSealer } from '../../../src/kiosk/rosterEntry.ts';
import { rosterSealerWithWorkers } from '../../../src/kiosk/rosterWorkerPool.ts';
import type { RosterReply } from '../../../src/kiosk/rosterWorkerProtocol.ts';

export interface PlanBuildInput {
  readonly plan: Plan;
  readonly students: number;
  /** Students for the plain-http builds (pure JS everywhere, ≈ 1 s a code): fewer, or the bench takes minutes. */
  readonly plainHttpStudents: number;
}

export interface PlanBuildTimes {
  readonly buildMs: number;
  /** The same build with the derivations spread over one Web Worker per core, all on WebCrypto. */
  readonly workersMs: number;
  /** …and with all workers but the first in pure JS, as the teacher page builds (src/teacher/ui/rosterWorkers.ts). */
  readonly hybridMs: number;
  readonly cores: number;
  /** As on a plain-http teacher page (no WebCrypto): on the page, and over one pure-JS worker per core. */
  readonly plainHttpMs: number;
  readonly plainHttpWorkersMs: number;
  /** Sorted lookups of both builds agree (same salt): the parallel build seals the same roster. */
  readonly sameLookups: boolean;
  readonly floorMs: number;
  readonly legacyFloorMs: number;
  readonly rosterEntries: number;
}

async function barePbkdf2(count: number, bits: 256 | 512): Promise<number> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(`CODE${i}`), 'PBKDF2', false, ['deriveBits']);
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: CODE_KDF_ITERATIONS }, material, bits);
  }
  return performance.now() - started;
}

/** As the teacher page does (src/teacher/ui/rosterWorkers.ts), with the worker served as a classic script. */
const workerSealer = (cores: number, pureJsFrom?: number): RosterSealer => rosterSealerWithWorkers({
  workers: cores, ...(pureJsFrom === undefined ? {} : { pureJsFrom }),
  spawn: (onReply, onError) => {
    const worker = new Worker('/roster-worker.js');
    worker.onmessage = (event: MessageEvent<RosterReply>) => onReply(event.data);
    worker.onerror = () => onError();
    return { post: (chunk) => worker.postMessage(chunk), terminate: () => worker.terminate() };
  },
});

export async function run({ plan, students, plainHttpStudents }: PlanBuildInput): Promise<PlanBuildTimes> {
  const floorMs = await barePbkdf2(students, 256);
  const salt = crypto.getRandomValues(new Uint8Array(32));
  const build = (sealRoster?: RosterSealer, count = students) => buildKioskPlan({
    plan, pin: '2468', layout: 'question', returnAfterSeconds: 5, randomBytes: (length) => salt.slice(0, length),
    recipient: { keyId: 'bench000000000000', name: 'bench', publicKey: 'AAAA' },
    texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(plan.gradeBands.map((band) => [band.id, DEFAULT_TEXTS.thankYou])) },
    roster: Array.from({ length: count }, (_, i) => ({
      code: `C${String(i).padStart(7, '0')}`,
      identity: { studentId: `S${i}`, name: `学生${i}`, className: '八(1)班', grade: 8, sex: i % 2 === 0 ? 'female' as const : 'male' as const },
    })),
    ...(sealRoster ? { sealRoster } : {}),
  });
  let started = performance.now();
  const file = await build();
  const buildMs = performance.now() - started;
  const cores = navigator.hardwareConcurrency || 1;
  started = performance.now();
  const parallel = await build(workerSealer(cores));
  const workersMs = performance.now() - started;
  started = performance.now();
  const hybrid = await build(workerSealer(cores, 1));
  const hybridMs = performance.now() - started;
  const lookups = (built: typeof file) => JSON.stringify(built.roster.map((entry) => entry.lookup));
  const sameLookups = lookups(file) === lookups(parallel) && lookups(file) === lookups(hybrid);
  useCryptoBackend('noble');
  started = performance.now();
  const plainPage = await build(undefined, plainHttpStudents);
  const plainHttpMs = performance.now() - started;
  useCryptoBackend(undefined);
  started = performance.now();
  const plainWorkers = await build(workerSealer(cores, 0), plainHttpStudents);
  const plainHttpWorkersMs = performance.now() - started;
  const samePlain = lookups(plainPage) === lookups(plainWorkers);
  const legacyFloorMs = await barePbkdf2(students, 512);
  return { buildMs, workersMs, hybridMs, plainHttpMs, plainHttpWorkersMs, cores, sameLookups: sameLookups && samePlain, floorMs, legacyFloorMs, rosterEntries: file.roster.length };
}
