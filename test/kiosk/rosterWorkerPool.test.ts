import { afterEach, describe, expect, it } from 'vitest';
import { cryptoBackendName, useCryptoBackend } from '../../src/crypto/index.ts';
import { DEFAULT_BANDS, buildPlan, type Plan } from '../../scoring/index.ts';
import { DEFAULT_TEXTS, buildKioskPlan, type KioskPlanRequest } from '../../src/kiosk/buildKioskPlan.ts';
import { CURRENT_CODE_KEYS, decryptJson, deriveCodeKeys, deriveDetailsKeys } from '../../src/kiosk/codeVault.ts';
import type { KioskPlan } from '../../src/kiosk/kioskPlan.ts';
import type { RosterSealer } from '../../src/kiosk/rosterEntry.ts';
import { rosterPoolFor, rosterSealerWithWorkers, type RosterPoolOptions } from '../../src/kiosk/rosterWorkerPool.ts';
import { sealChunk, type RosterReply } from '../../src/kiosk/rosterWorkerProtocol.ts';
import { detailsSecret } from '../../src/kiosk/signInCode.ts';
import { shippedCatalog } from '../support/library.ts';

const ITERATIONS = 1_000;
const DETAILS_COST = { logN: 10, r: 8 };
const STUDENTS = Array.from({ length: 23 }, (_, i) => ({
  code: `C${String(i).padStart(7, '0')}`,
  ...(i % 3 === 0 ? {} : { birthDate: `2012-01-${String((i % 28) + 1).padStart(2, '0')}` }),
  identity: { studentId: `S${i}`, name: `学生${i}`, className: `八(${(i % 4) + 1})班`, grade: 8, sex: i % 2 === 0 ? 'female' as const : 'male' as const },
}));

