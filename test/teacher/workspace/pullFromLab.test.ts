import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fail, issue, succeed } from '../../../scoring/index.ts';
import type { UploadListing } from '../../../src/lab/protocol.ts';
import type { TeacherLabClient } from '../../../src/lab/teacherClient.ts';
import { writeBatch } from '../../../src/records/index.ts';
import { toBase64 } from '../../../src/records/base64.ts';
import { keyIdOf, sealJson } from '../../../src/records/sealed.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { openDemoWorkspace } from '../../../src/teacher/workspace/demoWorkspace.ts';
import { clearImportedFromLab, labBatchName, pullFromLab } from '../../../src/teacher/workspace/pullFromLab.ts';
import { importBatchFiles, type Workspace } from '../../../src/teacher/workspace/workspace.ts';
import { scoredSubmission, testContext, type Pupil } from './support.ts';

const demoJson = JSON.parse(readFileSync('public/demo/demo-workspace.json', 'utf8')) as unknown;
const demoPlan = JSON.parse(readFileSync('public/demo/kiosk-plan.json', 'utf8')) as { kiosk: { recipient: { keyId: string; publicKey: string } } };
const PLAN = 'demo-2026@1.0.0';
const RECEIVED = '2026-10-12T02:31:00.000Z';

// Students of the demo roster (public/demo/demo-workspace.json), and one who is not on it.
const ZHANG: Pupil = { number: 'D0802', name: '张子航', className: '八年级(2)班', grade: 8, sex: 'male', birthDate: '2012-11-02' };
const STRANGER: Pupil = { number: 'X9999', name: '不在名单', className: '八年级(2)班', grade: 8, sex: 'female', birthDate: '2012-01-01' };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The lab server as the pull sees it: what it holds, which ids have a receipt, and what was asked. */
interface FakeServer extends Pick<TeacherLabClient, 'submissions' | 'submissionBytes' | 'receipts' | 'clear'> {
  readonly held: Map<string, { listing: UploadListing; bytes: Uint8Array<ArrayBuffer> }>;
  readonly receipted: string[][];
  readonly fetchedIds: string[];
  failBytesFor?: string;
  failReceipts?: boolean;
}

function fakeServer(uploads: readonly { id: string; machine: string; bytes: Uint8Array<ArrayBuffer> }[]): FakeServer {
  const held = new Map(uploads.map((upload) => [upload.id, {
    listing: { id: upload.id, plan: PLAN, machine: upload.machine, receivedAt: RECEIVED, bytes: upload.bytes.length, imported: false },
    bytes: upload.bytes,
  }]));
  const server: FakeServer = {
    held, receipted: [], fetchedIds: [],
    submissions: () => Promise.resolve(succeed([...held.values()].map((entry) => entry.listing))),
    submissionBytes: (id) => {
      server.fetchedIds.push(id);
      const found = held.get(id);
      if (!found || id === server.failBytesFor) return Promise.resolve(fail([issue('lab_unreachable', [])]));
      return Promise.resolve(succeed(found.bytes));
    },
    receipts: (ids) => {
      if (server.failReceipts) return Promise.resolve(fail([issue('lab_unreachable', [])]));
      server.receipted.push([...ids]);
      for (const id of ids) {
        const found = held.get(id);
        if (found) held.set(id, { ...found, listing: { ...found.listing, imported: true } });
      }
      return Promise.resolve(succeed(true));
    },
    clear: (ids) => {
      const notImported = ids.filter((id) => !held.get(id)?.listing.imported);
      for (const id of ids) if (!notImported.includes(id)) held.delete(id);
      return Promise.resolve(succeed({ removed: ids.length - notImported.length, notImported }));
    },
  };
  return server;
}

let sealedFor: { zhang: Uint8Array<ArrayBuffer>; stranger: Uint8Array<ArrayBuffer>; otherKey: Uint8Array<ArrayBuffer>; damaged: Uint8Array<ArrayBuffer> };

