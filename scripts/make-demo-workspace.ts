/**
 * Writes public/demo/demo-workspace.json: the demo school's key (the same key pair the demo kiosk plan
 * seals to), wrapped under a demo passphrase that the workspace shows on screen, and the demo roster.
 * It lets a new user open the teacher workspace and import what they did in the demo kiosk.
 * Fictional data only. Run after make-demo.ts: npx tsx scripts/make-demo-workspace.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fromBase64 } from '../src/records/base64.ts';
import { wrapPrivateKey } from '../src/records/wrappedKey.ts';
import type { StoredPrivateKey } from '../src/records/index.ts';
import { codeKeySchemeOf, deriveCodeKeys } from '../src/kiosk/codeVault.ts';
import { detailsSecret } from '../src/kiosk/signInCode.ts';
import { DEMO_ROSTER } from './demoRoster.ts';

export const DEMO_PASSPHRASE = '演示学校 demo 2026';

const demoKey = JSON.parse(readFileSync('public/demo/demo-school-key.json', 'utf8')) as { keyId: string; name: string; publicKey: string; privateKeyPkcs8: string };
const stored = await wrapPrivateKey<StoredPrivateKey>(
  { format: 'psyscreen-private-key', version: 1, name: demoKey.name, keyId: demoKey.keyId, algorithm: 'ECDH-P256', publicKey: demoKey.publicKey, created: '2026-09-01T00:00:00.000Z' },
  fromBase64(demoKey.privateKeyPkcs8),
  DEMO_PASSPHRASE,
);
const roster = DEMO_ROSTER.map((student, index) => ({
  rowNumber: index + 2, name: student.identity.name, studentNumber: student.identity.studentId, grade: student.identity.grade,
  className: student.identity.className, sex: student.identity.sex, birthDate: student.birthDate,
  ...('track' in student.identity ? { track: student.identity.track } : {}),
}));
const codes = Object.fromEntries(DEMO_ROSTER.map((student) => [student.identity.studentId, student.code]));
// The sign-in lookups the demo plan uses, so the demo workspace can name students left partial on a lab machine.
const demoPlan = JSON.parse(readFileSync('public/demo/kiosk-plan.json', 'utf8')) as { kiosk: { salt: string; codeKeys?: 'pbkdf2-hkdf' } };
const lookups: Record<string, string> = {};
for (const student of DEMO_ROSTER) {
  lookups[(await deriveCodeKeys(student.code, fromBase64(demoPlan.kiosk.salt), codeKeySchemeOf(demoPlan.kiosk))).lookup] = student.identity.studentId;
  const details = await deriveCodeKeys(detailsSecret({ className: student.identity.className, studentNumber: student.identity.studentId, birthDate: student.birthDate }), fromBase64(demoPlan.kiosk.salt), codeKeySchemeOf(demoPlan.kiosk));
  lookups[details.lookup] = student.identity.studentId;
}
writeFileSync('public/demo/demo-workspace.json', `${JSON.stringify({
  note: 'DEMO ONLY: fictional students; the passphrase is public on purpose.',
  school: '演示学校', passphrase: DEMO_PASSPHRASE, key: stored, roster, codes, lookups, plan: 'public/demo/kiosk-plan.json',
}, null, 1)}\n`);
process.stdout.write(`demo workspace written: key ${demoKey.keyId}, ${roster.length} students\n`);
