import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSENT, DEFAULT_TEXTS } from '../../../src/kiosk/buildKioskPlan.ts';
import { buildScreeningPlan } from '../../../src/teacher/workspace/screeningPlan.ts';
import { testKey } from '../../records/support.ts';
import { shippedCatalog } from '../../support/library.ts';
import { emptyRecord, pupil } from './support.ts';

describe('the students\' words in a plan', () => {
  it('carries the teacher\'s consent and thank-you texts, and falls back to the defaults for blank ones', async () => {
    const school = await testKey('文字测试中学');
    const thankYou = { 'zh-CN': '谢谢你！有需要随时到心理辅导室（三楼 305）找王老师。', en: 'Thank you! Room 305 is open whenever you need to talk.' };
    const consent = { 'zh-CN': '本次调查只用于了解同学们的心情……', en: 'This survey is only about how students feel…' };
    const built = await buildScreeningPlan([emptyRecord(pupil(1))], {
      id: 'texts-test', version: '1.0.0', name: { 'zh-CN': '文字测试', en: 'Texts' }, schoolYear: '2026-2027', opens: '2026-10-01', closes: '2026-10-31',
      pin: '246813', layout: 'question', signInByDetails: false, grades: [8],
      texts: { thankYou, consent: { junior: consent }, help: { 'zh-CN': '  ', en: '' } },
    }, {
      catalog: shippedCatalog(), recipient: { keyId: school.recipient.keyId, name: school.recipient.name, publicKey: Buffer.from(school.recipient.raw).toString('base64') },
      randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)), existingCodes: new Map(), kdfIterations: 1_000,
    });
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    expect(built.value.kioskPlan.kiosk.texts.thankYou).toEqual(thankYou);
    expect(built.value.kioskPlan.kiosk.texts.consent.junior).toEqual(consent);
    expect(built.value.kioskPlan.kiosk.texts.help).toEqual(DEFAULT_TEXTS.help);
    expect(Object.keys(built.value.kioskPlan.kiosk.texts.consent)).toEqual(['junior']);
    expect(DEFAULT_CONSENT.junior).not.toEqual(consent);
  });
});
