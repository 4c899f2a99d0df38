import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importRecipient, sealSubmission, writeBatch } from '../../../src/records/index.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { createWorkspaceKey, importBatchFiles, saveRecords, unlockWorkspace } from '../../../src/teacher/workspace/workspace.ts';
import { emptyRecord, pupil, scoredSubmission, testContext } from './support.ts';

async function workspaceWithPupils(name: string) {
  const db = openTeacherDb(name);
  const context = testContext();
  await createWorkspaceKey(db, { school: '测试中学', name: '测试中学 2026', passphrase: '共享文件夹测试口令 2026', now: context.now() });
  const opened = await unlockWorkspace(db, '共享文件夹测试口令 2026');
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  await saveRecords(opened.value, [emptyRecord(pupil(1)), emptyRecord(pupil(2))], context.now());
  const recipient = await importRecipient(opened.value.publicKeyFile);
  if (!recipient.ok) throw new Error('recipient');
  return { workspace: opened.value, context, recipient: recipient.value };
}

/** The header's `created` rewritten in place (same length), as an altered or damaged file has it. */
function withHeaderYear(sealed: Uint8Array<ArrayBuffer>, from: string, to: string): Uint8Array<ArrayBuffer> {
  const text = new TextDecoder('latin1').decode(sealed);
  const at = text.indexOf(`"created":"${from}`);
  expect(at).toBeGreaterThan(0);
  const out = new Uint8Array(sealed);
  out.set(new TextEncoder().encode(to), at + '"created":"'.length);
  return out;
}

describe('a damaged or odd .psysealed never stops an import', () => {
  it('refuses a file whose header date was altered to 2150 (authenticated first, no zip touched), and imports the next file', async () => {
    const { workspace, context, recipient } = await workspaceWithPupils('hostile-sealed-1');
    const good = await sealSubmission(scoredSubmission(pupil(1), 'medium'), recipient);
    const altered = withHeaderYear(good, '2026', '2150');
    const next = await sealSubmission(scoredSubmission(pupil(2), 'low', { id: 'sub-next' }), recipient);
    const reports = await importBatchFiles(workspace, [{ name: 'altered.psysealed', bytes: altered }, { name: 'next.psysealed', bytes: next }], context);
    expect(reports.map((report) => [report.file, report.outcome.ok ? 'imported' : report.outcome.issues[0]?.code])).toEqual([
      ['altered.psysealed', 'tampered'], ['next.psysealed', 'imported'],
    ]);
    expect(reports[1]?.outcome).toMatchObject({ ok: true, value: { new: 1, batch: { machine: 'lab-01', standing: 'confirmed' } } });
  });

  it('imports a genuine submission finished in 2150 (a lab PC with a wrong clock)', async () => {
    const { workspace, context, recipient } = await workspaceWithPupils('hostile-sealed-2');
    const sealed = await sealSubmission(scoredSubmission(pupil(1), 'medium', { finishedAt: '2150-01-01T00:00:00.000Z' }), recipient);
    const [report] = await importBatchFiles(workspace, [{ name: 'future.psysealed', bytes: sealed }], context);
    expect(report?.outcome).toMatchObject({ ok: true, value: { new: 1 } });
  });

  it('writes a batch dated outside the zip\'s 1980–2099 without throwing (lab server times pass through writeBatch)', async () => {
    const { recipient } = await workspaceWithPupils('hostile-sealed-3');
    const sealed = await sealSubmission(scoredSubmission(pupil(1), 'medium'), recipient);
    for (const created of ['2150-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z']) {
      await expect(writeBatch({ plan: 'p@1.0.0', machine: 'm', created, submissions: [{ id: 'x', created, sealed }] })).resolves.toBeInstanceOf(Uint8Array);
    }
  });
});

describe('the import log files only what the batch\'s submissions confirm', () => {
  it('marks a batch whose manifest names another machine as unconfirmed', async () => {
    const { workspace, context, recipient } = await workspaceWithPupils('hostile-sealed-4');
    const sub = scoredSubmission(pupil(1), 'medium');
    const submissions = [{ id: sub.id, created: sub.finishedAt, sealed: await sealSubmission(sub, recipient) }];
    const forged = await writeBatch({ plan: sub.plan, machine: 'lab-forged', created: context.now(), submissions });
    const [report] = await importBatchFiles(workspace, [{ name: 'forged.psybatch', bytes: forged }], context);
    expect(report?.outcome).toMatchObject({ ok: true, value: { new: 1, batch: { standing: 'contradicted' } } });
    expect((await workspace.db.imports.toArray()).map((row) => [row.machine, row.confirmed])).toEqual([['lab-forged', false]]);
  });
});
