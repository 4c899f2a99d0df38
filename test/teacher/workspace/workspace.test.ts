import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildBatch, clearAfterReceipt } from '../../../src/kiosk/batchFile.ts';
import { finish, saveDraft, signIn, type KioskDeps } from '../../../src/kiosk/session.ts';
import { sealJson } from '../../../src/records/sealed.ts';
import { openKioskDb } from '../../../src/store/kioskDb.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import type { RosterRow } from '../../../src/teacher/roster/index.ts';
import { applyRoster } from '../../../src/teacher/workspace/applyRoster.ts';
import { attentionList } from '../../../src/teacher/workspace/attention.ts';
import { partialStudents, lookupsSecret } from '../../../src/teacher/workspace/partial.ts';
import { buildScreeningPlan } from '../../../src/teacher/workspace/screeningPlan.ts';
import { summarize } from '../../../src/teacher/workspace/summary.ts';
import { createWorkspaceKey, importBatchFiles, keyStatus, saveRecords, unlockWorkspace } from '../../../src/teacher/workspace/workspace.ts';
import { shippedCatalog } from '../../support/library.ts';
import { testContext } from './support.ts';

const PASSPHRASE = '青松中学心理组 2026 秋';
const ITERATIONS = 1_000; // sign-in code KDF cost for the test; the kiosk default is 210,000

const rows: RosterRow[] = [
  { rowNumber: 2, name: '周雨桐', studentNumber: 'Q0801', grade: 8, className: '八年级(1)班', sex: 'female', birthDate: '2012-04-03' },
  { rowNumber: 3, name: '吴俊杰', studentNumber: 'Q0802', grade: 8, className: '八年级(1)班', sex: 'male', birthDate: '2012-09-21' },
  { rowNumber: 4, name: '郑可欣', studentNumber: 'Q0803', grade: 8, className: '八年级(2)班', sex: 'female', birthDate: '2013-01-15' },
  { rowNumber: 5, name: '孙宇航', studentNumber: 'Q0501', grade: 5, className: '五年级(1)班', sex: 'male', birthDate: '2016-02-11' },
];

let dbCounter = 0;
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

async function runKiosk(file: Awaited<ReturnType<typeof buildScreeningPlan>>, answersByCode: ReadonlyMap<string, Record<string, number>>, unfinished: readonly string[] = []) {
  if (!file.ok) throw new Error('plan');
  const plan = file.value.kioskPlan;
  let id = 0;
  const deps: KioskDeps = {
    db: openKioskDb(`lab-${(dbCounter += 1)}`), machineId: 'lab-0a1b2c3d', kdfIterations: ITERATIONS,
    now: () => new Date('2026-10-12T02:30:00Z'), newId: () => `sub-${dbCounter}-${(id += 1)}`,
    seal: (submission, _publicKey) => sealJson(submission, plan.kiosk.recipient, submission.plan, submission.finishedAt),
  };
  for (const [code, answers] of answersByCode) {
    const session = await signIn(deps, plan, code);
    if (!session.ok) throw new Error(JSON.stringify(session.issues));
    const draft = { ...session.value.draft, consent: 'given' as const, answers, seconds: Object.fromEntries(Object.keys(answers).map((item) => [item, 4])) };
    await saveDraft(deps, plan, session.value, draft);
    if (unfinished.includes(code)) continue; // the bell rang: the draft stays on the machine
    const done = await finish(deps, plan, session.value, draft, 'completed');
    if (!done.ok) throw new Error(JSON.stringify(done.issues));
  }
  const batch = await buildBatch(deps.db, `${plan.plan.id}@${plan.plan.version}`, deps.machineId, new Date('2026-10-12T08:00:00Z'));
  return { ...batch, db: deps.db };
}

