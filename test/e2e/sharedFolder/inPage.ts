/**
 * Runs inside Chromium (bundled by shared-folder.e2e.ts): the kiosk's shared-folder copy against the
 * browser's origin-private file system, which hands out the same FileSystemDirectoryHandle the
 * folder picker does, so everything but the native picker dialog is the real path.
 */
import { openKioskDb } from '../../../src/store/kioskDb.ts';
import { copyToSharedFolder } from '../../../src/kiosk/sharedFolder.ts';

export async function run(_data: unknown, _rounds: number): Promise<{ before: string; outcome: string; names: string[]; bytes: number[] }> {
  const db = openKioskDb(`folder-test-${Date.now()}`);
  const before = await copyToSharedFolder(db, 'sub-0', new Uint8Array([1]));
  const root = await navigator.storage.getDirectory();
  const folder = await root.getDirectoryHandle('lab-share', { create: true });
  await db.folders.put({ slot: 'shared', handle: folder, name: folder.name });
  const outcome = await copyToSharedFolder(db, 'sub-1', new Uint8Array([80, 83, 89, 69, 9, 8, 7]));
  const names: string[] = [];
  for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  const file = await (await folder.getFileHandle('sub-1.psysealed')).getFile();
  return { before, outcome, names, bytes: [...new Uint8Array(await file.arrayBuffer())] };
}
