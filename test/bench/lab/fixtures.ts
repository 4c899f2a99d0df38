import { readFileSync } from 'node:fs';
import { deriveCodeKeys, encryptJson, fromBase64, codeKeySchemeOf } from '../../../src/kiosk/codeVault.ts';
import type { KioskPlan } from '../../../src/kiosk/kioskPlan.ts';
import { sealJson } from '../../../src/records/sealed.ts';

export const plan = JSON.parse(readFileSync('public/demo/kiosk-plan.json', 'utf8')) as KioskPlan;
export const PLAN_REF = `${plan.plan.id}@${plan.plan.version}`;

/** One simulated lab PC's student: who they are, and everything the kiosk would upload for them. */
export interface KioskWork {
  readonly machine: string;
  readonly lookup: string;
  readonly submissionId: string;
  readonly drafts: string[];
  readonly sealed: Uint8Array;
  /** Plain strings that must never appear in the server's data folder. */
  readonly secrets: string[];
}

const hex = (bytes: number): string => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
const uuid = (): string => { const h = hex(16); return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`; };
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** The demo roster (GBK, as Excel in China saves it), one student per kiosk, with real code-vault keys. */
export async function makeKioskWork(count: number, draftsEach: number): Promise<KioskWork[]> {
  const rows = new TextDecoder('gbk').decode(readFileSync('public/demo/roster-demo.csv')).trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  const salt = fromBase64(plan.kiosk.salt);
  const scheme = codeKeySchemeOf(plan.kiosk);
  const work: KioskWork[] = [];
  for (let index = 0; index < count; index++) {
    const row = rows[index % rows.length] ?? [];
    const studentId = `${row[0] ?? '2025'}${index >= rows.length ? `-${index}` : ''}`;
    const name = row[1] ?? '学生';
    const className = `${row[4] ?? ''}${row[5] ?? ''}`;
    const code = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    const keys = await deriveCodeKeys(code, salt, scheme);
    const freeText = `最近总是睡不着-${index}`;
    const drafts: string[] = [];
    const machine = `lab-${hex(4)}`;
    for (let step = 1; step <= draftsEach; step++) {
      const answers = Object.fromEntries(Array.from({ length: step }, (_, item) => [`phq9_${item + 1}`, (item + index) % 4]));
      const sealed = await encryptJson(keys.key, { answers, note: freeText, student: { studentId, name } }, `draft:${PLAN_REF}`);
      drafts.push(JSON.stringify({ plan: PLAN_REF, entry: keys.lookup, machine, savedAt: new Date(Date.UTC(2026, 11, 4, 2, 0, step)).toISOString(), answered: step, sealed }));
    }
    const submission = { format: 'psyscreen-submission', student: { studentId, name, className }, code, answers: { note: freeText, phq9_1: 3 } };
    work.push({
      machine, lookup: keys.lookup, submissionId: uuid(), drafts,
      sealed: await sealJson(submission, plan.kiosk.recipient, PLAN_REF, '2026-12-04T02:00:00.000Z'),
      secrets: [name.replace(/\u3000/g, ''), studentId, code, `${code.slice(0, 4)}-${code.slice(4)}`, freeText, className],
    });
  }
  return work;
}
