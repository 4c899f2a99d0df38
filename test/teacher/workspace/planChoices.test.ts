import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { compilePlan, parsePlan, shortRefOf, type Catalog, type NormTable, type TierPolicy } from '../../../scoring/index.ts';
import { ZKioskPlan } from '../../../src/kiosk/kioskPlan.ts';
import { publicKeyFileOf } from '../../../src/records/index.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { loadCustomLibrary, workspaceCatalog } from '../../../src/teacher/workspace/customLibrary.ts';
import { deriveLocalNorms, localNormsId } from '../../../src/teacher/workspace/localNorms.ts';
import { saveNormsOrPolicy } from '../../../src/teacher/workspace/normsPolicyImport.ts';
import { formOfPolicy, nextVersion, policyOfForm } from '../../../src/teacher/workspace/policyForm.ts';
import {
  bandsForGrades, batteryOrder, buildScreeningPlan, defaultSetup, instrumentsForBand, unverifiedInPlan,
  type BandSetup, type PlanDependencies, type ScreeningPlanRequest,
} from '../../../src/teacher/workspace/screeningPlan.ts';
import { testKey } from '../../records/support.ts';
import { defaultPolicy, shippedCatalog } from '../../support/library.ts';
import { PLAN, screenedCohort } from './normsSupport.ts';

const NOW = '2026-11-20T08:00:00.000Z';
const cohort = screenedCohort({ 7: 60, 8: 60, 9: 40 }, 11);
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

const request = (bands?: Readonly<Record<string, BandSetup>>): ScreeningPlanRequest => ({
  id: 'qs-2027-spring', version: '1.0.0', name: { 'zh-CN': '青松中学 2027 春季筛查', en: 'Qingsong 2027 spring screening' }, schoolYear: '2026-2027',
  opens: '2027-03-01', closes: '2027-03-31', pin: '864213', layout: 'question', signInByDetails: false, grades: [7, 8, 9], ...(bands ? { bands } : {}),
});

async function deps(catalog: Catalog): Promise<PlanDependencies> {
  const key = await testKey('青松中学');
  const file = publicKeyFileOf(key.stored);
  return { catalog, recipient: { keyId: file.keyId, name: file.name, publicKey: file.publicKey }, randomBytes: random, existingCodes: new Map(), kdfIterations: 1_000 };
}

/** Local PHQ-9 norms from last autumn's screening and a policy with lower PHQ-9 cut-offs, both published in the school library. */
async function schoolLibrary(): Promise<{ catalog: Catalog; norms: NormTable; policy: TierPolicy }> {
  const db = openTeacherDb(`plan-choices-${Math.random()}`);
  const derived = deriveLocalNorms(cohort.records, shippedCatalog(), {
    plan: PLAN, instrument: 'phq9', grouping: 'band', bySex: false, minGroupSize: 50, id: localNormsId('qingsong', 'phq9', 2026), version: '1.0.0',
    name: { 'zh-CN': '青松中学 2026 PHQ-9 本地常模', en: 'Qingsong 2026 PHQ-9 local norms' }, date: '2026-11-20',
  });
  if (!derived.ok || !derived.value.table) throw new Error('no local norms');
  const form = formOfPolicy(defaultPolicy(), { id: 'qingsong-policy', version: nextVersion('qingsong-policy', []) });
  const policy = policyOfForm({ ...form, rules: form.rules.map((row) => row.id === 'phq9-high' ? { ...row, gte: '12' } : row.id === 'phq9-medium' ? { ...row, gte: '8', lt: '12' } : row) });
  if (!policy.ok) throw new Error(JSON.stringify(policy.issues));
  for (const definition of [derived.value.table, policy.value]) {
    const saved = await saveNormsOrPolicy(db, definition, 'published', NOW, shippedCatalog());
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
  }
  const { rows } = await loadCustomLibrary(db);
  return { catalog: workspaceCatalog(shippedCatalog(), rows), norms: derived.value.table, policy: policy.value };
}

