import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../../src/library/bundled.ts';
import { createSchoolKey, importRecipient, seal, unlockKey } from '../../../src/records/index.ts';
import { ALERT_ACKNOWLEDGED, acknowledgedInRecord, alertReasonTexts, openLabAlert, pendingAlerts, type AlertListing } from '../../../src/teacher/workspace/labAlerts.ts';
import { DEMO_PLAN_REF, demoKeyForOpening, labAlert, sealToDemoKey } from '../../lab/demoAlert.ts';
import { emptyRecord, pupil, testContext } from './support.ts';

const ID = '0a1b2c3d-0000-4000-8000-000000000001';
const PC = 'lab-1234abcd';
const listing: AlertListing = { id: ID, machine: PC, receivedAt: '2026-10-12T02:40:01.000Z', acknowledged: false };
const student = { studentId: 'S0001', name: '测试学生1', className: '八年级(1)班' };

describe('lab alerts in the workspace', () => {
  it('opens an alert sealed to the school key and checks it against the server\'s listing', async () => {
    const key = await demoKeyForOpening();
    const alert = labAlert({ id: ID, machine: PC, student });
    expect(await openLabAlert(await sealToDemoKey(alert), key, listing)).toEqual({ ok: true, value: alert });
  });

  it.each<[string, () => Promise<Uint8Array<ArrayBuffer>>, string]>([
    ['sealed to another school\'s key', async () => {
      const other = await createSchoolKey({ name: '别的学校', passphrase: '另一所学校的口令 2026', created: '2026-09-01T00:00:00.000Z' });
      if (!other.ok) throw new Error('key');
      const recipient = await importRecipient(other.value.publicKeyFile);
      if (!recipient.ok) throw new Error('recipient');
      return seal(labAlert({ id: ID, machine: PC, student }), recipient.value, { format: 'psyscreen-sealed', created: '2026-10-12T02:40:00.000Z', plan: DEMO_PLAN_REF });
    }, 'lab_alert_unopenable'],
    ['cut short', async () => (await sealToDemoKey(labAlert({ id: ID, machine: PC, student }))).slice(0, 60), 'lab_alert_unopenable'],
    ['not an alert inside', () => sealToDemoKey({ format: 'psyscreen-submission', id: ID }), 'lab_alert_invalid'],
    ['an unknown level', () => sealToDemoKey({ ...labAlert({ id: ID, machine: PC, student }), level: 'low' }), 'lab_alert_invalid'],
    ['another alert\'s id', () => sealToDemoKey(labAlert({ id: '0a1b2c3d-0000-4000-8000-000000000002', machine: PC, student })), 'lab_alert_invalid'],
    ['from another PC than listed', () => sealToDemoKey(labAlert({ id: ID, machine: 'lab-99999999', student })), 'lab_alert_invalid'],
  ])('%s → %s (the banner still names the PC)', async (_case, make, code) => {
    const opened = await openLabAlert(await make(), await demoKeyForOpening(), listing);
    expect(opened).toEqual({ ok: false, issues: [expect.objectContaining({ code, params: { machine: PC } })] });
  });

  it('a key of this workspace opens what was sealed to its public key (not only the demo key)', async () => {
    const made = await createSchoolKey({ name: '测试中学', passphrase: '测试中学的口令 2026 秋', created: '2026-09-01T00:00:00.000Z' });
    if (!made.ok) throw new Error('key');
    const unlocked = await unlockKey(made.value.stored, '测试中学的口令 2026 秋');
    const recipient = await importRecipient(made.value.publicKeyFile);
    if (!unlocked.ok || !recipient.ok) throw new Error('unlock');
    const alert = labAlert({ id: ID, machine: PC, student, level: 'urgent' });
    const sealed = await seal(alert, recipient.value, { format: 'psyscreen-sealed', created: '2026-10-12T02:40:00.000Z', plan: DEMO_PLAN_REF });
    expect(await openLabAlert(sealed, unlocked.value, listing)).toEqual({ ok: true, value: alert });
  });

  it('shows alerts not acknowledged on the server nor here, oldest first', () => {
    const alerts: AlertListing[] = [
      { ...listing, id: 'c', receivedAt: '2026-10-12T02:45:00.000Z' },
      { ...listing, id: 'a', receivedAt: '2026-10-12T02:40:00.000Z' },
      { ...listing, id: 'b', acknowledged: true },
      { ...listing, id: 'd' },
    ];
    expect(pendingAlerts(alerts, new Set(['d'])).map((alert) => alert.id)).toEqual(['a', 'c']);
  });

  it('writes who acknowledged, when, into the student\'s audit log', () => {
    const context = testContext('王老师');
    const records = [emptyRecord(pupil(1)), emptyRecord(pupil(2))];
    const changed = acknowledgedInRecord(records, labAlert({ id: ID, machine: PC, student: { ...student, studentId: ' s0001 ' } }), context);
    expect(changed?.id).toBe('rec-S0001');
    expect(changed?.audit.at(-1)).toMatchObject({ action: ALERT_ACKNOWLEDGED, by: '王老师', at: context.now(), detail: `acute · ${PC} · 2026-10-12T02:40:00.000+08:00 · asq-acute · alert ${ID}` });
    expect(acknowledgedInRecord(records, labAlert({ id: ID, machine: PC, student: { ...student, studentId: 'S9999' } }), context)).toBeUndefined();
  });
});

describe('an alert\'s reasons in words', () => {
  it('uses the critical item\'s own reason from the catalogue, in the page\'s language, and keeps unknown ids', () => {
    expect(alertReasonTexts(['asq-item5-acute', 'own-item9'], bundledCatalog, 'zh-CN')).toEqual([
      'ASQ 第 5 题（当前自杀想法）回答“是”或拒答：急性阳性，学生不得独自离开，须立即进行安全评估。',
      'own-item9',
    ]);
    expect(alertReasonTexts(['asq-item1'], bundledCatalog, 'en')).toEqual(['ASQ item 1 answered yes or refused: positive screen.']);
  });
});
