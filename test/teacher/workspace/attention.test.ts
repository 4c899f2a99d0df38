import { describe, expect, it } from 'vitest';
import { ZStudentRecord } from '../../../src/records/index.ts';
import { addSubmissions } from '../../../src/teacher/workspace/addSubmissions.ts';
import { attentionList } from '../../../src/teacher/workspace/attention.ts';
import { attentionReasons } from '../../../src/teacher/workspace/attentionRows.ts';
import { shippedCatalog } from '../../support/library.ts';
import { closeCase, recordAction, recordInterview } from '../../../src/teacher/workspace/followUp.ts';
import { summarize } from '../../../src/teacher/workspace/summary.ts';
import { declinedSubmission, emptyRecord, pupil, scoredSubmission, testContext, type Profile } from './support.ts';

const TODAY = '2026-10-15';
const PROFILES: readonly Profile[] = ['low', 'medium', 'high', 'urgent', 'too_fast'];

function screenedClass() {
  const pupils = PROFILES.map((_, index) => pupil(index + 1));
  const absent = pupil(9);
  const decliner = pupil(10);
  const records = [...pupils, absent, decliner].map(emptyRecord);
  const submissions = [...pupils.map((who, index) => scoredSubmission(who, PROFILES[index] ?? 'low')), declinedSubmission(decliner)];
  const filed = addSubmissions(records, submissions, '测试中学', testContext());
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const changed of filed.changed) byId.set(changed.id, changed);
  return { records: [...byId.values()], filed, pupils };
}

describe('filing submissions into records', () => {
  it('adds one wave per submission, logs it, and never adds the same submission twice', () => {
    const { records, filed } = screenedClass();
    expect(filed.added).toHaveLength(6);
    for (const record of records) expect(ZStudentRecord.safeParse(record).success).toBe(true);
    const again = addSubmissions(records, [scoredSubmission(pupil(1), 'low')], '测试中学', testContext());
    expect([again.added, again.alreadyThere, again.changed]).toEqual([[], ['sub-S0001-low'], []]);
    expect(records.find((record) => record.id === 'rec-S0001')?.audit.map((entry) => entry.action)).toEqual(['wave_added']);
  });

  it('keeps a submission for a student number the roster lacks aside, unmatched', () => {
    const filed = addSubmissions([emptyRecord(pupil(1))], [scoredSubmission(pupil(77), 'high')], '测试中学', testContext());
    expect(filed.unmatched.map((submission) => submission.student.studentId)).toEqual(['S0077']);
    expect(filed.changed).toEqual([]);
  });
});

describe('the attention list', () => {
  it('lists medium, high, urgent and invalid students, urgent first, and nobody at low risk', () => {
    const { records } = screenedClass();
    const list = attentionList(records, TODAY);
    expect(list.map((entry) => [entry.record.identity.studentNumber, entry.currentTier, entry.urgent, entry.invalid])).toEqual([
      ['S0004', 'high', true, false],
      ['S0003', 'high', false, false],
      ['S0002', 'medium', false, false],
      ['S0005', 'low', false, true],
    ]);
    expect(list.every((entry) => entry.overdue)).toBe(true);
  });

  it('keeps a student whose tier an interview lowered, with both tiers, until closure; a new flagging wave brings them back', () => {
    const { records } = screenedClass();
    const context = testContext();
    const high = records.find((record) => record.identity.studentNumber === 'S0003');
    if (!high) throw new Error('missing');
    const wave = high.waves[0];
    if (!wave) throw new Error('missing wave');
    const interviewed = recordInterview(high, { waveId: wave.id, at: '2026-10-14T06:00:00.000Z', findings: '面谈：近期考试压力，无自伤想法，睡眠改善。', confirmedTier: 'medium', due: '2026-10-28' }, context);
    if (!interviewed.ok) throw new Error(JSON.stringify(interviewed.issues));
    const entry = attentionList([interviewed.value], TODAY)[0];
    expect(entry).toMatchObject({ computedTier: 'high', currentTier: 'medium', confirmed: true, nextDue: '2026-10-28', overdue: false });
    expect(attentionList([interviewed.value], '2026-10-29')[0]?.overdue).toBe(true);
    expect(interviewed.value.audit.map((audit) => [audit.action, audit.by])).toEqual([['wave_added', '李老师'], ['interview_recorded', '李老师'], ['tier_reviewed', '李老师']]);

    const closed = closeCase(interviewed.value, { at: '2026-11-20T06:00:00.000Z', reason: '连续三次面谈情绪稳定，家长知情，销号。' }, '2026-11-20', context);
    if (!closed.ok) throw new Error(JSON.stringify(closed.issues));
    expect(attentionList([closed.value], '2026-11-20')).toEqual([]);
    expect(closeCase(closed.value, { at: '2026-11-21T06:00:00.000Z', reason: '再次销号' }, '2026-11-21', context)).toMatchObject({ ok: false, issues: [{ code: 'case_not_open' }] });

    const nextYear = addSubmissions([closed.value], [scoredSubmission(pupil(3), 'medium', { id: 'sub-2027', plan: 'school-2027@1.0.0', finishedAt: '2027-10-11T02:00:00.000Z' })], '测试中学', context);
    expect(attentionList(nextYear.changed, '2027-10-12').map((back) => [back.wave.id, back.currentTier])).toEqual([['sub-2027', 'medium']]);
  });

  it('lets a case close on the afternoon\'s screening day, by day not by hour, and never on a day before it', () => {
    const context = testContext();
    const record = addSubmissions([emptyRecord(pupil(40))], [scoredSubmission(pupil(40), 'high', { id: 'sub-pm', finishedAt: '2026-10-12T06:30:00.000Z' })], '测试中学', context).changed[0]!;
    // closure days are stored at local noon (12:00 in Shanghai = 04:00 UTC), before the 14:30 screening
    const sameDay = closeCase(record, { at: '2026-10-12T04:00:00.000Z', reason: '当天面谈后确认无风险，销号。' }, '2026-10-12', context);
    if (!sameDay.ok) throw new Error(JSON.stringify(sameDay.issues));
    expect(attentionList([record], '2026-10-12')).toHaveLength(1);
    expect(attentionList([sameDay.value], '2026-10-12')).toEqual([]);
    expect(closeCase(record, { at: '2026-10-11T04:00:00.000Z', reason: '日期选错' }, '2026-10-12', context)).toMatchObject({ ok: false, issues: [{ code: 'closure_before_wave' }] });
  });

  it('refuses follow-up entries a teacher could not act on, naming the field', () => {
    const { records } = screenedClass();
    const record = records.find((candidate) => candidate.identity.studentNumber === 'S0002');
    if (!record) throw new Error('missing');
    const context = testContext();
    expect(recordAction(record, { at: '2026-10-14T06:00:00.000Z', action: 'referral', content: '建议就诊', due: '2026-10-01' }, context))
      .toMatchObject({ ok: false, issues: [{ code: 'follow_up_due_before', path: ['due'] }, { code: 'follow_up_referral_missing', path: ['referralTo'] }] });
    expect(recordInterview(record, { waveId: 'nope', at: 'yesterday', findings: ' ', confirmedTier: 'low' }, context))
      .toMatchObject({ ok: false, issues: [{ code: 'follow_up_date_invalid' }, { code: 'follow_up_text_missing', path: ['findings'] }, { code: 'follow_up_wave_unknown' }] });
    const referred = recordAction(record, { at: '2026-10-14T06:00:00.000Z', action: 'referral', content: '家长同意就诊', referralTo: '市精神卫生中心', due: '2026-11-01' }, context);
    expect(referred.ok && referred.value.followUps.at(-1)).toMatchObject({ kind: 'referral', referralTo: '市精神卫生中心', due: '2026-11-01', by: '李老师' });
    expect(referred.ok && ZStudentRecord.safeParse(referred.value).success).toBe(true);
  });
});