const junior = (phq: number, asq2 = 0): Record<string, number> => ({
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i < 8 ? phq : 0])), phq9_10: 0,
  ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7_${i + 1}`, 0])),
  asq_1: 0, asq_2: asq2, asq_3: 0, asq_4: 0, ...(asq2 ? { asq_5: 0 } : {}),
});

describe('the teacher workspace, from key to collected screening', () => {
  it('creates a key, imports a roster, builds the lab plan, collects a batch idempotently, and keeps nothing readable at rest', async () => {
    const db = openTeacherDb(`teacher-${(dbCounter += 1)}`);
    const context = testContext();
    expect(await keyStatus(db)).toEqual({ exists: false });
    const created = await createWorkspaceKey(db, { school: '青松中学', name: '青松中学 2026 心理筛查', passphrase: PASSPHRASE, now: context.now() });
    expect(created.ok).toBe(true);
    expect(await createWorkspaceKey(db, { school: '青松中学', name: '又一个', passphrase: PASSPHRASE, now: context.now() })).toMatchObject({ ok: false, issues: [{ code: 'workspace_key_exists' }] });
    expect(await unlockWorkspace(db, '不是这个口令 2026')).toMatchObject({ ok: false, issues: [{ code: 'passphrase_wrong' }] });

    const opened = await unlockWorkspace(db, PASSPHRASE);
    if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
    const workspace = opened.value;
    const roster = applyRoster(workspace.records, rows, workspace.school, context);
    if (!roster.ok) throw new Error(JSON.stringify(roster.issues));
    expect([roster.value.added, roster.value.updated]).toEqual([4, 0]);
    await saveRecords(workspace, roster.value.changed, context.now());

    const plan = await buildScreeningPlan(workspace.records, {
      id: 'qs-2026-autumn', version: '1.0.0', name: { 'zh-CN': '青松中学 2026 秋季筛查', en: 'Qingsong 2026 autumn screening' }, schoolYear: '2026-2027',
      opens: '2026-10-01', closes: '2026-11-30', pin: '864213', layout: 'question', signInByDetails: false, grades: [8],
    }, { catalog: shippedCatalog(), recipient: { keyId: workspace.key.keyId, name: workspace.key.name, publicKey: workspace.publicKeyFile.publicKey }, randomBytes: random, existingCodes: new Map(), kdfIterations: ITERATIONS });
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    expect(plan.value.students).toBe(3);
    expect(JSON.stringify(plan.value.kioskPlan)).not.toContain('周雨桐');
    const code = (number: string) => plan.value.codes.get(number) ?? '';

    await workspace.store.saveSecret(lookupsSecret('qs-2026-autumn@1.0.0'), plan.value.lookups, context.now());
    const batch = await runKiosk(plan, new Map([[code('Q0801'), junior(0)], [code('Q0802'), junior(2)], [code('Q0803'), junior(0, 1)]]));
    const files = [{ name: batch.name, bytes: batch.bytes }];
    const [first] = await importBatchFiles(workspace, files, context);
    expect(first?.outcome).toMatchObject({ ok: true, value: { new: 3, duplicate: 0, damaged: 0, forOtherKey: 0 } });
    for (let again = 0; again < 2; again += 1) {
      const [repeat] = await importBatchFiles(workspace, files, context);
      expect(repeat?.outcome).toMatchObject({ ok: true, value: { new: 0, duplicate: 3 } });
    }
    // the receipt lets the lab machine clear exactly what arrived; a wrong one deletes nothing
    const receipt = first?.outcome.ok ? first.outcome.value.receipt : undefined;
    expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await batch.db.submissions.add({ id: 'after-export', planId: 'qs-2026-autumn', sealed: new Uint8Array(40), createdAt: '2026-10-12T09:00:00.000Z' });
    expect(await clearAfterReceipt(batch.db, 'ACDE-FGHJ')).toEqual({ refused: 'receipt_wrong' });
    expect(await batch.db.submissions.count()).toBe(4);
    expect(await clearAfterReceipt(batch.db, (receipt ?? '').toLowerCase())).toEqual({ cleared: 3 });
    expect((await batch.db.submissions.toArray()).map((row) => row.id)).toEqual(['after-export']);
    expect(await clearAfterReceipt(batch.db, receipt ?? '')).toEqual({ refused: 'no_export' });

    expect(attentionList(workspace.records, '2026-10-13').map((entry) => [entry.record.identity.name, entry.currentTier, entry.urgent])).toEqual([
      ['郑可欣', 'high', true],
      ['吴俊杰', 'high', false],
    ]);

    // a second machine where one student started and did not finish: partial, not absent
    const second = await runKiosk(plan, new Map([[code('Q0801'), junior(1)]]), [code('Q0801')]);
    const [fromSecond] = await importBatchFiles(workspace, [{ name: second.name, bytes: second.bytes }], context);
    expect(fromSecond?.outcome).toMatchObject({ ok: true, value: { new: 0, damaged: 0 } });
    const partial = await partialStudents(workspace.store, 'qs-2026-autumn@1.0.0');
    expect([...partial]).toEqual(['Q0801']);
    const withoutWave = workspace.records.filter((record) => record.identity.studentNumber !== 'Q0801');
    expect(summarize(withoutWave, 'qs-2026-autumn@1.0.0', new Set([8]), partial).school).toMatchObject({ roster: 2, completed: 2, partial: 0 });
    const q0801 = workspace.records.find((record) => record.identity.studentNumber === 'Q0801');
    if (!q0801) throw new Error('missing');
    expect(summarize([{ ...q0801, waves: [] }], 'qs-2026-autumn@1.0.0', new Set([8]), partial).school).toMatchObject({ roster: 1, partial: 1, absent: 0 });

    const stored = JSON.stringify(await Promise.all([db.records.toArray(), db.secrets.toArray(), db.setAside.toArray(), db.imports.toArray()]), (_, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value));
    for (const secret of ['周雨桐', '郑可欣', 'Q0801', '2012-04-03', 'phq9_1']) expect(stored.includes(secret), secret).toBe(false);

    const reopened = await unlockWorkspace(db, PASSPHRASE);
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.issues));
    expect(reopened.value.records.map((record) => [record.identity.studentNumber, record.waves.length]).sort()).toEqual([['Q0501', 0], ['Q0801', 1], ['Q0802', 1], ['Q0803', 1]]);
  });

  it('rejects a roster without birth dates, naming the rows, and changes nothing', () => {
    const missing = applyRoster([], [{ ...rows[0]!, birthDate: undefined as unknown as string }].map(({ birthDate: _, ...row }) => row), '青松中学', testContext());
    expect(missing).toMatchObject({ ok: false, issues: [{ code: 'roster_birth_date_required', path: ['rows', 2, 'birthDate'] }] });
  });

  it('moves a student to their new class on a new year\'s roster and logs it, without touching their waves', () => {
    const context = testContext();
    const first = applyRoster([], rows, '青松中学', context);
    if (!first.ok) throw new Error('roster');
    const nextYear = applyRoster(first.value.changed, rows.map((row) => ({ ...row, grade: row.grade + 1, className: row.className.replace('八', '九').replace('五', '六') })), '青松中学', context);
    if (!nextYear.ok) throw new Error('roster');
    expect([nextYear.value.added, nextYear.value.updated]).toEqual([0, 4]);
    expect(nextYear.value.changed[0]?.identity).toMatchObject({ grade: 9, className: '九年级(1)班' });
    expect(nextYear.value.changed[0]?.audit.at(-1)).toMatchObject({ action: 'identity_changed', detail: 'grade,className' });
  });
});
