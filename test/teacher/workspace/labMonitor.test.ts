import { describe, expect, it } from 'vitest';
import type { Monitor } from '../../../src/lab/protocol.ts';
import { labOverview, type LabState } from '../../../src/teacher/workspace/labMonitor.ts';
import { waveOfSubmission } from '../../../src/teacher/workspace/waveOfSubmission.ts';
import { emptyRecord, pupil, scoredSubmission } from './support.ts';

const PLAN = 'school-2026@1.0.0';
const lookup = (index: number): string => index.toString(16).padStart(64, '0');
const machine = (index: number): string => `lab-${index.toString(16).padStart(8, '0')}`;
type Heard = Monitor['students'][number];
const heard = (index: number, state: Heard['state'], at: string, answered = 5, pc = index): Heard => ({ entry: lookup(index), state, machine: machine(pc), answered, at });
const monitorOf = (students: Heard[]): Monitor & { plan: string } => ({ plan: PLAN, time: '2026-10-12T03:00:00.000Z', students, machines: [], alerts: [], disk: { full: false, freeBytes: null } });

// six pupils in two classes; the plan's lookups name all six
const pupils = [1, 2, 3].map((index) => pupil(index, '八年级(1)班')).concat([4, 5, 6].map((index) => pupil(index, '八年级(2)班')));
const records = pupils.map(emptyRecord);
const lookups = Object.fromEntries(pupils.map((who, index) => [lookup(index + 1), who.number]));

function states(students: Heard[], withRecords = records): Record<string, LabState> {
  const overview = labOverview(monitorOf(students), lookups, withRecords);
  return Object.fromEntries(overview.classes.flatMap((group) => group.students.map((student) => [student.studentNumber, student.state])));
}

describe('lab monitor overview', () => {
  it.each<[string, Heard[], Record<string, LabState>]>([
    ['nobody heard of: all not started', [], { S0001: 'not-started', S0002: 'not-started', S0003: 'not-started', S0004: 'not-started', S0005: 'not-started', S0006: 'not-started' }],
    ['one in progress, one finished', [heard(1, 'in-progress', '2026-10-12T02:00:00.000Z'), heard(5, 'finished', '2026-10-12T02:10:00.000Z')],
      { S0001: 'in-progress', S0002: 'not-started', S0003: 'not-started', S0004: 'not-started', S0005: 'finished', S0006: 'not-started' }],
  ])('%s', (_case, students, expected) => {
    expect(states(students)).toEqual(expected);
  });

  it('groups by class with counts, in-progress first, and says on which PC, how far and since when', () => {
    const overview = labOverview(monitorOf([heard(2, 'in-progress', '2026-10-12T02:00:00.000Z', 12, 9), heard(3, 'finished', '2026-10-12T02:05:00.000Z')]), lookups, records);
    expect(overview.classes.map((group) => [group.className, group.counts])).toEqual([
      ['八年级(1)班', { total: 3, notStarted: 1, inProgress: 1, finished: 1 }],
      ['八年级(2)班', { total: 3, notStarted: 3, inProgress: 0, finished: 0 }],
    ]);
    expect(overview.counts).toEqual({ total: 6, notStarted: 4, inProgress: 1, finished: 1 });
    expect(overview.classes[0]?.students[0]).toEqual({ recordId: 'rec-S0002', name: '测试学生2', studentNumber: 'S0002', state: 'in-progress', machine: 'lab-00000009', answered: 12, at: '2026-10-12T02:00:00.000Z' });
    expect(overview.classes[0]?.students.map((student) => student.state)).toEqual(['in-progress', 'not-started', 'finished']);
    expect(overview).toMatchObject({ unknownLookups: 0, leftRoster: 0, planUnknown: false });
  });

  it('counts lookups it cannot name instead of dropping them', () => {
    const overview = labOverview(monitorOf([heard(1, 'in-progress', '2026-10-12T02:00:00.000Z'), heard(77, 'finished', '2026-10-12T02:00:00.000Z'), heard(78, 'in-progress', '2026-10-12T02:00:00.000Z')]), lookups, records);
    expect(overview.unknownLookups).toBe(2);
    expect(overview.counts.inProgress).toBe(1);
  });

  it('without the plan\'s lookups (built elsewhere) names nobody and says so', () => {
    const overview = labOverview(monitorOf([heard(1, 'in-progress', '2026-10-12T02:00:00.000Z')]), undefined, records);
    expect(overview).toMatchObject({ planUnknown: true, unknownLookups: 1, classes: [], counts: { total: 0 } });
  });

  it('counts students of the plan no longer on the roster', () => {
    const overview = labOverview(monitorOf([heard(6, 'in-progress', '2026-10-12T02:00:00.000Z')]), lookups, records.slice(0, 5));
    expect(overview).toMatchObject({ leftRoster: 1, unknownLookups: 1, counts: { total: 5, inProgress: 0 } });
  });

  it('a student reported twice (two PCs): a finish wins, else the latest save', () => {
    const twice = [heard(1, 'finished', '2026-10-12T02:00:00.000Z', 20, 1), heard(1, 'in-progress', '2026-10-12T02:30:00.000Z', 3, 2)];
    expect(states(twice).S0001).toBe('finished');
    const both = labOverview(monitorOf([heard(2, 'in-progress', '2026-10-12T02:00:00.000Z', 4, 1), heard(2, 'in-progress', '2026-10-12T02:20:00.000Z', 9, 2)]), lookups, records);
    expect(both.classes[0]?.students[0]).toMatchObject({ studentNumber: 'S0002', machine: 'lab-00000002', answered: 9 });
  });

  it('a wave already filed (USB batch) counts as finished even where the server saw only a draft, or nothing', () => {
    const filed = records.map((record, index) => (index < 2 ? { ...record, waves: [waveOfSubmission(scoredSubmission(pupils[index]!, 'low', { plan: PLAN }), '测试中学')] } : record));
    expect(states([heard(1, 'in-progress', '2026-10-12T02:00:00.000Z')], filed)).toMatchObject({ S0001: 'finished', S0002: 'finished', S0003: 'not-started' });
  });

  it('a wave of another plan does not count', () => {
    const other = records.map((record, index) => (index === 0 ? { ...record, waves: [waveOfSubmission(scoredSubmission(pupils[0]!, 'low', { plan: 'older@1.0.0' }), '测试中学')] } : record));
    expect(states([], other).S0001).toBe('not-started');
  });
});
