import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, buildPlan, type Plan } from '../../scoring/index.ts';
import { DEFAULT_TEXTS, buildKioskPlan } from '../../src/kiosk/buildKioskPlan.ts';
import { CURRENT_CODE_KEYS, deriveCodeKeys, deriveDetailsKeys, encryptJson, fromBase64 } from '../../src/kiosk/codeVault.ts';
import type { KioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { finish, saveDraft, signIn, signInByDetails, type KioskDeps, type Submission } from '../../src/kiosk/session.ts';
import { detailsSecret } from '../../src/kiosk/signInCode.ts';
import { openKioskDb } from '../../src/store/kioskDb.ts';
import { shippedCatalog } from '../support/library.ts';

const ITERATIONS = 1_000; // the kiosk default is 210,000; a lower count keeps this test quick
const DETAILS_COST = { logN: 10, r: 8 }; // the plan default is 2^15; this keeps the test quick

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

async function setup(signInByDetails = false, progress: [number, number][] = [], sessionCode?: string): Promise<{ file: KioskPlan; deps: KioskDeps; opened: Submission[] }> {
  const file = await buildKioskPlan({
    detailsCost: DETAILS_COST, pinCost: DETAILS_COST, ...(sessionCode === undefined ? {} : { sessionCode }),
    onProgress: (done, total) => progress.push([done, total]),
    plan: plan(), pin: '2468', layout: 'question', returnAfterSeconds: 5, randomBytes: bytes, kdfIterations: ITERATIONS,
    recipient: { keyId: 'test-key-0001', name: 'Test school', publicKey: 'AAAA' },
    texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(plan().gradeBands.map((b) => [b.id, { 'zh-CN': '同意', en: 'Consent' }])) },
    signInByDetails,
    roster: [
      { code: 'ACDE3479', birthDate: '2012-05-17', identity: { studentId: 'S001', name: '王小明', className: '八(2)班', grade: 8, sex: 'male' } },
      { code: 'FGHJ6794', identity: { studentId: 'S002', name: '李华', className: '五(1)班', grade: 5, sex: 'female' } },
    ],
  });
  const opened: Submission[] = [];
  const db = openKioskDb(`kiosk-test-${counter++}`);
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const deps: KioskDeps = {
    db, machineId: 'lab-07', kdfIterations: ITERATIONS, now: () => new Date('2026-11-22T02:00:00Z'), newId: () => `sub-${counter++}`,
    // stands in for the school-key seal: real encryption, and the test keeps the plaintext to compare
    seal: async (submission) => {
      opened.push(submission);
      return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new TextEncoder().encode(JSON.stringify(submission))));
    },
  };
  return { file, deps, opened };
}