function plan(): Plan {
  const built = buildPlan(shippedCatalog(), {
    id: 'pool-plan', version: '1.0.0', name: { 'zh-CN': '并行', en: 'Pool' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new Error(built.missing);
  return built.plan;
}

async function build(sealRoster?: RosterSealer) {
  const progress: [number, number][] = [];
  const lookups: [string, string][] = [];
  const request: KioskPlanRequest = {
    plan: plan(), pin: '2468', layout: 'question', returnAfterSeconds: 5, kdfIterations: ITERATIONS, signInByDetails: true, sessionCode: 'ACDE34', detailsCost: DETAILS_COST, pinCost: DETAILS_COST,
    randomBytes: (length) => new Uint8Array(length).fill(9),
    recipient: { keyId: 'test-key-0001', name: 'Test school', publicKey: 'AAAA' },
    texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(plan().gradeBands.map((b) => [b.id, { 'zh-CN': '同意', en: 'Consent' }])) },
    roster: STUDENTS, onProgress: (done, total) => progress.push([done, total]), onLookup: (student, lookup) => lookups.push([student, lookup]),
    ...(sealRoster ? { sealRoster } : {}),
  };
  return { file: await buildKioskPlan(request), progress, lookups: lookups.sort() };
}

/** The file with the random IVs and ciphertexts replaced by what they open to. */
async function content(file: KioskPlan) {
  const salt = new Uint8Array(16).fill(9);
  const context = 'roster:pool-plan@1.0.0';
  const opened = [];
  for (const entry of file.roster) {
    opened.push({ lookup: entry.lookup, detailsLookup: entry.detailsLookup, identity: await openedBy(entry.lookup) });
  }
  async function openedBy(lookup: string) {
    for (const candidate of STUDENTS) {
      const keys = await deriveCodeKeys(candidate.code, salt, CURRENT_CODE_KEYS, ITERATIONS);
      if (keys.lookup !== lookup) continue;
      const entry = file.roster.find((found) => found.lookup === lookup);
      const identity = entry && (await decryptJson(keys.key, entry.sealed, context));
      const details = candidate.birthDate && entry?.detailsSealed
        ? await decryptJson((await deriveDetailsKeys(detailsSecret({ className: candidate.identity.className, studentNumber: candidate.identity.studentId, birthDate: candidate.birthDate }, 'ACDE34'), salt, file.kiosk.detailsKeys, CURRENT_CODE_KEYS, ITERATIONS)).key, entry.detailsSealed, context)
        : undefined;
      return { identity, details };
    }
    return undefined;
  }
  return { ...file, roster: opened };
}

type Behaviour = 'works' | 'dies-after-one' | 'cannot-start' | 'hangs';

/** Stand-in Web Workers: the real worker code, run asynchronously on structured clones, as a Worker would. */
function fakeWorkers(behaviours: readonly Behaviour[]): { options: Pick<RosterPoolOptions, 'spawn'>; spawned: () => number; terminated: () => number } {
  let spawned = 0;
  let terminated = 0;
  return {
    spawned: () => spawned,
    terminated: () => terminated,
    options: {
      spawn: (onReply, onError) => {
        const behaviour = behaviours[spawned++ % behaviours.length];
        if (behaviour === 'cannot-start') throw new Error('Worker is not defined');
        let replies = 0;
        let dead = false;
        return {
          post: (chunk) => behaviour === 'hangs' ? undefined : setTimeout(() => void sealChunk(structuredClone(chunk), (reply: RosterReply) => setTimeout(() => {
            if (dead) return;
            if (behaviour === 'dies-after-one' && ++replies > 1) {
              dead = true;
              onError();
              return;
            }
            onReply(structuredClone(reply));
          }))),
          terminate: () => { terminated++; },
        };
      },
    },
  };
}

describe('roster derivations spread over workers', () => {
  // The stand-in workers share this process, so a pure-JS lane switches its backend too.
  afterEach(() => useCryptoBackend(undefined));

  it('give the same plan as on one thread (only the IVs differ), with progress for every student and every lookup told', async () => {
    const single = await build();
    const workers = fakeWorkers(['works']);
    const parallel = await build(rosterSealerWithWorkers({ ...workers.options, workers: 4, chunkSize: 3 }));
    expect(workers.spawned()).toBe(4);
    expect(workers.terminated()).toBe(4);
    expect(parallel.file.roster.map((entry) => entry.lookup)).toEqual(single.file.roster.map((entry) => entry.lookup));
    expect(parallel.file.roster.map((entry) => entry.lookup)).toEqual([...parallel.file.roster.map((entry) => entry.lookup)].sort());
    expect(parallel.file.roster.map((entry) => entry.sealed.iv)).not.toEqual(single.file.roster.map((entry) => entry.sealed.iv));
    const [a, b] = [await content(single.file), await content(parallel.file)];
    expect(b).toEqual(a);
    expect(b.roster.filter((entry) => entry.identity?.details !== undefined)).toHaveLength(STUDENTS.filter((s) => s.birthDate).length);
    expect(parallel.lookups).toEqual(single.lookups);
    expect(parallel.progress.map(([done]) => done)).toEqual(STUDENTS.map((_, i) => i + 1));
    expect(parallel.progress.every(([, total]) => total === STUDENTS.length)).toBe(true);
  });

  it('a worker that dies hands its students back; with none able to start, the page seals them itself', async () => {
    const single = await content((await build()).file);
    const dying = fakeWorkers(['dies-after-one', 'works', 'dies-after-one']);
    expect(await content((await build(rosterSealerWithWorkers({ ...dying.options, workers: 3, chunkSize: 4 }))).file)).toEqual(single);
    const allDying = fakeWorkers(['dies-after-one']);
    const rescued = await build(rosterSealerWithWorkers({ ...allDying.options, workers: 2, chunkSize: 5 }));
    expect(await content(rescued.file)).toEqual(single);
    expect(rescued.progress.map(([done]) => done)).toEqual(STUDENTS.map((_, i) => i + 1));
    const none = fakeWorkers(['cannot-start']);
    expect(await content((await build(rosterSealerWithWorkers({ ...none.options, workers: 4 }))).file)).toEqual(single);
  });

  it('with pure-JS lanes (all but the first worker on noble) the plan is the same', async () => {
    const single = await content((await build()).file);
    const workers = fakeWorkers(['works']);
    const hybrid = await build(rosterSealerWithWorkers({ ...workers.options, workers: 3, chunkSize: 4, pureJsFrom: 1 }));
    expect(cryptoBackendName()).toBe('noble');
    useCryptoBackend(undefined);
    expect(await content(hybrid.file)).toEqual(single);
    expect(hybrid.progress).toHaveLength(STUDENTS.length);
  });

  it('the WebCrypto lane redoes what slow pure-JS lanes still hold, so they never hold up the end', async () => {
    const single = await content((await build()).file);
    const workers = fakeWorkers(['works', 'hangs', 'hangs']);
    const built = await build(rosterSealerWithWorkers({ ...workers.options, workers: 3, chunkSize: 4, pureJsFrom: 1 }));
    expect(workers.terminated()).toBe(3);
    expect(await content(built.file)).toEqual(single);
    expect(built.progress.map(([done]) => done)).toEqual(STUDENTS.map((_, i) => i + 1));
  });

  it('one core (or one student) uses no worker at all', async () => {
    const workers = fakeWorkers(['works']);
    await build(rosterSealerWithWorkers({ ...workers.options, workers: 1 }));
    expect(workers.spawned()).toBe(0);
  });

  it('uses one worker per core: on WebCrypto where the page has it, in pure JS where not', () => {
    expect(rosterPoolFor(8, true)).toEqual({ workers: 8 });
    expect(rosterPoolFor(2, false)).toEqual({ workers: 2, pureJsFrom: 0 });
  });
});
