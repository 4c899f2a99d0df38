import { describe, expect, it } from 'vitest';
import { parseAggregate, refOf, tableRows, type Plan } from '../../../scoring/index.ts';
import type { StudentRecord } from '../../../src/records/index.ts';
import { addSubmissions } from '../../../src/teacher/workspace/addSubmissions.ts';
import { aggregateOfScreening, participantsOfScreening } from '../../../src/teacher/workspace/aggregateOfScreening.ts';
import { closeCase, recordAction, recordInterview } from '../../../src/teacher/workspace/followUp.ts';
import { waveOfPlan } from '../../../src/teacher/workspace/summary.ts';
import { summarize } from '../../../src/teacher/workspace/summary.ts';
import { library } from '../../records/support.ts';
import { declinedSubmission, emptyRecord, pupil, scoredSubmission, testContext, type Profile, type Pupil } from './support.ts';

/** The plan the support's submissions were scored with: school-2026@1.0.0, the junior battery (PHQ-9, GAD-7, ASQ). */
function schoolPlan(): Plan {
  const lib = library();
  const instruments = lib.instruments.filter((def) => def.id !== 'k10');
  return {
    kind: 'plan', id: 'school-2026', version: '1.0.0', name: { 'zh-CN': '2026 秋季筛查', en: 'Autumn 2026' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2026-12-31' },
    gradeBands: [{ id: 'junior', name: { 'zh-CN': '初中', en: 'Junior' }, grades: [7, 8, 9], instruments: instruments.map(refOf), norms: [], policy: `${lib.policy.id}@${lib.policy.version}` }],
    instruments, norms: [], policies: [lib.policy],
  };
}

const SCHOOL = { code: '3301060001', name: '测试中学', county: '西湖区' };
const PROFILES: readonly Profile[] = ['low', 'low', 'medium', 'high', 'urgent', 'too_fast', 'low', 'medium'];
const grade7 = (index: number): Pupil => ({ ...pupil(index, '七年级(1)班'), grade: 7 });

/**
 * Grade 8: 16 completed (8 boys, 8 girls), one declined girl, two absent. Grade 7: three completed
 * (a small group, suppressed on publishing). Grade 5: on the roster but not in the plan. One grade-8 boy
 * has a wave of the same plan id from the school he came from: he counts as absent here.
 */
function screenedSchool(): { records: StudentRecord[]; pupils: Pupil[] } {
  const completed = Array.from({ length: 16 }, (_, i) => pupil(i + 1, i < 8 ? '八年级(1)班' : '八年级(2)班'));
  const declined = pupil(18);
  const absent = [pupil(19), pupil(20)];
  const younger = [grade7(31), grade7(32), grade7(33)];
  const primary = { ...pupil(40, '五年级(1)班'), grade: 5 };
  const transferred = pupil(41);
  const all = [...completed, declined, ...absent, ...younger, primary, transferred];
  const records = all.map(emptyRecord);
  const submissions = [
    ...completed.map((who, i) => scoredSubmission(who, PROFILES[i % PROFILES.length] ?? 'low')),
    ...younger.map((who) => scoredSubmission(who, 'high')),
    declinedSubmission(declined),
    // another plan of the same school: ignored
    scoredSubmission(completed[0]!, 'high', { id: 'sub-spring', plan: 'school-2025@1.0.0', finishedAt: '2026-04-01T02:00:00.000Z' }),
  ];
  const context = testContext();
  const filed = addSubmissions(records, submissions, SCHOOL.name, context);
  const elsewhere = addSubmissions(records, [scoredSubmission(transferred, 'high', { id: 'sub-old-school' })], '别的中学', context);
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const changed of [...filed.changed, ...elsewhere.changed]) byId.set(changed.id, changed);
  return { records: [...byId.values()], pupils: all };
}

const { records, pupils } = screenedSchool();
const plan = schoolPlan();
const request = { records, plan, grades: [7, 8, 9], school: SCHOOL, created: '2026-11-20T09:00:00+08:00' };

