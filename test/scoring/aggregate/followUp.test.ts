import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildAggregate, describeOutgoing, mergeAggregates, parseAggregate, parseAggregateText, publishAggregate,
  type Aggregate, type AggregateParticipant,
} from '../../../scoring/index.ts';
import { FOLLOW_UP_MEASURES } from '../../../scoring/aggregate/schema.ts';
import { schoolInput, seeded, unwrap, type SchoolSpec } from './cohort.ts';

type Facts = NonNullable<AggregateParticipant['followUp']>;
const facts = (random: () => number, done = 0.8): Facts => {
  const interviewed = random() < done;
  return { interviewed, within7Days: interviewed && random() < 0.7, parentsInformed: random() < done, referred: random() < 0.3, closed: random() < 0.5 };
};

/** A school whose high-risk students each got a seeded follow-up (done: the chance of each step). */
function withFollowUp(spec: SchoolSpec, done = 0.8): { exact: Aggregate; participants: AggregateParticipant[] } {
  const input = schoolInput(spec);
  const random = seeded(spec.seed + 7);
  const participants = input.participants.map((participant) => ({ ...participant, followUp: facts(random, done) }));
  return { exact: unwrap(buildAggregate({ ...input, participants })), participants };
}

const big = { '7/male': 120, '7/female': 115, '8/male': 118, '8/female': 3, '9/male': 110, '9/female': 112 };
const highOf = (participants: readonly AggregateParticipant[], where: (p: AggregateParticipant) => boolean = () => true) =>
  participants.filter((p) => p.status === 'completed' && p.result?.tier === 'high' && where(p));

describe('follow-up counts in the exact file', () => {
  it('counts, per cell, what followed for each high-risk student only, in a format-2 file', () => {
    const { exact, participants } = withFollowUp({ code: '3301060201', seed: 201, sizes: big, distress: 1.6 });
    expect(exact.version).toBe(2);
    for (const cell of exact.cells) {
      const high = highOf(participants, (p) => p.grade === cell.grade && p.sex === cell.sex);
      expect(cell.tiers.high).toBe(high.length);
      for (const measure of FOLLOW_UP_MEASURES) expect(cell.followUp?.[measure], measure).toBe(high.filter((p) => p.followUp?.[measure]).length);
    }
  });

  it('stays format 1, without follow-up fields, when no participant carries follow-up', () => {
    const input = schoolInput({ code: '3301060202', seed: 202, sizes: { '7/male': 30 } });
    const exact = unwrap(buildAggregate(input));
    expect(exact.version).toBe(1);
    expect(exact.cells.every((cell) => cell.followUp === undefined)).toBe(true);
    expect(unwrap(publishAggregate(exact)).followUp).toBeUndefined();
  });
});