async function demoWorkspace(name: string): Promise<Workspace> {
  const context = testContext();
  const opened = await openDemoWorkspace(openTeacherDb(name), demoJson, demoPlan, context);
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  return opened.value;
}

const submissionOf = (who: Pupil, id: string) => scoredSubmission(who, 'medium', { id, plan: PLAN });
const wavesOf = (workspace: Workspace, number: string) => workspace.records.find((record) => record.identity.studentNumber === number)?.waves.map((wave) => wave.id);

beforeAll(async () => {
  // sealed exactly as a kiosk running the demo plan seals (sealJson to the plan's recipient)
  const recipient = demoPlan.kiosk.recipient;
  const zhang = await sealJson(submissionOf(ZHANG, uuid(1)), recipient, PLAN, RECEIVED);
  const stranger = await sealJson(submissionOf(STRANGER, uuid(2)), recipient, PLAN, RECEIVED);
  const other = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', other.publicKey));
  const otherKey = await sealJson(submissionOf(ZHANG, uuid(3)), { keyId: await keyIdOf(raw), publicKey: toBase64(raw) }, PLAN, RECEIVED);
  const damaged = await sealJson(submissionOf(ZHANG, uuid(4)), recipient, PLAN, RECEIVED);
  damaged[damaged.length - 5] = (damaged[damaged.length - 5] ?? 0) ^ 0xff;
  sealedFor = { zhang, stranger, otherKey, damaged };
});

