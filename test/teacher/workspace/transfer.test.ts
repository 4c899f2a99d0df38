import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/records/index.ts';
import { addSubmissions } from '../../../src/teacher/workspace/addSubmissions.ts';
import { attentionList } from '../../../src/teacher/workspace/attention.ts';
import { recordInterview } from '../../../src/teacher/workspace/followUp.ts';
import { acceptIncomingIdentity, identityConflict, importRecords } from '../../../src/teacher/workspace/importRecords.ts';
import { testKey } from '../../records/support.ts';
import { emptyRecord, pupil, scoredSubmission, testContext } from './support.ts';

describe('handing records on to the next school', () => {
  it('school A exports to school B\'s key; B imports, its history continues; importing again changes nothing; A\'s own key cannot open it', async () => {
    const [schoolA, schoolB] = [await testKey('小学 A'), await testKey('中学 B')];
    const context = testContext();
    const filed = addSubmissions([emptyRecord(pupil(1)), emptyRecord(pupil(2))], [scoredSubmission(pupil(1), 'high'), scoredSubmission(pupil(2), 'low')], '小学 A', context);
    const flagged = filed.changed.find((record) => record.identity.studentNumber === 'S0001');
    const wave = flagged?.waves[0];
    if (!flagged || !wave) throw new Error('no wave');
    const interviewed = recordInterview(flagged, { waveId: wave.id, at: '2026-10-14T06:00:00.000Z', findings: '面谈后确认为中风险，约定每两周随访。', confirmedTier: 'medium', due: '2026-10-28' }, context);
    if (!interviewed.ok) throw new Error('interview');
    const atSchoolA = [interviewed.value, ...filed.changed.filter((record) => record.id !== flagged.id)];

    const zip = await exportRecords(atSchoolA, { key: schoolB.recipient }, { created: '2027-07-01T00:00:00.000Z' });
    if (!zip.ok) throw new Error('export');
    const wrongKey = await importRecords([], zip.value, { key: schoolA.unlocked }, testContext('张老师'));
    expect(wrongKey.ok && [wrongKey.value.added, wrongKey.value.damaged.map((entry) => entry.issues[0]?.code)]).toEqual([0, ['other_key', 'other_key']]);

    const atSchoolB = await importRecords([], zip.value, { key: schoolB.unlocked }, testContext('张老师'));
    if (!atSchoolB.ok) throw new Error(JSON.stringify(atSchoolB.issues));
    expect([atSchoolB.value.added, atSchoolB.value.merged, atSchoolB.value.unchanged]).toEqual([2, 0, 0]);
    const entry = attentionList(atSchoolB.value.changed, '2026-10-20')[0];
    expect(entry).toMatchObject({ computedTier: 'high', currentTier: 'medium', nextDue: '2026-10-28' });
    expect(entry?.record.audit.map((audit) => [audit.action, audit.by])).toEqual([['wave_added', '李老师'], ['interview_recorded', '李老师'], ['tier_reviewed', '李老师'], ['imported', '张老师']]);

    const again = await importRecords(atSchoolB.value.changed, zip.value, { key: schoolB.unlocked }, testContext('张老师'));
    expect(again.ok && [again.value.added, again.value.merged, again.value.unchanged, again.value.changed.length]).toEqual([0, 0, 2, 0]);
  });

  it('reports a name that differs for the same student, keeps the school\'s value, and takes the incoming one only when the teacher confirms', async () => {
    const school = await testKey('中学 C');
    const atSender = { ...emptyRecord(pupil(5)), identity: { ...emptyRecord(pupil(5)).identity, name: '王晓雯' } };
    const zip = await exportRecords([atSender], { key: school.recipient }, { created: '2027-07-01T00:00:00.000Z' });
    if (!zip.ok) throw new Error('export');
    const mine = emptyRecord(pupil(5));
    const imported = await importRecords([mine], zip.value, { key: school.unlocked }, testContext('张老师'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(imported.value.changed).toEqual([]);
    const [found] = imported.value.conflicts;
    const conflict = found && identityConflict(found);
    expect(conflict).toEqual({ recordId: mine.id, field: 'name', existing: mine.identity.name, incoming: '王晓雯' });
    const accepted = conflict && acceptIncomingIdentity(mine, conflict.field, conflict.incoming, testContext('张老师'));
    expect(accepted?.ok && [accepted.value.identity.name, accepted.value.audit.at(-1)?.action, accepted.value.audit.at(-1)?.by]).toEqual(['王晓雯', 'identity_changed', '张老师']);
    expect(acceptIncomingIdentity(mine, 'sex', 'unknown', testContext())).toMatchObject({ ok: false, issues: [{ code: 'identity_value_invalid' }] });
  });
});