describe('plan builder choices per grade band', () => {
  it('carries a chosen local norm table and an edited policy into the kiosk plan, which validates and scores with them', async () => {
    const { catalog, norms, policy } = await schoolLibrary();
    const built = await buildScreeningPlan(cohort.records, request({ junior: { instruments: ['phq9', 'gad7', 'asq'], norms: [shortRefOf(norms)], policy: shortRefOf(policy) } }), await deps(catalog));
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    const { kioskPlan } = built.value;
    expect(ZKioskPlan.safeParse(kioskPlan).success).toBe(true);
    expect(parsePlan(kioskPlan.plan).ok).toBe(true);
    expect(kioskPlan.plan.norms).toEqual([norms]);
    expect(kioskPlan.plan.policies).toEqual([policy]);
    expect(kioskPlan.plan.gradeBands).toMatchObject([{ id: 'junior', norms: ['local-qingsong-phq9-2026@1.0.0'], policy: 'qingsong-policy@1.0.0' }]);

    // a lab machine scoring with this plan uses the local norms and the lower cut-off
    const answers = { ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i < 6 ? 2 : 0])), phq9_10: 1, ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7_${i + 1}`, 0])), asq_1: 0, asq_2: 0, asq_3: 0, asq_4: 0 };
    const scored = compilePlan(kioskPlan.plan).score({ respondent: { id: 'x', grade: 8, sex: 'female' }, answers });
    if (!scored.ok) throw new Error(JSON.stringify(scored.issues));
    expect(scored.value.used).toMatchObject({ policy: 'qingsong-policy@1.0.0', norms: ['local-qingsong-phq9-2026@1.0.0'] });
    expect(scored.value.tier).toBe('high'); // PHQ-9 = 12: medium under the default policy
    expect(scored.value.instruments[0]?.scales[0]?.norm?.table).toBe('local-qingsong-phq9-2026@1.0.0');
  });

  it('with the default choices builds exactly the plan it built before there were choices', async () => {
    const catalog = shippedCatalog();
    const setups = Object.fromEntries(bandsForGrades([5, 8]).map((band) => [band.id, defaultSetup(catalog, band)]));
    const dependencies = await deps(catalog);
    const withChoices = await buildScreeningPlan(cohort.records, { ...request(setups), grades: [5, 8] }, dependencies);
    const without = await buildScreeningPlan(cohort.records, { ...request(), grades: [5, 8] }, dependencies);
    if (!withChoices.ok || !without.ok) throw new Error('plan');
    expect(withChoices.value.kioskPlan.plan).toEqual(without.value.kioskPlan.plan);
    expect(without.value.kioskPlan.plan.gradeBands.map((band) => band.id)).toEqual(['upper-primary', 'junior']);
  });

  it('offers only instruments whose grade range fits the band, newest version, defaults first, and gives ASQ last', () => {
    const [primary, junior] = bandsForGrades([4, 7]);
    expect(instrumentsForBand(shippedCatalog(), primary!).map((def) => def.id)).toEqual(['k10', 'asq', 'who5']);
    expect(instrumentsForBand(shippedCatalog(), junior!).map((def) => def.id)).toEqual(['phq9', 'gad7', 'asq', 'k10', 'k6', 'who5']);
    expect(batteryOrder(['asq', 'who5', 'phq9'])).toEqual(['who5', 'phq9', 'asq']);
  });

  it('refuses choices that cannot make a sound plan, naming the band and field', async () => {
    const { catalog, norms } = await schoolLibrary();
    const dependencies = await deps(catalog);
    const refused = async (setup: BandSetup) => {
      const outcome = await buildScreeningPlan(cohort.records, request({ junior: setup }), dependencies);
      return outcome.ok ? [] : outcome.issues.map((found) => [found.code, found.path.join('.')]);
    };
    expect(await refused({ instruments: [] })).toEqual([['plan_band_no_instruments', 'bands.junior.instruments']]);
    expect(await refused({ instruments: ['phq9', 'asq'], policy: 'strict@9.0.0' })).toEqual([['plan_library_missing', 'bands.junior.policy']]);
    expect(await refused({ instruments: ['gad7', 'asq'], norms: [shortRefOf(norms)] })).toEqual([['norms_for_other_instrument', 'gradeBands.0.norms.0']]);
    const primary = await buildScreeningPlan(cohort.records, { ...request({ 'upper-primary': { instruments: ['phq9', 'asq'] } }), grades: [5, 8] }, dependencies);
    expect(primary).toMatchObject({ ok: false, issues: [{ code: 'plan_instrument_grades', path: ['bands', 'upper-primary', 'instruments', 0], params: { min: 7, max: 12 } }] });
  });
});

describe('instruments with unverified wording in a plan', () => {
  it('are named once each, in battery order, for every band the plan gives', () => {
    const bands = bandsForGrades([5, 8, 11]);
    const names = unverifiedInPlan(shippedCatalog(), bands, {}).map((def) => `${def.abbreviation} ${def.version}`);
    expect(names).toEqual(['K10 1.0.0', 'ASQ 1.0.0', 'PHQ-9 1.0.0', 'GAD-7 1.0.0']);
    const verified = { ...shippedCatalog(), instruments: shippedCatalog().instruments.map((def) => (def.id === 'asq' ? { ...def, wordingVerified: true } : def)) };
    expect(unverifiedInPlan(verified, bands, { 'upper-primary': { instruments: ['asq'] } }).map((def) => def.id)).toEqual(['phq9', 'gad7']);
  });
});