describe('publishing follow-up', () => {
  const { exact, participants } = withFollowUp({ code: '3301060203', seed: 203, sizes: big, distress: 1.6 });
  const published = unwrap(publishAggregate(exact));

  it('counts only the high-risk students of published cells, and keeps no per-cell counts', () => {
    const shown = new Set(published.cells.map((cell) => `${cell.grade}/${cell.sex}`));
    expect(shown.has('8/female')).toBe(false);
    const inShown = highOf(participants, (p) => shown.has(`${p.grade}/${p.sex}`));
    expect(published.followUp?.flagged).toBe(inShown.length);
    expect(published.cells.every((cell) => cell.followUp === undefined)).toBe(true);
    for (const rate of published.followUp?.rates ?? []) {
      expect(rate.of).toBe(inShown.length);
      expect(rate.count).toBe(inShown.filter((p) => p.followUp?.[rate.measure]).length);
    }
  });

  it('never publishes a count, or a complement, between 0 and k, and lists each withheld measure with its reason', () => {
    const k = published.k;
    const summary = published.followUp!;
    const small = (n: number) => n > 0 && n < k;
    for (const rate of summary.rates) expect([small(rate.count), small(rate.of - rate.count)]).toEqual([false, false]);
    expect(summary.rates.length + summary.withheld.length).toBe(FOLLOW_UP_MEASURES.length);
    // with k raised to 40 most measures go, each named
    const strict = unwrap(publishAggregate(exact, { k: 40 })).followUp!;
    expect(strict.withheld.length).toBeGreaterThan(0);
    for (const entry of strict.withheld) expect(['primary', 'complementary']).toContain(entry.reason);
    for (const rate of strict.rates) expect([small(rate.count), rate.of - rate.count > 0 && rate.of - rate.count < 40]).toEqual([false, false]);
    const lines = describeOutgoing(published).map((line) => line.code);
    expect(lines).toContain('outgoing_follow_up');
  });

  it('withholds within 7 days when those interviewed later are fewer than k, and everything when fewer than k are flagged', () => {
    const input = schoolInput({ code: '3301060204', seed: 204, sizes: { '7/male': 200, '7/female': 200 }, distress: 1.6 });
    let serial = 0;
    // every high-risk student interviewed, all but two within 7 days
    const participants = input.participants.map((p) => {
      const high = p.result?.tier === 'high';
      if (high) serial += 1;
      return { ...p, followUp: { interviewed: true, within7Days: !high || serial > 2, parentsInformed: true, referred: false, closed: false } };
    });
    const summary = unwrap(publishAggregate(unwrap(buildAggregate({ ...input, participants })))).followUp!;
    expect(summary.flagged).toBeGreaterThan(10);
    expect(summary.withheld).toEqual([{ by: '3301060204', measure: 'within7Days', reason: 'complementary' }]);
    expect(summary.rates.map((rate) => [rate.measure, rate.count])).toEqual([['interviewed', summary.flagged], ['parentsInformed', summary.flagged], ['referred', 0], ['closed', 0]]);

    const few = withFollowUp({ code: '3301060205', seed: 205, sizes: { '7/male': 12 } });
    const none = unwrap(publishAggregate(few.exact)).followUp;
    expect(highOf(few.participants).length).toBeGreaterThan(0);
    expect(highOf(few.participants).length).toBeLessThan(5);
    expect(none).toEqual({ flagged: 0, rates: [], withheld: [{ by: '3301060205', measure: 'flagged', reason: 'primary' }] });
  });

  it('refuses a published file whose follow-up shows a small count or complement', () => {
    const tampered = structuredClone(published) as any;
    tampered.followUp.rates[0].count = tampered.followUp.rates[0].of - 2;
    const parsed = parseAggregate(tampered);
    expect(parsed.ok ? [] : parsed.issues.map((found) => found.code)).toContain('follow_up_complement_below_k');
    const old = structuredClone(published) as any;
    old.version = 1;
    const refused = parseAggregate(old);
    expect(refused.ok ? [] : refused.issues.map((found) => found.code)).toEqual(['follow_up_needs_v2']);
  });
});

describe('format 1 files', () => {
  const fixture = (name: string): Aggregate => unwrap(parseAggregateText(readFileSync(`test/fixtures/aggregate/${name}.psyagg`, 'utf8')));

  it('open as they were written, and merge with format-2 files; the sum is format 2 and its follow-up covers the schools that sent it', () => {
    const school = fixture('school-v1');
    const county = fixture('county-v1');
    expect(fixture('school-v1-exact').version).toBe(1);
    expect([school.version, county.version]).toEqual([1, 1]);
    const newer = unwrap(publishAggregate(withFollowUp({ code: '3301060206', seed: 206, sizes: big, distress: 1.6 }).exact));
    const merged = unwrap(mergeAggregates(county, newer));
    expect(merged.version).toBe(2);
    expect(merged.followUp).toEqual(newer.followUp);
    expect(unwrap(mergeAggregates(newer, county))).toEqual(merged);
    expect(parseAggregate(JSON.parse(JSON.stringify(merged))).ok).toBe(true);
  });

  it('add follow-up of two format-2 files measure by measure, each over the schools that published it', () => {
    const a = unwrap(publishAggregate(withFollowUp({ code: '3301060207', seed: 207, sizes: big, distress: 1.6 }).exact));
    const b = unwrap(publishAggregate(withFollowUp({ code: '3301060208', seed: 208, sizes: big, distress: 1.6 }, 0.95).exact));
    const merged = unwrap(mergeAggregates(a, b)).followUp!;
    expect(merged.flagged).toBe(a.followUp!.flagged + b.followUp!.flagged);
    for (const rate of merged.rates) {
      const parts = [a, b].flatMap((file) => file.followUp!.rates.filter((r) => r.measure === rate.measure));
      expect(rate).toEqual({ measure: rate.measure, count: parts.reduce((s, r) => s + r.count, 0), of: parts.reduce((s, r) => s + r.of, 0) });
    }
    expect(merged.withheld).toHaveLength(a.followUp!.withheld.length + b.followUp!.withheld.length);
  });
});
