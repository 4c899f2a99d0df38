import { describe, expect, it } from 'vitest';
import { buildAggregate, parseAggregate, type AggregateParticipant } from '../../../scoring/index.ts';
import { participantsOf, schoolInput, shippedPlan, unwrap, type SchoolSpec } from './cohort.ts';

const spec: SchoolSpec = { code: '3301060001', seed: 5, sizes: { '4/male': 20, '4/female': 18, '8/male': 26, '8/female': 24 } };
const participants = participantsOf(spec);
const input = { ...schoolInput(spec), participants };
const aggregate = unwrap(buildAggregate(input));

const count = (test: (p: AggregateParticipant) => boolean) => participants.filter(test).length;
const inCell = (grade: number, sex: string) => (p: AggregateParticipant) => p.grade === grade && p.sex === sex;

describe('building a school aggregate from scored results', () => {
  it('counts participation, tiers and urgent flags per grade × sex', () => {
    expect(aggregate.stage).toBe('exact');
    expect(aggregate.cells.map((cell) => `${cell.grade}/${cell.sex}`)).toEqual(['4/male', '4/female', '8/male', '8/female']);
    for (const cell of aggregate.cells) {
      const here = inCell(cell.grade, cell.sex);
      expect(cell.roster).toBe(count(here));
      expect(cell.completed).toBe(count((p) => here(p) && p.status === 'completed'));
      expect(cell.declined).toBe(count((p) => here(p) && p.status === 'declined'));
      expect(cell.invalid).toBe(count((p) => here(p) && p.result?.validity.status === 'invalid'));
      expect(cell.tiers).toEqual({
        low: count((p) => here(p) && p.result?.tier === 'low'),
        medium: count((p) => here(p) && p.result?.tier === 'medium'),
        high: count((p) => here(p) && p.result?.tier === 'high'),
      });
      expect(cell.urgent).toBe(count((p) => here(p) && p.result?.flags.urgent === true));
    }
    expect(aggregate.provenance.schools).toEqual([{ code: '3301060001', name: 'School 3301060001', county: '330106', created: '2026-11-22T10:00:00+08:00' }]);
    expect(aggregate.plans).toEqual(['county-2026@1.0.0']);
    expect(aggregate.schoolYear).toBe('2026-2027');
  });

  it('gives each grade its own battery: K10 + ASQ in grade 4, PHQ-9 + GAD-7 + ASQ in grade 8', () => {
    const ids = (grade: number) => aggregate.cells.find((cell) => cell.grade === grade)?.instruments.map((summary) => summary.instrument.split('@')[0]);
    expect(ids(4)).toEqual(['asq', 'k10']);
    expect(ids(8)).toEqual(['asq', 'gad7', 'phq9']);
  });

  it('counts ASQ in tiers and urgent flags only: it has no summed scale', () => {
    const girls8 = aggregate.cells.find((cell) => cell.grade === 8 && cell.sex === 'female');
    const asq = girls8?.instruments.find((summary) => summary.instrument.startsWith('asq@'));
    expect(asq?.scales).toEqual([]);
    const positive = count((p) => inCell(8, 'female')(p) && (p.result?.instruments.find((r) => r.instrument.startsWith('asq@'))?.critical.length ?? 0) > 0);
    expect(asq?.urgent).toBe(positive);
    expect(asq?.tiers.high).toBe(positive);
    expect(asq?.completed).toBe(girls8?.completed);
  });

  it('keeps exact histograms and band counts of valid scores only', () => {
    const boys8 = aggregate.cells.find((cell) => cell.grade === 8 && cell.sex === 'male');
    const phq = boys8?.instruments.find((summary) => summary.instrument.startsWith('phq9@'))?.scales.find((scale) => scale.scale === 'total');
    const valid = participants.filter((p) => inCell(8, 'male')(p) && p.result && p.result.validity.status !== 'invalid')
      .map((p) => p.result?.instruments.find((r) => r.instrument.startsWith('phq9@'))?.scales[0]?.raw)
      .filter((raw) => raw !== null && raw !== undefined);
    const expected: Record<string, number> = {};
    for (const raw of valid) expected[String(raw)] = (expected[String(raw)] ?? 0) + 1;
    expect(phq?.histogram).toEqual(expected);
    expect(phq?.scored).toBe(valid.length);
    expect(phq?.bands.map((band) => band.band)).toEqual(['minimal', 'mild', 'moderate', 'moderately-severe', 'severe']);
    expect(phq?.bands.reduce((sum, band) => sum + band.count, 0)).toBe(valid.length);
    expect(phq).toMatchObject({ min: 0, max: 27, pooled: [] });
  });

  it('carries nothing about any one student: no ids, names, birth dates or classes', () => {
    const text = JSON.stringify(aggregate);
    const ids = participants.flatMap((p) => (p.result ? [p.result.respondent.id] : []));
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids) expect(text).not.toContain(id);
    for (const word of ['respondent', 'answers', 'seconds', 'birth', 'class', '-S0']) expect(text).not.toContain(word);
  });

  it('round-trips through its schema', () => {
    expect(parseAggregate(JSON.parse(JSON.stringify(aggregate)))).toEqual({ ok: true, value: aggregate });
  });
});

describe('building refuses inconsistent input', () => {
  const [first, second, third] = participants.filter((p) => p.status === 'completed');
  const codes = (changed: Partial<typeof input>) => {
    const outcome = buildAggregate({ ...input, ...changed });
    return outcome.ok ? [] : outcome.issues.map((found) => [found.code, found.path.join('.')]);
  };

  it('names each participant whose record does not add up', () => {
    const bad: AggregateParticipant[] = [
      { grade: 8, sex: 'male', status: 'completed' },
      { grade: 8, sex: 'male', status: 'declined', ...(first?.result ? { result: first.result } : {}) },
      { ...second!, grade: second!.grade === 8 ? 4 : 8 },
      { grade: 13, sex: 'female', status: 'absent' },
    ];
    expect(codes({ participants: bad })).toEqual([
      ['participant_without_result', 'participants.0'],
      ['result_without_completion', 'participants.1.result'],
      ['result_respondent_mismatch', 'participants.2.result.respondent'],
      ['participant_bad_grade', 'participants.3.grade'],
    ]);
  });

  it('refuses results of another plan or of an instrument the plan does not give', () => {
    const result = third!.result!;
    const other = { ...third!, result: { ...result, used: { ...result.used, plan: 'other-plan@1.0.0' } } };
    const strange = { ...third!, result: { ...result, instruments: [{ ...result.instruments[0]!, instrument: `phq9@9.9.9#${'0'.repeat(64)}` }] } };
    expect(codes({ participants: [other, strange] })).toEqual([
      ['result_from_other_plan', 'participants.0.result.used.plan'],
      ['result_unknown_instrument', 'participants.1.result.instruments.0.instrument'],
    ]);
  });

  it('refuses a k below 5, a bad school code and a bad timestamp', () => {
    expect(codes({ k: 3, school: { code: 'has space', name: 'X', county: 'Y' }, created: 'yesterday' })).toEqual([
      ['bad_code', 'school.code'], ['too_small', 'k'], ['bad_timestamp', 'created'],
    ]);
    expect(shippedPlan().schoolYear).toBe('2026-2027');
  });
});
