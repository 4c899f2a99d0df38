import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importRecipient, sealSubmission, type Submission } from '../../../src/records/index.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { addSubmissions } from '../../../src/teacher/workspace/addSubmissions.ts';
import { DUPLICATE_FLAGGED, keepDuplicate, unresolvedDuplicates } from '../../../src/teacher/workspace/duplicateWaves.ts';
import { createWorkspaceKey, importBatchFiles, saveRecords, unlockWorkspace } from '../../../src/teacher/workspace/workspace.ts';
import { declinedSubmission, emptyRecord, pupil, scoredSubmission, testContext } from './support.ts';

const onPc = (submission: Submission, machineId: string, id: string, finishedAt: string): Submission => ({ ...submission, id, machineId, finishedAt, startedAt: new Date(Date.parse(finishedAt) - 600_000).toISOString() });

async function workspaceWithPupils(name: string) {
  const db = openTeacherDb(name);
  const context = testContext();
  await createWorkspaceKey(db, { school: '测试中学', name: '测试中学 2026', passphrase: '重复提交测试口令 2026', now: context.now() });
  const opened = await unlockWorkspace(db, '重复提交测试口令 2026');
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  await saveRecords(opened.value, [emptyRecord(pupil(1)), emptyRecord(pupil(2))], context.now());
  const recipient = await importRecipient(opened.value.publicKeyFile);
  if (!recipient.ok) throw new Error('recipient');
  return { workspace: opened.value, context, seal: (submission: Submission) => sealSubmission(submission, recipient.value) };
}

describe('one student finishing the same plan twice', () => {
  it('files the second completed submission from another PC, flags it in the import report and the record; the same file again stays a plain duplicate', async () => {
    const { workspace, context, seal } = await workspaceWithPupils('duplicate-two-pcs');
    const first = await seal(onPc(scoredSubmission(pupil(1), 'medium'), 'lab-0000000a', 'sub-pc-a', '2026-10-12T02:30:00.000Z'));
    const second = await seal(onPc(scoredSubmission(pupil(1), 'high'), 'lab-0000000b', 'sub-pc-b', '2026-10-12T02:50:00.000Z'));

    const [fromA] = await importBatchFiles(workspace, [{ name: 'a.psysealed', bytes: first }], context);
    expect(fromA?.outcome).toMatchObject({ ok: true, value: { new: 1, filed: { possibleDuplicates: [] } } });
    context.advance(5);
    const [fromB] = await importBatchFiles(workspace, [{ name: 'b.psysealed', bytes: second }], context);
    expect(fromB?.outcome).toMatchObject({ ok: true, value: { new: 1, duplicate: 0, filed: { possibleDuplicates: [{ id: 'sub-pc-b', earlier: 'sub-pc-a', recordId: 'rec-S0001', name: '测试学生1', className: '八年级(1)班' }] } } });
    const [again] = await importBatchFiles(workspace, [{ name: 'b-again.psysealed', bytes: second }], context);
    expect(again?.outcome).toMatchObject({ ok: true, value: { new: 0, duplicate: 1, filed: { possibleDuplicates: [] } } });

    const record = workspace.records.find((found) => found.id === 'rec-S0001')!;
    expect(record.waves.map((wave) => [wave.id, wave.machineId])).toEqual([['sub-pc-a', 'lab-0000000a'], ['sub-pc-b', 'lab-0000000b']]);
    expect(record.audit.filter((entry) => entry.action === DUPLICATE_FLAGGED).map((entry) => entry.detail)).toEqual(['sub-pc-b']);
    expect(unresolvedDuplicates(record).map(({ wave, earlier }) => [wave.id, earlier.id])).toEqual([['sub-pc-b', 'sub-pc-a']]);
    expect(unresolvedDuplicates(workspace.records.find((found) => found.id === 'rec-S0002')!)).toEqual([]);
  });

  it('the later one filed is the duplicate, even when it finished earlier (batches arrive in any order)', async () => {
    const { workspace, context, seal } = await workspaceWithPupils('duplicate-order');
    const late = await seal(onPc(scoredSubmission(pupil(2), 'low'), 'lab-0000000a', 'sub-late', '2026-10-12T03:30:00.000Z'));
    const early = await seal(onPc(scoredSubmission(pupil(2), 'low'), 'lab-0000000b', 'sub-early', '2026-10-12T02:30:00.000Z'));
    await importBatchFiles(workspace, [{ name: 'late.psysealed', bytes: late }], context);
    const [second] = await importBatchFiles(workspace, [{ name: 'early.psysealed', bytes: early }], context);
    expect(second?.outcome).toMatchObject({ ok: true, value: { filed: { possibleDuplicates: [{ id: 'sub-early', earlier: 'sub-late' }] } } });
    const record = workspace.records.find((found) => found.id === 'rec-S0002')!;
    expect(unresolvedDuplicates(record).map(({ wave }) => wave.id)).toEqual(['sub-early']);
  });

  it.each<[string, Submission[], string[]]>([
    ['declined, then completed', [declinedSubmission(pupil(1)), scoredSubmission(pupil(1), 'low', { id: 'sub-done' })], []],
    ['completed, then declined', [scoredSubmission(pupil(1), 'low', { id: 'sub-done' }), { ...declinedSubmission(pupil(1)), id: 'sub-declined-later' }], []],
    ['two plans', [scoredSubmission(pupil(1), 'low', { id: 'sub-2026' }), scoredSubmission(pupil(1), 'low', { id: 'sub-2027', plan: 'school-2027@1.0.0' })], []],
    ['two students', [scoredSubmission(pupil(1), 'low', { id: 'sub-1' }), scoredSubmission(pupil(2), 'low', { id: 'sub-2' })], []],
    ['three completions in one batch', [scoredSubmission(pupil(1), 'low', { id: 'sub-x' }), scoredSubmission(pupil(1), 'low', { id: 'sub-y' }), scoredSubmission(pupil(1), 'low', { id: 'sub-z' })], ['sub-y', 'sub-z']],
  ])('%s → flagged %j', (_case, submissions, flagged) => {
    const filed = addSubmissions([emptyRecord(pupil(1)), emptyRecord(pupil(2))], submissions, '测试中学', testContext());
    expect(filed.possibleDuplicates.map((found) => found.id)).toEqual(flagged);
    expect(filed.changed.flatMap(unresolvedDuplicates).map(({ wave }) => wave.id)).toEqual(flagged);
  });

  it('the teacher keeps both: the flag goes and the audit log says who and when', () => {
    const context = testContext('王老师');
    const [record] = addSubmissions([emptyRecord(pupil(1))], [scoredSubmission(pupil(1), 'low', { id: 'sub-x' }), scoredSubmission(pupil(1), 'low', { id: 'sub-y' })], '测试中学', context).changed;
    const kept = keepDuplicate(record!, 'sub-y', context);
    expect(unresolvedDuplicates(kept)).toEqual([]);
    expect(kept.audit.at(-1)).toMatchObject({ action: 'wave_duplicate_kept', detail: 'sub-y', by: '王老师', at: context.now() });
  });
});
