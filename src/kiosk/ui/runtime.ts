import { openKioskDb, type KioskDb } from '../../store/kioskDb.ts';
import type { KioskPlan } from '../kioskPlan.ts';
import { sealJson } from '../sealSubmission.ts';
import type { KioskDeps } from '../session.ts';

/** Stop taking new students while at least this much room is left, so a started battery can always be saved. */
const MIN_FREE_BYTES = 20 * 1024 * 1024;

export async function machineIdOf(db: KioskDb): Promise<string> {
  const stored = await db.meta.get('machineId');
  if (stored) return stored.value;
  const value = `lab-${crypto.randomUUID().slice(0, 8)}`;
  await db.meta.put({ key: 'machineId', value });
  return value;
}

export async function createKioskDeps(file: KioskPlan, db: KioskDb = openKioskDb()): Promise<KioskDeps> {
  return {
    db,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    machineId: await machineIdOf(db),
    seal: (submission, publicKey) => sealJson(submission, { keyId: file.kiosk.recipient.keyId, publicKey }, submission.plan, submission.finishedAt),
  };
}

export async function storageIsLow(): Promise<boolean> {
  if (!navigator.storage?.estimate) return false;
  const { usage = 0, quota = Infinity } = await navigator.storage.estimate();
  return quota - usage < MIN_FREE_BYTES;
}

/**
 * Holds a Web Lock for the life of the page; a second tab of the kiosk on the same machine cannot get
 * it and is told to close (two tabs would race on the same drafts).
 */
export function claimSingleTab(onSecondTab: () => void): void {
  if (!navigator.locks) return;
  void navigator.locks.request('psyscreen-kiosk', { ifAvailable: true }, (lock) => {
    if (!lock) {
      onSecondTab();
      return undefined;
    }
    return new Promise<void>(() => undefined); // held until the page goes away
  });
}