describe('collecting from the lab server', () => {
  it('files real sealed submissions through the batch import: new, kept aside, other key, damaged; receipts what arrived', async () => {
    const workspace = await demoWorkspace('pull-report');
    const server = fakeServer([
      { id: uuid(1), machine: 'lab-0000000a', bytes: sealedFor.zhang },
      { id: uuid(2), machine: 'lab-0000000a', bytes: sealedFor.stranger },
      { id: uuid(3), machine: 'lab-0000000b', bytes: sealedFor.otherKey },
      { id: uuid(4), machine: 'lab-0000000b', bytes: sealedFor.damaged },
    ]);
    const progress: string[] = [];
    const pulled = await pullFromLab(workspace, server, testContext(), (done, total) => progress.push(`${done}/${total}`));
    if (!pulled.ok) throw new Error(JSON.stringify(pulled.issues));
    expect(progress.at(-1)).toBe('4/4');
    expect(pulled.value.reports.map((report) => [report.file, report.outcome.ok && {
      new: report.outcome.value.new, duplicate: report.outcome.value.duplicate, forOtherKey: report.outcome.value.forOtherKey,
      damaged: report.outcome.value.damaged, unmatched: report.outcome.value.filed.unmatched.length,
    }])).toEqual([
      [labBatchName('lab-0000000a'), { new: 1, duplicate: 0, forOtherKey: 0, damaged: 0, unmatched: 1 }],
      [labBatchName('lab-0000000b'), { new: 0, duplicate: 0, forOtherKey: 1, damaged: 1, unmatched: 0 }],
    ]);
    expect(wavesOf(workspace, 'D0802')).toEqual([uuid(1)]);
    // the damaged one stays on the server (and on its kiosk) for another try; everything else was receipted
    expect([...pulled.value.receipted].sort()).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(server.receipted).toEqual([pulled.value.receipted]);
    expect(pulled.value.receiptIssues).toEqual([]);
    // kept aside encrypted, as from a USB batch
    expect((await workspace.db.setAside.toArray()).map((row) => row.id).sort()).toEqual([
      `${labBatchName('lab-0000000a')}:unmatched:${uuid(2)}`, `${labBatchName('lab-0000000b')}:damaged:${uuid(4)}`, `${labBatchName('lab-0000000b')}:other_key:${uuid(3)}`,
    ]);
    expect((await workspace.db.imports.toArray()).map((row) => [row.file, row.machine, row.counts.new]).sort()).toEqual([
      [labBatchName('lab-0000000a'), 'lab-0000000a', 1], [labBatchName('lab-0000000b'), 'lab-0000000b', 0],
    ]);

    // pressing again fetches only what has no receipt (the damaged one) and changes nothing
    server.fetchedIds.length = 0;
    const again = await pullFromLab(workspace, server, testContext());
    expect(server.fetchedIds).toEqual([uuid(4)]);
    expect(again.ok && again.value.reports.map((report) => report.outcome.ok && report.outcome.value.damaged)).toEqual([1]);
    expect(wavesOf(workspace, 'D0802')).toEqual([uuid(1)]);

    // clearing deletes only what has a receipt
    const cleared = await clearImportedFromLab(server);
    expect(cleared).toEqual({ ok: true, value: { removed: 3, notImported: [] } });
    expect([...server.held.keys()]).toEqual([uuid(4)]);
  });

  it('is the same import as a USB batch: what came by USB is a duplicate from the server, and is receipted', async () => {
    const workspace = await demoWorkspace('pull-after-usb');
    const usb = await writeBatch({ plan: PLAN, machine: 'lab-0000000a', created: RECEIVED, submissions: [{ id: uuid(1), created: RECEIVED, sealed: sealedFor.zhang }] });
    const [byUsb] = await importBatchFiles(workspace, [{ name: 'lab-0000000a.psybatch', bytes: usb }], testContext());
    expect(byUsb?.outcome).toMatchObject({ ok: true, value: { new: 1 } });
    const server = fakeServer([{ id: uuid(1), machine: 'lab-0000000a', bytes: sealedFor.zhang }]);
    const pulled = await pullFromLab(workspace, server, testContext());
    expect(pulled.ok && pulled.value.reports[0]?.outcome).toMatchObject({ ok: true, value: { new: 0, duplicate: 1 } });
    expect(server.receipted).toEqual([[uuid(1)]]);
    expect(wavesOf(workspace, 'D0802')).toEqual([uuid(1)]);
  });

  it('imports nothing when one submission cannot be fetched, and says how far it got', async () => {
    const workspace = await demoWorkspace('pull-fails');
    const server = fakeServer([
      { id: uuid(1), machine: 'lab-0000000a', bytes: sealedFor.zhang },
      { id: uuid(2), machine: 'lab-0000000a', bytes: sealedFor.stranger },
    ]);
    server.failBytesFor = uuid(2);
    const pulled = await pullFromLab(workspace, server, testContext());
    expect(pulled).toEqual({ ok: false, issues: [{ code: 'lab_pull_failed', path: [], params: { done: 1, total: 2 } }, { code: 'lab_unreachable', path: [] }] });
    expect(wavesOf(workspace, 'D0802')).toEqual([]);
    expect(await workspace.db.imports.count()).toBe(0);
    expect(await workspace.db.setAside.count()).toBe(0);
    expect(server.receipted).toEqual([]);
  });

  it('keeps the import when the receipt does not reach the server, and a later pull sends it', async () => {
    const workspace = await demoWorkspace('pull-receipt-lost');
    const server = fakeServer([{ id: uuid(1), machine: 'lab-0000000a', bytes: sealedFor.zhang }]);
    server.failReceipts = true;
    const pulled = await pullFromLab(workspace, server, testContext());
    expect(pulled.ok && pulled.value.receiptIssues.map((found) => found.code)).toEqual(['lab_receipts_failed', 'lab_unreachable']);
    expect(pulled.ok && pulled.value.receipted).toEqual([]);
    expect(wavesOf(workspace, 'D0802')).toEqual([uuid(1)]);
    server.failReceipts = false;
    const again = await pullFromLab(workspace, server, testContext());
    expect(again.ok && again.value.reports[0]?.outcome).toMatchObject({ ok: true, value: { new: 0, duplicate: 1 } });
    expect(server.receipted).toEqual([[uuid(1)]]);
  });
});
