import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BANDS, buildPlan, checkPlanVectors, formatIssue, parsePlan, parseVectors, runVectors, vectorsFor,
  type Instrument, type TierPolicy, type Vectors,
} from '../../../scoring/index.ts';
import { defaultPolicy, shippedCatalog, shippedInstrument } from '../../support/library.ts';

const phq9 = () => shippedInstrument('phq9');
const phq9Vectors = (): Vectors => structuredClone(vectorsFor(shippedCatalog(), phq9())!);
const caseOf = (vectors: Vectors, id: string) => {
  const found = vectors.cases.find((entry) => entry.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};
const expectation = (vectors: Vectors, id: string) => {
  const expect = caseOf(vectors, id).expect;
  if ('rejected' in expect) throw new Error(`${id} is a rejection`);
  return expect;
};

describe('runVectors', () => {
  it('names the instrument, the case and both values when an expected score differs', () => {
    const vectors = phq9Vectors();
    expectation(vectors, 'edge-10').scales.total!.raw = 11;
    const issues = runVectors(phq9(), vectors, defaultPolicy());
    expect(issues).toEqual([expect.objectContaining({
      code: 'vector_mismatch',
      params: { instrument: 'PHQ-9 (phq9@1.0.0)', case: 'edge-10', what: 'total.raw', expected: '11', actual: '10' },
    })]);
    expect(issues[0]!.path).toEqual(['cases', vectors.cases.findIndex((entry) => entry.id === 'edge-10'), 'expect', 'scales', 'total', 'raw']);
    expect(formatIssue(issues[0]!, 'zh-CN')).toContain('PHQ-9 (phq9@1.0.0) 的一致性测试未通过');
  });

  it('finds an instrument whose cut-off was moved, as a school copy with a typo would have', () => {
    const moved: Instrument = structuredClone(phq9());
    const bands = moved.scales[0]!.bands!;
    bands[1] = { ...bands[1]!, lt: 11 };
    bands[2] = { ...bands[2]!, gte: 11 };
    const issues = runVectors(moved, phq9Vectors(), defaultPolicy());
    expect(issues.map((found) => [found.params?.case, found.params?.what, found.params?.actual])).toEqual([['edge-10', 'total.band', '"mild"']]);
  });

  it('finds a lost critical item: flags, tier and the critical list all differ', () => {
    const lost: Instrument = { ...structuredClone(phq9()), critical: [] };
    const issues = runVectors(lost, phq9Vectors(), defaultPolicy());
    const item9Only = issues.filter((found) => found.params?.case === 'item9-only').map((found) => found.params?.what);
    expect(item9Only).toEqual(['tier', 'urgent', 'critical']);
  });

  it('compares tiers only under the policy the vectors name', () => {
    const other: TierPolicy = { ...defaultPolicy(), id: 'school-strict', rules: defaultPolicy().rules.map((rule) => (rule.id === 'phq9-medium' ? { ...rule, tier: 'high' as const } : rule)) };
    expect(runVectors(phq9(), phq9Vectors(), other)).toEqual([]);
    const vectors = { ...phq9Vectors(), policy: 'school-strict@1.0.0' };
    expect(runVectors(phq9(), vectors, other).map((found) => found.params?.what)).toContain('tier');
  });

  it('reports an expected rejection that scored, a rejection with other codes, and a scale left out', () => {
    const vectors = phq9Vectors();
    caseOf(vectors, 'all-zero').expect = { rejected: ['answer_not_an_option'] };
    caseOf(vectors, 'unknown-item').expect = { rejected: ['answer_not_an_option'] };
    delete expectation(vectors, 'edge-4').scales.total;
    const what = runVectors(phq9(), vectors, defaultPolicy()).map((found) => `${found.params?.case}:${found.params?.what}`);
    expect(what).toEqual(['all-zero:rejected', 'edge-4:total', 'unknown-item:rejected']);
  });

  it('refuses vectors written for another instrument version', () => {
    const issues = runVectors(shippedInstrument('gad7'), phq9Vectors(), defaultPolicy());
    expect(issues.map((found) => found.code)).toEqual(['vectors_other_instrument']);
  });
});

describe('vectors in a plan', () => {
  const built = () => {
    const made = buildPlan(shippedCatalog(), {
      id: 'vectors-check', version: '1.0.0', name: { 'zh-CN': '检查', en: 'Check' }, schoolYear: '2026-2027',
      window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
    });
    if (!('plan' in made)) throw new Error(made.missing);
    return made.plan;
  };

  it('travel with every instrument a plan built from the library embeds, and all pass', () => {
    const plan = built();
    expect(plan.vectors?.map((file) => file.id).sort()).toEqual(plan.instruments.map((def) => def.id).sort());
    expect(parsePlan(plan).ok).toBe(true);
    const check = checkPlanVectors(plan);
    expect(check.issues).toEqual([]);
    expect([...check.checked].sort()).toEqual(['asq@1.0.0', 'gad7@1.0.0', 'k10@1.0.0', 'phq9@1.0.0']);
    expect(check.unchecked).toEqual([]);
  });

  it('keeps a plan without vectors valid, and checks it with the shipped vectors when given them', () => {
    const older = built();
    delete older.vectors;
    expect(parsePlan(older).ok).toBe(true);
    expect(checkPlanVectors(older).unchecked.length).toBe(4);
    expect(checkPlanVectors(older, shippedCatalog().vectors).checked.length).toBe(4);
  });

  it('refuses vectors for an instrument the plan does not embed', () => {
    const plan = built();
    const extra = { ...vectorsFor(shippedCatalog(), shippedInstrument('who5'))! };
    const parsed = parsePlan({ ...plan, vectors: [...plan.vectors!, extra] });
    expect(parsed.ok ? [] : parsed.issues.map((found) => [found.code, found.path.join('.')])).toEqual([['unresolved_ref', `vectors.${plan.vectors!.length}`]]);
  });

  it('reports a mismatch at the plan path of the vectors that failed', () => {
    const plan = structuredClone(built());
    const index = plan.vectors!.findIndex((file) => file.id === 'asq');
    expectation(plan.vectors![index]!, 'q1-yes').flags.acute = true;
    const { issues } = checkPlanVectors(plan);
    expect(issues.map((found) => [found.path.slice(0, 2).join('.'), found.params?.instrument])).toEqual([[`vectors.${index}`, 'ASQ (asq@1.0.0)']]);
  });
});

describe('the vectors schema', () => {
  it('refuses duplicate case ids and unknown keys', () => {
    const vectors = phq9Vectors();
    const parsed = parseVectors({ ...vectors, cases: [...vectors.cases, vectors.cases[0]], extra: 1 });
    expect(parsed.ok ? [] : parsed.issues.map((found) => found.code).sort()).toEqual(['duplicate_id', 'unknown_key']);
  });
});