describe('the aggregate of a workspace screening', () => {
  it('counts everyone on the plan\'s roster: completed and declined waves of the plan run here, the rest absent', () => {
    const participants = participantsOfScreening(request);
    expect(participants).toHaveLength(16 + 1 + 2 + 3 + 1);
    expect(participants.filter((p) => p.status === 'completed')).toHaveLength(19);
    expect(participants.filter((p) => p.status === 'declined')).toHaveLength(1);
    expect(participants.filter((p) => p.status === 'absent')).toHaveLength(3);
    expect(participants.some((p) => p.grade === 5)).toBe(false);
  });

  it('gives exact cells that agree with the workspace summary, grade by grade', () => {
    const built = aggregateOfScreening(request);
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    const { exact } = built.value;
    expect(exact.stage).toBe('exact');
    expect(exact.plans).toEqual(['school-2026@1.0.0']);
    expect(exact.provenance.schools).toEqual([{ ...SCHOOL, created: request.created }]);
    const here = records.map((record) => ({ ...record, waves: record.waves.filter((wave) => wave.school === SCHOOL.name) }));
    const summary = summarize(here, 'school-2026@1.0.0', new Set([7, 8, 9]));
    const total = tableRows(exact).find((row) => row.instrument === 'battery' && row.grade === 'all' && row.sex === 'all');
    expect(total).toMatchObject({ roster: summary.school.roster, completed: summary.school.completed, declined: summary.school.declined, tiers: summary.school.tiers, urgent: summary.school.urgent, invalid: summary.school.invalid });
    for (const group of summary.grades) {
      const row = tableRows(exact).find((candidate) => candidate.instrument === 'battery' && candidate.grade === group.grade && candidate.sex === 'all');
      expect(row, `grade ${group.grade}`).toMatchObject({ roster: group.roster, completed: group.completed, declined: group.declined, tiers: group.tiers, urgent: group.urgent, invalid: group.invalid });
    }
    // the tiers the support's answers were chosen to give
    expect(summary.school.tiers).toEqual({ low: 8, medium: 4, high: 7 });
    expect(summary.school.urgent).toBe(2);
    expect(summary.school.invalid).toBe(2);
  });

  it('publishes a copy with the small grade suppressed and nothing that names a student', () => {
    const built = aggregateOfScreening(request);
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    const { published } = built.value;
    expect(parseAggregate(JSON.parse(JSON.stringify(published))).ok).toBe(true);
    expect(published.stage).toBe('published');
    expect(published.cells.every((cell) => cell.grade === 8)).toBe(true);
    expect(published.suppressed.filter((entry) => entry.instrument === undefined && entry.grade === 7).map((entry) => entry.reason)).toContain('primary');
    const text = JSON.stringify(published);
    for (const who of pupils) {
      expect(text).not.toContain(who.name);
      expect(text).not.toContain(who.number);
      expect(text).not.toContain(who.birthDate);
    }
    expect(text).not.toContain('班');
  });

  it('takes the screened grades when the plan\'s grades are unknown, and honours a raised k', () => {
    const participants = participantsOfScreening({ records, plan, school: SCHOOL });
    expect(new Set(participants.map((p) => p.grade))).toEqual(new Set([7, 8]));
    const raised = aggregateOfScreening({ ...request, k: 10 });
    expect(raised.ok && raised.value.published.k).toBe(10);
    const tooLow = aggregateOfScreening({ ...request, k: 3 });
    expect(tooLow.ok ? [] : tooLow.issues.map((found) => found.code)).toEqual(['too_small']);
  });

  it('refuses a school code a bureau could not file', () => {
    const bad = aggregateOfScreening({ ...request, school: { ...SCHOOL, code: '33 01' } });
    expect(bad.ok ? [] : bad.issues.map((found) => [found.code, found.path.join('.')])).toEqual([['bad_code', 'school.code']]);
  });

  it('carries what followed each flag into the exact file, counted for high-risk students only (format 2)', () => {
    const context = testContext();
    const must = <T,>(outcome: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T => {
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
      return outcome.value;
    };
    // the three grade-7 students scored high: one interviewed within 7 days, parents told, closed; one interviewed on day 9; one nothing
    const grade7Records = records.filter((record) => record.identity.grade === 7 && waveOfPlan(record, 'school-2026@1.0.0'));
    const [a, b] = grade7Records.map((record) => ({ record, wave: waveOfPlan(record, 'school-2026@1.0.0')! }));
    let first = must(recordInterview(a!.record, { waveId: a!.wave.id, at: '2026-10-15T04:00:00.000Z', findings: '已约谈', confirmedTier: 'high' }, context));
    first = must(recordAction(first, { at: '2026-10-15T05:00:00.000Z', action: 'parents_informed', content: '电话告知', waveId: a!.wave.id }, context));
    first = must(closeCase(first, { at: '2026-11-01T04:00:00.000Z', reason: '好转' }, '2026-11-01', context));
    const second = must(recordInterview(b!.record, { waveId: b!.wave.id, at: '2026-10-21T04:00:00.000Z', findings: '已约谈', confirmedTier: 'high' }, context));
    const changed = new Map([[first.id, first], [second.id, second]]);
    const followed = { ...request, records: records.map((record) => changed.get(record.id) ?? record) };
    const facts = participantsOfScreening(followed).filter((p) => p.grade === 7).map((p) => p.followUp);
    expect(facts).toContainEqual({ interviewed: true, within7Days: true, parentsInformed: true, referred: false, closed: true });
    expect(facts).toContainEqual({ interviewed: true, within7Days: false, parentsInformed: false, referred: false, closed: false });
    const built = aggregateOfScreening(followed);
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    expect(built.value.exact.version).toBe(2);
    const grade7Cells = built.value.exact.cells.filter((cell) => cell.grade === 7);
    const total = (measure: 'interviewed' | 'parentsInformed' | 'referred' | 'within7Days' | 'closed') => grade7Cells.reduce((sum, cell) => sum + (cell.followUp?.[measure] ?? 0), 0);
    expect([total('interviewed'), total('parentsInformed'), total('referred'), total('within7Days'), total('closed')]).toEqual([2, 1, 0, 1, 1]);
    // every cell of this small school is suppressed on publishing, so no high-risk student is in the published follow-up
    expect(built.value.published.cells).toEqual([]);
    expect(built.value.published.followUp).toEqual({ flagged: 0, rates: ['interviewed', 'parentsInformed', 'referred', 'within7Days', 'closed'].map((measure) => ({ measure, count: 0, of: 0 })), withheld: [] });
  });
});
