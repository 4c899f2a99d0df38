import { randomUuid } from '../../crypto/index.ts';
import { openKioskDb, type KioskDb } from '../../store/kioskDb.ts';
import type { KioskPlan } from '../kioskPlan.ts';
import { sealJson } from '../../records/sealed.ts';
import type { KioskDeps } from '../session.ts';
import type { LabLink } from '../labLink.ts';
import { copyToSharedFolder } from '../sharedFolder.ts';

/** Stop taking new students while at least this much room is left, so a started battery can always be saved. */
const MIN_FREE_BYTES = 20 * 1024 * 1024;

export async function machineIdOf(db: KioskDb): Promise<string> {
  const stored = await db.meta.get('machineId');
  if (stored) return stored.value;
  const value = `lab-${randomUuid().slice(0, 8)}`;
  await db.meta.put({ key: 'machineId', value });
  return value;
}

export async function createKioskDeps(file: KioskPlan, db: KioskDb = openKioskDb(), link?: LabLink): Promise<KioskDeps> {
  return {
    ...(link ? { remote: link.remote, queued: () => void link.kick() } : {}),
    db,
    now: () => new Date(),
    newId: () => randomUuid(),
    machineId: await machineIdOf(db),
    seal: (submission, publicKey) => sealJson(submission, { keyId: file.kiosk.recipient.keyId, publicKey }, submission.plan, submission.finishedAt),
    sealAlert: (alert, publicKey) => sealJson(alert, { keyId: file.kiosk.recipient.keyId, publicKey }, alert.plan, alert.at),
    afterStore: (id, sealed) => copyToSharedFolder(db, id, sealed),
  };
}

export async function storageIsLow(): Promise<boolean> {
  if (!navigator.storage?.estimate) return false;
  const { usage = 0, quota = Infinity } = await navigator.storage.estimate();
  return quota - usage < MIN_FREE_BYTES;
}

/**
 * Two kiosk tabs on one machine would race on the same drafts. A new tab asks on a BroadcastChannel
 * whether another kiosk tab is open; every open tab answers. A closed or reloading tab cannot answer,
 * so nothing stale can block a machine (unlike a lock that outlives a crashed page).
 */
export function watchForOtherTabs(onOtherTab: () => void, waitMs = 400): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel('psyscreen-kiosk');
  const me = randomUuid();
  const started = performance.now();
  channel.onmessage = (event: MessageEvent<{ kind: 'hello' | 'here'; from: string; to?: string }>) => {
    if (event.data.kind === 'hello') channel.postMessage({ kind: 'here', from: me, to: event.data.from });
    else if (event.data.to === me && performance.now() - started < waitMs * 10) onOtherTab();
  };
  channel.postMessage({ kind: 'hello', from: me });
  return () => channel.close();
}
