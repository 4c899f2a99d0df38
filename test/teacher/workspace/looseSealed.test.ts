import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importRecipient, sealSubmission } from '../../../src/records/index.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { createWorkspaceKey, importBatchFiles, saveRecords, unlockWorkspace } from '../../../src/teacher/workspace/workspace.ts';
import { emptyRecord, pupil, scoredSubmission, testContext } from './support.ts';

describe('single submissions from a lab machine\'s shared folder', () => {
  it('imports a .psysealed file like a one-entry batch: once, then as a duplicate; a damaged one is refused whole', async () => {
    const db = openTeacherDb('loose-sealed');
    const context = testContext();
    await createWorkspaceKey(db, { school: '测试中学', name: '测试中学 2026', passphrase: '共享文件夹测试口令 2026', now: context.now() });
    const opened = await unlockWorkspace(db, '共享文件夹测试口令 2026');
    if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
    const workspace = opened.value;
    await saveRecords(workspace, [emptyRecord(pupil(1))], context.now());
    const recipient = await importRecipient(workspace.publicKeyFile);
    if (!recipient.ok) throw new Error('recipient');
    const sealed = await sealSubmission(scoredSubmission(pupil(1), 'medium'), recipient.value);

    const [first] = await importBatchFiles(workspace, [{ name: 'sub-S0001-medium.psysealed', bytes: sealed }], context);
    expect(first?.outcome).toMatchObject({ ok: true, value: { new: 1, duplicate: 0, damaged: 0 } });
    const [again] = await importBatchFiles(workspace, [{ name: 'sub-S0001-medium.psysealed', bytes: sealed }], context);
    expect(again?.outcome).toMatchObject({ ok: true, value: { new: 0, duplicate: 1 } });
    const cut = sealed.slice(0, 40);
    const [damaged] = await importBatchFiles(workspace, [{ name: 'cut.psysealed', bytes: cut }], context);
    expect(damaged?.outcome.ok).toBe(false);
    expect(workspace.records[0]?.waves).toHaveLength(1);
  });
});