describe('kiosk session', () => {
  it('signs a student in by code, shows who they are and picks their grade band', async () => {
    const { file, deps } = await setup();
    const session = await signIn(deps, file, 'acde-3479');
    expect(session.ok).toBe(true);
    if (!session.ok) return;
    expect(session.value.identity.name).toBe('王小明');
    expect(session.value.band.id).toBe('junior');
    expect(session.value.resumed).toBe(false);
  });

  it('refuses malformed, unknown and used codes with distinct reasons', async () => {
    const { file, deps } = await setup();
    expect(await signIn(deps, file, 'ACDE-347')).toMatchObject({ ok: false, issues: [{ code: 'code_malformed' }] });
    expect(await signIn(deps, file, 'ACDE-3476')).toMatchObject({ ok: false, issues: [{ code: 'code_unknown' }] });
    const session = await signIn(deps, file, 'FGHJ6794');
    if (!session.ok) throw new Error('sign-in');
    await finish(deps, file, session.value, session.value.draft, 'declined');
    expect(await signIn(deps, file, 'FGHJ6794')).toMatchObject({ ok: false, issues: [{ code: 'code_used' }] });
  });

  it('keeps the roster and drafts unreadable without the code, and resumes a draft after re-entering it', async () => {
    const { file, deps } = await setup();
    expect(JSON.stringify(file)).not.toContain('王小明');
    const first = await signIn(deps, file, 'ACDE3479');
    if (!first.ok) throw new Error('sign-in');
    const draft = { ...first.value.draft, consent: 'given' as const, answers: { phq9_1: 2, phq9_2: 1 }, seconds: { phq9_1: 4.2, phq9_2: 3.1 } };
    await saveDraft(deps, file, first.value, draft);
    const stored = JSON.stringify(await deps.db.drafts.toArray());
    expect(stored).not.toContain('phq9_1');
    const again = await signIn(deps, file, 'ACDE3479');
    expect(again.ok && again.value.resumed).toBe(true);
    expect(again.ok && again.value.draft.answers).toEqual({ phq9_1: 2, phq9_2: 1 });
  });

  it('on submit scores with the pinned plan, seals, stores, marks the code used and deletes the draft', async () => {
    const { file, deps, opened } = await setup();
    const session = await signIn(deps, file, 'ACDE3479');
    if (!session.ok) throw new Error('sign-in');
    const answers = { ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i < 5 ? 2 : 0])), ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7_${i + 1}`, 1])), asq_1: 0, asq_2: 0, asq_3: 0, asq_4: 0 };
    const draft = { ...session.value.draft, consent: 'given' as const, answers, seconds: {} };
    await saveDraft(deps, file, session.value, draft);
    const done = await finish(deps, file, session.value, draft, 'completed');
    expect(done.ok).toBe(true);
    expect(opened[0]?.result?.tier).toBe('medium'); // PHQ-9 = 10
    expect(opened[0]?.result?.used).toMatchObject({ plan: 'test-plan@1.0.0', gradeBand: 'junior', policy: 'default@1.0.0' });
    expect(await deps.db.drafts.count()).toBe(0);
    expect(await deps.db.submissions.count()).toBe(1);
    const everything = JSON.stringify({ s: await deps.db.submissions.toArray(), u: await deps.db.usedCodes.toArray() });
    for (const secret of ['王小明', 'S001', 'ACDE3479', 'phq9_1', 'medium']) expect(everything).not.toContain(secret);
  });

  it('signs in by class, student number and birth date where the plan allows, and then the code is used too', async () => {
    const { file, deps } = await setup(true);
    expect(file.kiosk.classes).toEqual(['五(1)班', '八(2)班'].sort());
    expect(JSON.stringify(file)).not.toContain('2012-05-17');
    const wrong = await signInByDetails(deps, file, { className: '八(2)班', studentNumber: 'S001', birthDate: '2012-05-18' });
    expect(wrong).toMatchObject({ ok: false, issues: [{ code: 'details_unknown' }] });
    const session = await signInByDetails(deps, file, { className: ' 八(2)班', studentNumber: 's001 ', birthDate: '2012-05-17' });
    if (!session.ok) throw new Error(JSON.stringify(session.issues));
    expect(session.value.identity.name).toBe('王小明');
    await finish(deps, file, session.value, session.value.draft, 'declined');
    expect(await signIn(deps, file, 'ACDE3479')).toMatchObject({ ok: false, issues: [{ code: 'code_used' }] });
    // a student without a birth date on the roster can only use the code
    expect(await signInByDetails(deps, file, { className: '五(1)班', studentNumber: 'S002', birthDate: '2015-01-01' })).toMatchObject({ ok: false, issues: [{ code: 'details_unknown' }] });
  });

  it('with a lab-session code, details sign-in needs the code from the board, which the plan file does not hold', async () => {
    const { file, deps } = await setup(true, [], 'ACDE34');
    expect(file.kiosk.detailsKeys).toEqual({ kdf: 'scrypt', ...DETAILS_COST, sessionCode: true });
    expect(JSON.stringify(file)).not.toContain('ACDE34');
    const details = { className: '八(2)班', studentNumber: 'S001', birthDate: '2012-05-17' };
    expect(await signInByDetails(deps, file, details)).toMatchObject({ ok: false, issues: [{ code: 'session_code_malformed' }] });
    expect(await signInByDetails(deps, file, details, 'ACDE33')).toMatchObject({ ok: false, issues: [{ code: 'details_or_session_unknown' }] });
    const session = await signInByDetails(deps, file, details, ' acd-e34 ');
    expect(session.ok && session.value.identity.name).toBe('王小明');
  });

  it('a guesser holding only the plan file finds no details entry, with either the old or the new derivation', async () => {
    const { file } = await setup(true, [], 'ACDE34');
    const salt = fromBase64(file.kiosk.salt);
    const secret = detailsSecret({ className: '八(2)班', studentNumber: 'S001', birthDate: '2012-05-17' });
    const lookups = new Set(file.roster.map((entry) => entry.detailsLookup));
    expect(lookups.has((await deriveCodeKeys(secret, salt, CURRENT_CODE_KEYS, ITERATIONS)).lookup)).toBe(false);
    expect(lookups.has((await deriveDetailsKeys(secret, salt, file.kiosk.detailsKeys, CURRENT_CODE_KEYS)).lookup)).toBe(false);
    // with the session code, the same guess is the entry: the code is what the file alone lacks
    expect(lookups.has((await deriveDetailsKeys(`${secret}|ACDE34`, salt, file.kiosk.detailsKeys, CURRENT_CODE_KEYS)).lookup)).toBe(true);
  });

  it('still signs students in by details on a plan built before details entries had their own keying', async () => {
    const { file: current, deps } = await setup(true);
    const kiosk = { ...current.kiosk };
    delete kiosk.detailsKeys;
    const keys = await deriveCodeKeys(detailsSecret({ className: '八(2)班', studentNumber: 'S001', birthDate: '2012-05-17' }), fromBase64(kiosk.salt), CURRENT_CODE_KEYS, ITERATIONS);
    const identity = { studentId: 'S001', name: '王小明', className: '八(2)班', grade: 8, sex: 'male' };
    const old: KioskPlan = { ...current, kiosk, roster: [{ ...current.roster[0]!, detailsLookup: keys.lookup, detailsSealed: await encryptJson(keys.key, identity, 'roster:test-plan@1.0.0') }] };
    const session = await signInByDetails(deps, old, { className: '八(2)班', studentNumber: 'S001', birthDate: '2012-05-17' });
    expect(session.ok && session.value.identity.name).toBe('王小明');
  });

  it('reports progress after each student while building, and marks the plan with its code-key scheme', async () => {
    const progress: [number, number][] = [];
    const { file } = await setup(false, progress);
    expect(progress).toEqual([[1, 2], [2, 2]]);
    expect(file.kiosk.codeKeys).toBe('pbkdf2-hkdf');
  });

  it('still signs students in on a plan built before code keys had a scheme', async () => {
    const { file: current, deps } = await setup();
    // Re-seal the roster the old way (64 bytes of PBKDF2) and drop the scheme, as an old plan file has it.
    const kiosk = { ...current.kiosk };
    delete kiosk.codeKeys;
    const salt = fromBase64(kiosk.salt);
    const legacyKeys = await deriveCodeKeys('ACDE3479', salt, 'pbkdf2-512', ITERATIONS);
    const identity = { studentId: 'S001', name: '王小明', className: '八(2)班', grade: 8, sex: 'male' };
    const legacy: KioskPlan = { ...current, kiosk, roster: [{ lookup: legacyKeys.lookup, sealed: await encryptJson(legacyKeys.key, identity, 'roster:test-plan@1.0.0') }] };
    const session = await signIn(deps, legacy, 'ACDE3479');
    expect(session.ok && session.value.identity.name).toBe('王小明');
    // The current derivation finds nobody in the old plan's roster.
    expect(await signIn(deps, { ...legacy, kiosk: current.kiosk }, 'ACDE3479')).toMatchObject({ ok: false, issues: [{ code: 'code_unknown' }] });
  });

  it('refuses a details sign-in when the plan does not allow it', async () => {
    const { file, deps } = await setup(false);
    expect(await signInByDetails(deps, file, { className: '八(2)班', studentNumber: 'S001', birthDate: '2012-05-17' })).toMatchObject({ ok: false, issues: [{ code: 'details_not_allowed' }] });
  });
});
