import { describe, expect, it } from 'vitest';
import { buildCatalog, shortRefOf, type NormTable, type TierPolicy } from '../../../scoring/index.ts';
import { ORIGINAL_RESULT } from '../../../src/records/index.ts';
import { deriveLocalNorms, localNormsId } from '../../../src/teacher/workspace/localNorms.ts';
import { defaultRescoreNorms, rescoreScreening } from '../../../src/teacher/workspace/rescoreScreening.ts';
import { waveOfPlan } from '../../../src/teacher/workspace/summary.ts';
import { shippedCatalog } from '../../support/library.ts';
import { PLAN, screenedCohort } from './normsSupport.ts';
import { testContext } from './support.ts';

const cohort = screenedCohort({ 7: 70, 8: 60 });

function localTable(): NormTable {
  const derived = deriveLocalNorms(cohort.records, shippedCatalog(), {
    plan: PLAN, instrument: 'phq9', grouping: 'band', bySex: false, minGroupSize: 50,
    id: localNormsId('Qingsong', 'phq9', 2026), version: '1.0.0', name: { 'zh-CN': '本校 PHQ-9 常模', en: 'School PHQ-9 norms' }, date: '2026-11-20',
  });
  if (!derived.ok || !derived.value.table) throw new Error('no local norms');
  return derived.value.table;
}

/** The default policy plus: a PHQ-9 total 1.5 SD above the school's own mean is high. */
function tPolicy(): TierPolicy {
  const shipped = shippedCatalog().policies[0]!;
  return { ...shipped, id: 'school-t', version: '1.0.0', rules: [...shipped.rules, { id: 'phq9-t-high', tier: 'high', instrument: 'phq9', scale: 'total', measure: 't', gte: 65 }] };
}

describe('re-scoring a screening with new norms and policy', () => {
  const table = localTable();
  const policy = tPolicy();
  const shipped = shippedCatalog();
  const catalog = buildCatalog({ instruments: shipped.instruments, norms: [...shipped.norms, table], policies: [...shipped.policies, policy] });
  const request = { plan: PLAN, norms: [shortRefOf(table)], policy: shortRefOf(policy), label: '2026 本校常模' };

  it('adds a labelled result to every completed wave, with T-scores from the new table, and keeps the original first', () => {
    const report = rescoreScreening(cohort.records, catalog, request, testContext());
    const completed = cohort.records.filter((record) => waveOfPlan(record, PLAN)?.status === 'completed');
    expect(report.rescored).toBe(completed.length);
    expect(report.changed.length).toBe(completed.length);
    expect(report.problems).toEqual([]);
    const group = table.scales.total?.[0];
    expect(group?.group.grades).toEqual([7, 8, 9]);
    let checkedT = 0;
    for (const record of report.changed) {
      const wave = waveOfPlan(record, PLAN)!;
      expect(wave.results.map((result) => result.label)).toEqual([ORIGINAL_RESULT, '2026 本校常模']);
      const before = waveOfPlan(cohort.records.find((candidate) => candidate.id === record.id)!, PLAN)!;
      expect(wave.results[0]).toEqual(before.results[0]);
      const phq = wave.results[1]!.result.instruments.find((entry) => entry.instrument.startsWith('phq9@'))!;
      const total = phq.scales.find((scale) => scale.id === 'total')!;
      if (group && total.raw !== null) {
        // T = 50 + 10 (raw − mean) / SD, to one decimal
        expect(Math.abs((total.norm?.t ?? NaN) - (50 + (10 * (total.raw - group.mean)) / group.sd))).toBeLessThanOrEqual(0.05 + 1e-9);
        checkedT += 1;
      }
      expect(record.audit.at(-1)).toMatchObject({ action: 'rescored', detail: expect.stringContaining(shortRefOf(table)) });
    }
    expect(checkedT).toBeGreaterThan(100);
  });

  it('names the students whose tier the new scoring changes, and every one of them truly changed', () => {
    const report = rescoreScreening(cohort.records, catalog, request, testContext());
    expect(report.tierChanges.length).toBeGreaterThan(0);
    const byName = new Map(report.changed.map((record) => [record.identity.name, waveOfPlan(record, PLAN)!]));
    for (const change of report.tierChanges) {
      const wave = byName.get(change.name)!;
      expect([wave.results[0]?.result.tier, wave.results[1]?.result.tier]).toEqual([change.from, change.to]);
      expect(change.to).toBe('high'); // the only rule added raises tiers
    }
    const unchanged = report.changed.filter((record) => !report.tierChanges.some((change) => change.name === record.identity.name));
    for (const record of unchanged) {
      const wave = waveOfPlan(record, PLAN)!;
      expect(wave.results[1]?.result.tier).toBe(wave.results[0]?.result.tier);
    }
  });

  it('changes nothing when run again with the same label, and refuses the same label for different scoring', () => {
    const once = rescoreScreening(cohort.records, catalog, request, testContext());
    const byId = new Map(cohort.records.map((record) => [record.id, record]));
    for (const record of once.changed) byId.set(record.id, record);
    const again = rescoreScreening([...byId.values()], catalog, request, testContext());
    expect(again.changed).toEqual([]);
    expect(again.rescored).toBe(once.rescored);
    const other = rescoreScreening([...byId.values()], catalog, { ...request, norms: [] }, testContext());
    expect(other.changed).toEqual([]);
    expect(other.problems.length).toBeGreaterThan(0);
    expect(other.problems.every((problem) => problem.issue.code === 'rescore_label_taken')).toBe(true);
  });
});

describe('the norms a re-scoring starts from', () => {
  const derived = localTable();
  const shipped = shippedCatalog();
  const k10 = shipped.norms[0]!;
  // a published PHQ-9 table the screening was scored with (a copy of the shipped K10 table's origin)
  const published = { ...Object.fromEntries(Object.entries(derived).filter(([key]) => key !== 'derived')), id: 'published-phq9', version: '1.0.0', source: k10.source } as NormTable;
  const usedPublished = cohort.records.map((record) => ({
    ...record,
    waves: record.waves.map((wave) => ({ ...wave, results: wave.results.map((entry) => ({ ...entry, result: { ...entry.result, used: { ...entry.result.used, norms: [shortRefOf(published)] } } })) })),
  }));

  it('keeps the tables the screening used, for instruments the school has no table of its own for', () => {
    const catalog = buildCatalog({ ...shipped, norms: [...shipped.norms, published] });
    expect(defaultRescoreNorms(usedPublished, PLAN, catalog)).toEqual([shortRefOf(published)]);
  });

  it('puts the school\'s derived table in the place of the used one for the same instrument, and offers nothing for instruments not screened', () => {
    const catalog = buildCatalog({ ...shipped, norms: [...shipped.norms, published, derived] });
    expect(defaultRescoreNorms(usedPublished, PLAN, catalog)).toEqual([shortRefOf(derived)]);
    expect(defaultRescoreNorms(usedPublished, PLAN, catalog)).not.toContain(shortRefOf(k10)); // K10 was not in this screening
  });
});

