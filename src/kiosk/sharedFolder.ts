import type { KioskDb } from '../store/kioskDb.ts';

/**
 * Where the browser has the File System Access API (Chromium-based browsers), the teacher can choose a
 * folder, e.g. a shared network folder, and every submission is written there as soon as it is stored:
 * `<submission id>.psysealed`, still sealed to the school's key. IndexedDB stays the record of truth;
 * a copy that cannot be written (folder gone, permission withdrawn) is reported, never lost.
 */
interface PermissionHandle {
  queryPermission(options: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission(options: { mode: 'readwrite' }): Promise<PermissionState>;
}
type Picker = (options: { mode: 'readwrite'; id?: string }) => Promise<FileSystemDirectoryHandle>;

const SLOT = 'shared';

export const supportsSharedFolder = (): boolean => typeof window !== 'undefined' && typeof (window as unknown as { showDirectoryPicker?: Picker }).showDirectoryPicker === 'function';

export async function chooseSharedFolder(db: KioskDb): Promise<{ chosen: string } | { chosen: undefined }> {
  const picker = (window as unknown as { showDirectoryPicker?: Picker }).showDirectoryPicker;
  if (!picker) return { chosen: undefined };
  try {
    const handle = await picker({ mode: 'readwrite', id: 'psyscreen-submissions' });
    await db.folders.put({ slot: SLOT, handle, name: handle.name });
    return { chosen: handle.name };
  } catch {
    return { chosen: undefined }; // the teacher closed the picker
  }
}

export const forgetSharedFolder = (db: KioskDb): Promise<void> => db.folders.delete(SLOT);

export async function sharedFolderName(db: KioskDb): Promise<string | undefined> {
  return (await db.folders.get(SLOT))?.name;
}

/** Writes one sealed submission into a folder; the file appears complete or not at all (createWritable swaps on close). */
export async function writeSealedFile(folder: FileSystemDirectoryHandle, id: string, sealed: Uint8Array): Promise<void> {
  const file = await folder.getFileHandle(`${id}.psysealed`, { create: true });
  const writable = await file.createWritable();
  await writable.write(new Uint8Array(sealed));
  await writable.close();
}

export type CopyOutcome = 'written' | 'no_folder' | 'no_permission' | 'failed';

/** After a submission is stored: copies it to the chosen folder, if there is one and the browser still allows it. */
export async function copyToSharedFolder(db: KioskDb, id: string, sealed: Uint8Array): Promise<CopyOutcome> {
  const row = await db.folders.get(SLOT);
  if (!row) return 'no_folder';
  const handle = row.handle as FileSystemDirectoryHandle & Partial<PermissionHandle>;
  if (handle.queryPermission && (await handle.queryPermission({ mode: 'readwrite' })) !== 'granted') return 'no_permission';
  try {
    await writeSealedFile(handle, id, sealed);
    return 'written';
  } catch {
    return 'failed';
  }
}
