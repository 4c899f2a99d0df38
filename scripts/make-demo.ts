/**
 * Writes the demo screening that `npm start` serves (public/demo/): a kiosk plan with six fictional
 * students whose sign-in codes are shown on screen, sealed to a demo school key. The demo key's
 * private half is published beside it on purpose, so the teacher demo can open demo submissions;
 * it protects nothing real. Run: npx tsx scripts/make-demo.ts
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_BANDS, buildPlan, catalogFromFiles } from '../scoring/index.ts';
import { DEFAULT_CONSENT, DEFAULT_TEXTS, buildKioskPlan } from '../src/kiosk/buildKioskPlan.ts';
import { toBase64 } from '../src/kiosk/codeVault.ts';
import { ZKioskPlan } from '../src/kiosk/kioskPlan.ts';
import { keyIdOf } from '../src/records/sealed.ts';
import { readLibraryFiles } from '../src/library/disk.ts';
import { DEMO_ROSTER as roster } from './demoRoster.ts';

const { catalog, problems } = catalogFromFiles(readLibraryFiles());
if (problems.length > 0) throw new Error(`library invalid: ${JSON.stringify(problems)}`);
const built = buildPlan(catalog, {
  id: 'demo-2026', version: '1.0.0', name: { 'zh-CN': '演示学校 2026 秋季心理健康筛查', en: 'Demo School mental-health screening, autumn 2026' },
  schoolYear: '2026-2027', window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
});
if (!('plan' in built)) throw new Error(`library lacks ${built.missing}`);

const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
const rawPublic = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
const keyId = await keyIdOf(rawPublic);
const recipient = { keyId, name: '演示学校 2026 心理筛查（演示密钥）', publicKey: toBase64(rawPublic) };

const texts = { ...DEFAULT_TEXTS, consent: DEFAULT_CONSENT };
const file = await buildKioskPlan({
  plan: built.plan, pin: '2468', layout: 'question', recipient, texts, returnAfterSeconds: 8, roster, demo: true, signInByDetails: true,
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
});
const checked = ZKioskPlan.safeParse(file);
if (!checked.success) throw new Error(JSON.stringify(checked.error.issues));

writeFileSync('public/demo/kiosk-plan.json', `${JSON.stringify(file, null, 1)}\n`);
const privateKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
writeFileSync('public/demo/demo-school-key.json', `${JSON.stringify({ note: 'DEMO ONLY: this key protects fictional demo data and is public on purpose.', keyId, name: recipient.name, publicKey: recipient.publicKey, privateKeyPkcs8: privateKey, kioskPin: '2468' }, null, 2)}\n`);
process.stdout.write(`demo plan written: key ${keyId}, ${roster.length} students\n`);
