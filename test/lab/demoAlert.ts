import { readFileSync } from 'node:fs';
import { importEcPrivateKey } from '../../src/crypto/index.ts';
import type { LabAlert } from '../../src/lab/protocol.ts';
import { importRecipient, seal, sealSubmission, type KeyForOpening, type Submission } from '../../src/records/index.ts';
import { fromBase64 } from '../../src/records/base64.ts';

/** The demo school key (public on purpose): alerts really sealed to it, as a kiosk of the demo plan would. */
const demoKey = JSON.parse(readFileSync('public/demo/demo-school-key.json', 'utf8')) as { keyId: string; name: string; publicKey: string; privateKeyPkcs8: string };

export const DEMO_PLAN_REF = ((plan: { plan: { id: string; version: string } }) => `${plan.plan.id}@${plan.plan.version}`)(
  JSON.parse(readFileSync('public/demo/kiosk-plan.json', 'utf8')) as { plan: { id: string; version: string } });

export function labAlert(fields: Partial<LabAlert> & Pick<LabAlert, 'id' | 'machine' | 'student'>): LabAlert {
  return { format: 'psyscreen-alert', version: 1, plan: DEMO_PLAN_REF, at: '2026-10-12T02:40:00.000+08:00', level: 'acute', reasons: ['asq-acute'], ...fields };
}

export async function sealToDemoKey(content: unknown, created = '2026-10-12T02:40:00.000Z'): Promise<Uint8Array<ArrayBuffer>> {
  const recipient = await importRecipient(demoKey);
  if (!recipient.ok) throw new Error('demo key');
  return seal(content as object, recipient.value, { format: 'psyscreen-sealed', created, plan: DEMO_PLAN_REF });
}

export async function demoKeyForOpening(): Promise<KeyForOpening> {
  const privateKey = await importEcPrivateKey(fromBase64(demoKey.privateKeyPkcs8));
  if (!privateKey) throw new Error('demo key');
  return { keyId: demoKey.keyId, privateKey };
}

/** A submission sealed to the demo key, as a demo kiosk stores it (and its shared folder writes it). */
export async function sealSubmissionToDemoKey(submission: Submission): Promise<Uint8Array<ArrayBuffer>> {
  const recipient = await importRecipient(demoKey);
  if (!recipient.ok) throw new Error('demo key');
  return sealSubmission(submission, recipient.value);
}
