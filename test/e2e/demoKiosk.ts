import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { importEcPrivateKey } from '../../src/crypto/index.ts';
import { fromBase64 } from '../../src/kiosk/codeVault.ts';
import type { KioskPlan } from '../../src/kiosk/kioskPlan.ts';
import { openSealed } from '../../src/records/sealed.ts';
import type { Submission } from '../../src/kiosk/session.ts';

export const demoPlan = JSON.parse(readFileSync('public/demo/kiosk-plan.json', 'utf8')) as KioskPlan;
const demoKey = JSON.parse(readFileSync('public/demo/demo-school-key.json', 'utf8')) as { keyId: string; privateKeyPkcs8: string };

/** The sealed submissions in the kiosk's IndexedDB, as base64. */
export async function storedSealedSubmissions(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('psyscreen-kiosk'); r.onsuccess = () => resolve(r.result); });
    const rows = await new Promise<{ sealed: Uint8Array }[]>((resolve) => { const r = db.transaction('submissions').objectStore('submissions').getAll(); r.onsuccess = () => resolve(r.result as { sealed: Uint8Array }[]); });
    db.close();
    return rows.map((row) => btoa(String.fromCharCode(...row.sealed)));
  });
}

/** Opens a demo submission with the demo school's private key, as the teacher workspace will. */
export async function openDemoSubmission(sealedBase64: string): Promise<Submission> {
  const key = await importEcPrivateKey(fromBase64(demoKey.privateKeyPkcs8));
  if (!key) throw new Error('the demo key did not import');
  const opened = await openSealed(fromBase64(sealedBase64), key, demoKey.keyId);
  if (!opened.ok) throw new Error(`demo submission did not open: ${opened.reason}`);
  return opened.value as Submission;
}