describe('why a student is on the list', () => {
  it('names the instrument and scale as a teacher knows them, with the score', () => {
    const { records } = screenedClass();
    const high = attentionList(records, TODAY).find((entry) => entry.record.identity.studentNumber === 'S0003');
    if (!high) throw new Error('missing');
    const score = high.wave.results[0]?.result.instruments[0]?.scales[0]?.raw;
    expect(attentionReasons(high, 'zh-CN', shippedCatalog())).toEqual([`PHQ-9 总分 ${score}`]);
    expect(attentionReasons(high, 'en', shippedCatalog())).toEqual([`PHQ-9 Total ${score}`]);
  });
});

describe('the screening summary', () => {
  it('counts completed, declined and absent students and the tiers by class', () => {
    const { records } = screenedClass();
    const other = emptyRecord(pupil(20, '八年级(2)班'));
    const summary = summarize([...records, other], 'school-2026@1.0.0');
    expect(summary.school).toMatchObject({ roster: 8, completed: 5, declined: 1, absent: 2, tiers: { low: 2, medium: 1, high: 2 }, urgent: 1, invalid: 1 });
    expect(summary.classes.map((group) => [group.className, group.roster, group.absent])).toEqual([['八年级(1)班', 7, 1], ['八年级(2)班', 1, 1]]);
    expect(summary.grades.map((group) => group.grade)).toEqual([8]);
  });

  it('keeps two grades\' classes of the same name apart', () => {
    const seventh = emptyRecord({ ...pupil(30, '(1)班'), grade: 7 });
    const eighth = [emptyRecord(pupil(31, '(1)班')), emptyRecord(pupil(32, '(1)班'))];
    const summary = summarize([...eighth, seventh], 'school-2026@1.0.0');
    expect(summary.classes.map((group) => [group.grade, group.className, group.roster])).toEqual([[7, '(1)班', 1], [8, '(1)班', 2]]);
  });
});

describe('teacher workspace messages', () => {
  it('has a zh-CN and an en message for every issue code the workspace emits', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { ALL_MESSAGES } = await import('../../../src/issueMessages.ts');
    const emitted = new Set<string>();
    for (const file of readdirSync('src/teacher/workspace').filter((name) => name.endsWith('.ts'))) {
      for (const match of readFileSync(`src/teacher/workspace/${file}`, 'utf8').matchAll(/issue\('([a-z_]+)'/g)) if (match[1]) emitted.add(match[1]);
    }
    expect(emitted.size).toBeGreaterThanOrEqual(8);
    for (const code of emitted) {
      expect(ALL_MESSAGES[code]?.['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      expect(ALL_MESSAGES[code]?.en, code).toMatch(/[a-z]/);
    }
  });
});
