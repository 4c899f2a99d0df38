import { describe, expect, it } from 'vitest';
import { asDraft, asRosterIdentity } from '../../src/kiosk/decrypted.ts';
import { ZRosterIdentity } from '../../src/kiosk/kioskPlan.ts';

const identity = { studentId: 'S001', name: '王小明', className: '八(2)班', grade: 8, sex: 'male' };

// Each row: a decrypted value, and whether it is a roster identity. The kiosk's hand-written check must
// give the same verdict as the plan's zod schema for every row.
const IDENTITIES: readonly [string, unknown, boolean][] = [
  ['a full entry', identity, true],
  ['vocational track', { ...identity, grade: 11, track: 'vocational' }, true],
  ['grade 1 and 12 are the ends', { ...identity, grade: 1 }, true],
  ['grade 12', { ...identity, grade: 12 }, true],
  ['grade 0', { ...identity, grade: 0 }, false],
  ['grade 13', { ...identity, grade: 13 }, false],
  ['grade 8.5', { ...identity, grade: 8.5 }, false],
  ['grade as text', { ...identity, grade: '8' }, false],
  ['empty name', { ...identity, name: '' }, false],
  ['missing class', { studentId: 'S001', name: '王小明', grade: 8, sex: 'male' }, false],
  ['unknown sex', { ...identity, sex: 'x' }, false],
  ['unknown track', { ...identity, track: 'night-school' }, false],
  ['extra field', { ...identity, birthDate: '2012-05-17' }, false],
  ['null', null, false],
  ['array', [identity], false],
  ['text', 'S001', false],
  ['nothing (decryption failed)', undefined, false],
];

describe('asRosterIdentity', () => {
  it.each(IDENTITIES)('%s', (_label, value, expected) => {
    expect(asRosterIdentity(value) !== undefined).toBe(expected);
    expect(ZRosterIdentity.safeParse(value).success).toBe(expected);
  });

  it('returns the value itself, unchanged', () => {
    expect(asRosterIdentity(identity)).toBe(identity);
  });
});

const draft = { consent: 'given', answers: { k10_1: 2, k10_2: null }, seconds: { k10_1: 3.5 }, startedAt: '2026-11-22T02:00:00.000Z' };

const DRAFTS: readonly [string, unknown, boolean][] = [
  ['a draft in progress', draft, true],
  ['fresh, before consent', { answers: {}, seconds: {}, startedAt: '2026-11-22T02:00:00.000Z' }, true],
  ['declined', { ...draft, consent: 'declined' }, true],
  ['unknown consent', { ...draft, consent: 'maybe' }, false],
  ['fractional answer', { ...draft, answers: { k10_1: 1.5 } }, false],
  ['answer as text', { ...draft, answers: { k10_1: '2' } }, false],
  ['negative seconds', { ...draft, seconds: { k10_1: -1 } }, false],
  ['answers as a list', { ...draft, answers: [2, 3] }, false],
  ['no start time', { answers: {}, seconds: {} }, false],
  ['extra field', { ...draft, name: '王小明' }, false],
  ['nothing (decryption failed)', undefined, false],
];

describe('asDraft', () => {
  it.each(DRAFTS)('%s', (_label, value, expected) => {
    expect(asDraft(value) !== undefined).toBe(expected);
  });
});
