import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, buildPlan, type Plan } from '../../scoring/index.ts';
import { DEFAULT_TEXTS, buildKioskPlan } from '../../src/kiosk/buildKioskPlan.ts';
import { buildBatch } from '../../src/kiosk/batchFile.ts';
import { encryptJson } from '../../src/kiosk/codeVault.ts';
import type { KioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { createLabLink, type LabStatus } from '../../src/kiosk/labLink.ts';
import { HOLD_KEY, finish, isHeld, releaseHold, saveDraft, signIn, type KioskDeps, type KioskSession } from '../../src/kiosk/session.ts';
import { createKioskLabClient } from '../../src/lab/kioskClient.ts';
import { ZLabAlert, type LabAlert } from '../../src/lab/protocol.ts';
import { readBatch } from '../../src/records/index.ts';
import { openKioskDb } from '../../src/store/kioskDb.ts';
import { shippedCatalog } from '../support/library.ts';
import { FakeLab, manualTimers } from './fakeLab.ts';

const ITERATIONS = 1_000;
const MACHINE = 'lab-0a1b2c3d';

function plan(): Plan {
  const built = buildPlan(shippedCatalog(), {
    id: 'test-plan', version: '1.0.0', name: { 'zh-CN': '测试', en: 'Test' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new Error(built.missing);
  return built.plan;
}

let counter = 0;
const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 37 + counter++) % 256);
let built: Promise<KioskPlan> | undefined;
const planFile = () => (built ??= buildKioskPlan({
  plan: plan(), pin: '2468', layout: 'question', returnAfterSeconds: 5, randomBytes: bytes, kdfIterations: ITERATIONS,
  recipient: { keyId: 'test-key-0001', name: 'Test school', publicKey: 'AAAA' },
  texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(plan().gradeBands.map((b) => [b.id, { 'zh-CN': '同意', en: 'Consent' }])) },
  roster: [
    { code: 'ACDE3479', identity: { studentId: 'S001', name: '王小明', className: '八(2)班', grade: 8, sex: 'male' } },
    { code: 'FGHJ6794', identity: { studentId: 'S002', name: '李华', className: '八(1)班', grade: 8, sex: 'female' } },
  ],
}));

const NO_RISK = { ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, 0])), ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7_${i + 1}`, 0])), asq_1: 0, asq_2: 0, asq_3: 0, asq_4: 0 };
/** ASQ item 1 "yes" opens item 5; "yes" there is acute (the student must not leave alone). */
const ACUTE = { ...NO_RISK, asq_1: 1, asq_5: 1 };
const URGENT_ONLY = { ...NO_RISK, asq_1: 1, asq_5: 0 };

async function setup(options: { holdOn?: 'acute' | 'urgent'; lab?: FakeLab } = {}) {
  const base = await planFile();
  const file: KioskPlan = options.holdOn ? { ...base, kiosk: { ...base.kiosk, holdOn: options.holdOn } } : base;
  const lab = options.lab ?? new FakeLab();
  const db = openKioskDb(`kiosk-lab-test-${counter++}`);
  const timers = manualTimers();
  const statuses: LabStatus[] = [];
  let clock = Date.parse('2026-11-22T02:00:00Z');
  const now = () => new Date(clock += 1000);
  const link = createLabLink({ db, client: createKioskLabClient(lab.fetch), machineId: MACHINE, now, timers, onStatus: (status) => statuses.push(status) });
  const alerts: LabAlert[] = [];
  const deps: KioskDeps = {
    db, machineId: MACHINE, kdfIterations: ITERATIONS, now, newId: () => crypto.randomUUID(), remote: link.remote,
    seal: (submission) => Promise.resolve(new TextEncoder().encode(`sealed:${submission.id}`)),
    sealAlert: (alert) => {
      alerts.push(alert);
      return Promise.resolve(new TextEncoder().encode(`sealed-alert:${alert.id}`));
    },
  };
  return { file, lab, db, timers, statuses, link, deps, alerts };
}

async function signedIn(deps: KioskDeps, file: KioskPlan, code = 'ACDE3479'): Promise<KioskSession> {
  const session = await signIn(deps, file, code);
  if (!session.ok) throw new Error(JSON.stringify(session.issues));
  return session.value;
}

describe('kiosk outbox and lab link', () => {
  it('queues every draft save; only the newest per student is sent, and an acknowledged draft leaves the outbox', async () => {
    const { file, lab, db, link, deps, statuses } = await setup();
    await link.start();
    expect(statuses).toEqual(['connected']);
    const session = await signedIn(deps, file);
    for (let n = 1; n <= 3; n++) await saveDraft(deps, file, session, { ...session.draft, answers: Object.fromEntries(Array.from({ length: n }, (_, i) => [`phq9_${i + 1}`, 1])) });
    expect(await db.outbox.count()).toBe(1);
    await link.kick();
    expect(lab.log.filter((line) => line.startsWith('PUT /api/v1/drafts/'))).toHaveLength(1);
    expect(lab.drafts.get(session.keys.lookup)).toMatchObject({ entry: session.entryLookup, machine: MACHINE, answered: 3, plan: 'test-plan@1.0.0' });
    expect(await db.outbox.count()).toBe(0);
    // the server holds only ciphertext and opaque lookups
    expect(JSON.stringify([...lab.drafts.values()])).not.toMatch(/phq9|王小明|S001/);
  });

  it('retries with a growing wait while the server is down, keeps everything here, and sends it once the server is back', async () => {
    const { file, lab, db, link, deps, timers, statuses } = await setup();
    await link.start();
    const session = await signedIn(deps, file);
    lab.down = true;
    await saveDraft(deps, file, session, { ...session.draft, consent: 'given', answers: NO_RISK });
    const done = await finish(deps, file, session, { ...session.draft, consent: 'given', answers: NO_RISK }, 'completed');
    expect(done.ok).toBe(true);
    await link.kick();
    expect(statuses.at(-1)).toBe('offline');
    const waits = [timers.delays()[0]];
    for (let tries = 0; tries < 5; tries++) {
      timers.fire();
      await expect.poll(() => timers.delays().length).toBe(1);
      waits.push(timers.delays()[0]);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
    expect(await db.submissions.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1); // the submission; its draft row went with the finished draft
    lab.down = false;
    timers.fire();
    await expect.poll(() => statuses.at(-1)).toBe('connected');
    await expect.poll(() => lab.submissions.size).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.submissions.toArray())[0]?.uploadedAt).toBeDefined();
  });

  it('keeps a submission here until the teacher has imported it, then drops the local copy; the batch export holds only the rest', async () => {
    const { file, lab, db, link, deps } = await setup();
    await link.start();
    for (const code of ['ACDE3479', 'FGHJ6794']) {
      const session = await signedIn(deps, file, code);
      await finish(deps, file, session, { ...session.draft, consent: 'given', answers: NO_RISK }, 'completed');
    }
    await link.kick();
    expect(lab.submissions.size).toBe(2);
    expect(await db.submissions.count()).toBe(2); // on the server, not yet imported: both stay
    const [first] = [...lab.submissions.keys()];
    lab.imported.add(first ?? '');
    await link.kick();
    const left = await db.submissions.toArray();
    expect(left.map((row) => row.id)).toEqual([...lab.submissions.keys()].filter((id) => id !== first));
    const batch = readBatch((await buildBatch(db, 'test-plan@1.0.0', MACHINE, new Date())).bytes);
    expect(batch.ok && batch.value.entries.map((entry) => entry.id)).toEqual(left.map((row) => row.id));
  });

  it('a server that refuses a submission because the student finished elsewhere: the copy stays here, marked, and is not sent again', async () => {
    const { file, lab, db, link, deps } = await setup();
    await link.start();
    const session = await signedIn(deps, file);
    // The student's other PC submitted after this one's last check.
    const done = await finish(deps, file, session, { ...session.draft, consent: 'given', answers: NO_RISK }, 'completed');
    if (!done.ok) throw new Error('finish');
    lab.finished.add(session.entryLookup);
    await link.kick();
    const row = await db.submissions.get(done.value.id);
    expect(row?.serverRefused).toBe('already_finished');
    expect(await db.outbox.count()).toBe(0);
    const puts = lab.log.filter((line) => line.startsWith('PUT /api/v1/submissions/')).length;
    await link.kick();
    expect(lab.log.filter((line) => line.startsWith('PUT /api/v1/submissions/')).length).toBe(puts);
  });

  it('a full server disk: status disk_full, everything kept here and retried', async () => {
    const { file, lab, db, link, deps, statuses, timers } = await setup();
    await link.start();
    lab.diskFull = true;
    const session = await signedIn(deps, file);
    await saveDraft(deps, file, session, { ...session.draft, answers: { phq9_1: 1 } });
    await link.kick();
    expect(statuses.at(-1)).toBe('disk_full');
    expect(await db.outbox.count()).toBe(1);
    expect(timers.delays()).toEqual([2_000]);
    lab.diskFull = false;
    timers.fire();
    await expect.poll(() => statuses.at(-1)).toBe('connected');
    expect(lab.drafts.size).toBe(1);
  });

  it('a static host without the API: no server mode, no status, no further requests', async () => {
    const lab = new FakeLab();
    lab.staticHost = true;
    const { file, link, deps, statuses, timers } = await setup({ lab });
    await link.start();
    expect(link.status()).toBe('none');
    expect(statuses).toEqual([]);
    expect(timers.delays()).toEqual([]);
    const session = await signedIn(deps, file); // sign-in asks the server nothing
    await saveDraft(deps, file, session, session.draft);
    await link.kick();
    expect(lab.log).toEqual(['GET /api/v1/hello?machine=lab-0a1b2c3d']);
  });
});

describe('sign-in and finish with a lab server', () => {
  it('refuses a student the server knows as finished, with a clear reason', async () => {
    const { file, lab, link, deps } = await setup();
    await link.start();
    const probe = await signedIn(deps, file);
    lab.finished.add(probe.entryLookup);
    expect(await signIn(deps, file, 'ACDE3479')).toMatchObject({ ok: false, issues: [{ code: 'finished_elsewhere' }] });
  });

  it('checks again before sealing: finished on another PC meanwhile → nothing stored, the code stays usable here', async () => {
    const { file, lab, db, link, deps } = await setup();
    await link.start();
    const session = await signedIn(deps, file);
    lab.finished.add(session.entryLookup);
    expect(await finish(deps, file, session, { ...session.draft, consent: 'given', answers: NO_RISK }, 'completed')).toMatchObject({ ok: false, issues: [{ code: 'finished_elsewhere' }] });
    expect(await db.submissions.count()).toBe(0);
    expect(await db.usedCodes.count()).toBe(0);
  });

  it('resumes from the server draft when it is newer than this PC\'s; only the student\'s code opens it', async () => {
    const lab = new FakeLab();
    const pcA = await setup({ lab });
    const pcB = await setup({ lab });
    await pcA.link.start();
    await pcB.link.start();
    // PC B has an older draft of its own; PC A saved later and then died.
    const onB = await signedIn(pcB.deps, pcB.file);
    await saveDraft(pcB.deps, pcB.file, onB, { ...onB.draft, consent: 'given', answers: { phq9_1: 3 } });
    const onA = await signedIn(pcA.deps, pcA.file);
    await pcA.deps.db.drafts.clear();
    const clockAhead = { ...pcA.deps, now: () => new Date('2026-11-22T03:00:00Z') };
    await saveDraft(clockAhead, pcA.file, onA, { ...onA.draft, consent: 'given', answers: { phq9_1: 1, phq9_2: 2 } });
    await pcA.link.kick();
    const resumed = await signedIn(pcB.deps, pcB.file);
    expect(resumed).toMatchObject({ resumed: true, resumedFrom: 'server', draft: { answers: { phq9_1: 1, phq9_2: 2 } } });

    // an older server draft loses to this PC's own
    lab.drafts.set(onB.keys.lookup, { ...lab.drafts.get(onB.keys.lookup)!, savedAt: '2026-01-01T00:00:00.000Z' });
    expect(await signedIn(pcB.deps, pcB.file)).toMatchObject({ resumedFrom: 'here', draft: { answers: { phq9_1: 3 } } });

    // a draft sealed under another key (another student's, or forged) is not opened
    const other = await signedIn(pcB.deps, pcB.file, 'FGHJ6794');
    const forged = await encryptJson(other.keys.key, { answers: { phq9_1: 0 }, seconds: {}, startedAt: '2026-11-22T00:00:00Z' }, 'draft:test-plan@1.0.0');
    await pcB.deps.db.drafts.clear();
    lab.drafts.set(onB.keys.lookup, { ...lab.drafts.get(onB.keys.lookup)!, savedAt: '2026-12-01T00:00:00.000Z', sealed: forged });
    expect(await signedIn(pcB.deps, pcB.file)).toMatchObject({ resumed: false });
  });

  it('goes on without the server when it does not answer', async () => {
    const { file, lab, link, deps } = await setup();
    await link.start();
    lab.down = true;
    expect((await signIn(deps, file, 'ACDE3479')).ok).toBe(true);
  });
});

describe('crisis hold', () => {
  it('an acute result holds the kiosk: the hold flag (no identity) is stored and a sealed alert is queued and sent before the submission', async () => {
    const { file, lab, db, link, deps, alerts } = await setup();
    await link.start();
    const session = await signedIn(deps, file);
    const done = await finish(deps, file, session, { ...session.draft, consent: 'given', answers: ACUTE }, 'completed');
    if (!done.ok) throw new Error(JSON.stringify(done.issues));
    expect(done.value.hold).toMatchObject({ level: 'acute' });
    expect(done.value.hold?.hits.map((hit) => hit.id)).toEqual(['asq-item1', 'asq-item5-acute']);
    expect(await isHeld(db)).toBe(true);
    expect(JSON.stringify(await db.meta.get(HOLD_KEY))).not.toMatch(/王小明|S001|八\(2\)班/);
    expect((await db.outbox.toArray()).map((row) => row.kind).sort()).toEqual(['alert', 'submission']);
    const alert = alerts[0];
    expect(ZLabAlert.safeParse(alert).success).toBe(true);
    expect(alert).toMatchObject({ level: 'acute', machine: MACHINE, submission: done.value.id, student: { name: '王小明', className: '八(2)班', studentId: 'S001' } });
    await link.kick();
    const puts = lab.log.filter((line) => line.startsWith('PUT'));
    expect(puts[0]).toMatch(/^PUT \/api\/v1\/alerts\//);
    expect(puts[1]).toMatch(/^PUT \/api\/v1\/submissions\//);
    expect(lab.alerts.size).toBe(1);
    await releaseHold(db);
    expect(await isHeld(db)).toBe(false);
  });

  it('urgent holds only where the plan says holdOn: urgent; a result without critical items never holds', async () => {
    for (const [holdOn, answers, held] of [['acute', URGENT_ONLY, false], ['urgent', URGENT_ONLY, true], ['urgent', NO_RISK, false]] as const) {
      const { file, db, deps } = await setup({ holdOn });
      const session = await signedIn(deps, file);
      const done = await finish(deps, file, session, { ...session.draft, consent: 'given', answers }, 'completed');
      expect(done.ok && done.value.hold !== undefined, `${holdOn}`).toBe(held);
      expect(await isHeld(db)).toBe(held);
    }
  });

  it('without a lab server the hold still happens; the alert waits in the outbox', async () => {
    const lab = new FakeLab();
    lab.staticHost = true;
    const { file, db, link, deps } = await setup({ lab });
    await link.start();
    const session = await signedIn(deps, file);
    const done = await finish(deps, file, session, { ...session.draft, consent: 'given', answers: ACUTE }, 'completed');
    expect(done.ok && done.value.hold?.level).toBe('acute');
    expect(await db.outbox.where('kind').equals('alert').count()).toBe(1);
  });
});

describe('storage failure at submit', () => {
  it('a write that throws (QuotaExceededError) is an issue, nothing is half-stored, and a retry succeeds', async () => {
    const { file, db, deps, link } = await setup();
    await link.start();
    const session = await signedIn(deps, file);
    const add = db.submissions.add.bind(db.submissions);
    db.submissions.add = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as unknown as typeof add;
    const draft = { ...session.draft, consent: 'given' as const, answers: NO_RISK };
    expect(await finish(deps, file, session, draft, 'completed')).toMatchObject({ ok: false, issues: [{ code: 'storage_write_failed' }] });
    expect(await db.usedCodes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.submissions.add = add;
    expect((await finish(deps, file, session, draft, 'completed')).ok).toBe(true);
    expect(await db.submissions.count()).toBe(1);
  });
});

