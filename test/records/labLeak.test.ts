import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, buildPlan } from '../../scoring/index.ts';
import { DEFAULT_CONSENT, DEFAULT_TEXTS, buildKioskPlan } from '../../src/kiosk/buildKioskPlan.ts';
import { generateCode } from '../../src/kiosk/signInCode.ts';
import { finish, saveDraft, signIn, type KioskDeps } from '../../src/kiosk/session.ts';
import { importBatch, publicKeyFileOf, sealSubmission, importRecipient, type Submission } from '../../src/records/index.ts';
import { buildBatch } from '../../src/kiosk/batchFile.ts';
import { openKioskDb } from '../../src/store/kioskDb.ts';
import { shippedCatalog } from '../support/library.ts';
import { testKey } from './support.ts';

const STUDENTS = 50;
const ITERATIONS = 1_000;
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

describe('a lab machine after 50 submissions', () => {
  it('holds no name, code, student number or answer in readable form, and the school opens all 50', async () => {
    const school = await testKey('实验中学');
    const built = buildPlan(shippedCatalog(), {
      id: 'leak-test', version: '1.0.0', name: { 'zh-CN': '泄漏检查', en: 'Leak check' }, schoolYear: '2026-2027',
      window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
    });
    if (!('plan' in built)) throw new Error(built.missing);
    const students = Array.from({ length: STUDENTS }, (_, index) => ({
      code: generateCode(random), identity: { studentId: `LK${String(index).padStart(4, '0')}`, name: `泄漏检查学生${index}号`, className: '八年级(9)班', grade: 8, sex: index % 2 ? 'male' as const : 'female' as const },
    }));
    const publicKey = publicKeyFileOf({ ...school.stored });
    const plan = await buildKioskPlan({
      plan: built.plan, pin: '2468', layout: 'question', returnAfterSeconds: 5, randomBytes: random, kdfIterations: ITERATIONS,
      recipient: { keyId: publicKey.keyId, name: publicKey.name, publicKey: publicKey.publicKey }, texts: { ...DEFAULT_TEXTS, consent: DEFAULT_CONSENT }, roster: students,
    });
    const recipient = await importRecipient(publicKey);
    if (!recipient.ok) throw new Error('recipient');
    let next = 0;
    const deps: KioskDeps = {
      db: openKioskDb('leak-lab'), machineId: 'lab-leak0001', kdfIterations: ITERATIONS, now: () => new Date('2026-10-12T02:30:00Z'), newId: () => `leak-${(next += 1)}`,
      seal: (submission) => sealSubmission(submission as Submission, recipient.value),
    };
    const answers = (index: number) => ({
      ...Object.fromEntries(Array.from({ length: 9 }, (_, item) => [`phq9_${item + 1}`, (index + item) % 4])), phq9_10: 1,
      ...Object.fromEntries(Array.from({ length: 7 }, (_, item) => [`gad7_${item + 1}`, (index * 3 + item) % 4])),
      asq_1: 0, asq_2: 0, asq_3: 0, asq_4: 0,
    });
    for (const [index, student] of students.entries()) {
      const session = await signIn(deps, plan, student.code);
      if (!session.ok) throw new Error(JSON.stringify(session.issues));
      const draft = { ...session.value.draft, consent: 'given' as const, answers: answers(index), seconds: Object.fromEntries(Object.keys(answers(index)).map((item) => [item, 3.5])) };
      await saveDraft(deps, plan, session.value, draft);
      if (index % 10 === 9) continue; // a tenth stop half-way: their drafts stay, encrypted
      const done = await finish(deps, plan, session.value, draft, 'completed');
      if (!done.ok) throw new Error(JSON.stringify(done.issues));
    }

    const tables = await Promise.all(deps.db.tables.map((table) => table.toArray()));
    const dump = JSON.stringify(tables, (_, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value));
    const secrets = students.flatMap((student) => [student.identity.name, student.code, `${student.code.slice(0, 4)}-${student.code.slice(4)}`, student.identity.studentId]);
    expect(secrets.filter((secret) => dump.includes(secret))).toEqual([]);
    for (const marker of ['phq9_1', 'gad7_1', 'asq_1', '八年级(9)班', '"tier"']) expect(dump.includes(marker), marker).toBe(false);

    const batch = await buildBatch(deps.db, 'leak-test@1.0.0', deps.machineId, new Date('2026-10-12T08:00:00Z'));
    const imported = await importBatch(new Set(), batch.bytes, school.unlocked);
    expect(imported.ok && [imported.value.new.length, imported.value.damaged.length]).toEqual([45, 0]);
  });
});
