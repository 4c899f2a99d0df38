import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { parseNormTable } from '../../../scoring/index.ts';
import { describeIssue } from '../../../src/issueMessages.ts';
import type { StudentRecord } from '../../../src/records/index.ts';
import { deriveLocalNorms, instrumentsOfScreening, localNormsId, schoolSlug, yearOfScreening, type LocalNormsRequest } from '../../../src/teacher/workspace/localNorms.ts';
import { shippedCatalog } from '../../support/library.ts';
import { PLAN, screenedCohort } from './normsSupport.ts';

const cohort = screenedCohort({ 7: 70, 8: 60, 9: 25, 10: 40, 11: 12 });

const request = (overrides: Partial<LocalNormsRequest> = {}): LocalNormsRequest => ({
  plan: PLAN, instrument: 'phq9', grouping: 'band', bySex: false, minGroupSize: 50,
  id: localNormsId('Qingsong Middle School', 'phq9', 2026), version: '1.0.0',
  name: { 'zh-CN': '青松中学 2026 PHQ-9 本地常模', en: 'Qingsong 2026 PHQ-9 local norms' }, date: '2026-11-20', ...overrides,
});

/** PHQ-9 totals straight from the answers: the sum of items 1–9 (every item was answered). */
function phqTotals(records: readonly StudentRecord[], keep: (grade: number, sex: string) => boolean, validity: readonly string[] = ['ok']): number[] {
  return records.flatMap((record) => record.waves.flatMap((wave) => {
    const result = wave.results[0]?.result;
    if (wave.status !== 'completed' || !result || !validity.includes(result.validity.status) || !keep(wave.grade, record.identity.sex)) return [];
    return [Array.from({ length: 9 }, (_, i) => wave.answers[`phq9_${i + 1}`] ?? 0).reduce((a, b) => a + b, 0)];
  }));
}
const round3 = (value: number) => Number(value.toFixed(3));

describe('local norms from a past screening', () => {
  it('pools grade bands: n, mean and SD per group equal those of the raw scores; a small band is refused by name', () => {
    const derived = deriveLocalNorms(cohort.records, shippedCatalog(), request());
    if (!derived.ok) throw new Error(JSON.stringify(derived.issues));
    const { table, groups, excluded } = derived.value;
    expect(table?.id).toBe('local-qingsong-middle-school-phq9-2026');
    expect(parseNormTable(table).ok).toBe(true);
    expect(table).toMatchObject({ instrument: 'phq9', instrumentVersions: ['1.0.0'], derived: { date: '2026-11-20', minGroupSize: 50 } });

    const junior = phqTotals(cohort.records, (grade) => grade <= 9);
    const [group] = table?.scales.total ?? [];
    expect(group?.group).toEqual({ grades: [7, 8, 9], sex: 'any' });
    expect(group?.n).toBe(junior.length);
    expect(group?.mean).toBe(round3(mean(junior)));
    expect(group?.sd).toBe(round3(sampleStandardDeviation(junior)));
    expect(table?.scales.total).toHaveLength(1);

    const senior = phqTotals(cohort.records, (grade) => grade >= 10);
    expect(senior.length).toBeLessThan(50);
    expect(groups).toEqual([
      { scale: 'total', grades: [7, 8, 9], sex: 'any', n: junior.length, status: 'derived', mean: group?.mean, sd: group?.sd },
      { scale: 'total', grades: [10, 11, 12], sex: 'any', n: senior.length, status: 'too_small' },
    ]);
    // declined, invalid (too fast) and questionable students are left out and counted
    expect(excluded.declined).toBeGreaterThan(0);
    expect(excluded.invalid).toBeGreaterThan(0);
    expect(excluded.questionable).toBeGreaterThan(0);
    expect(derived.value.cohort).toBe(junior.length + senior.length);
  });

  it('splits by single grade and sex; every group has the n of its raw scores, and groups under the minimum are listed', () => {
    const derived = deriveLocalNorms(cohort.records, shippedCatalog(), request({ grouping: 'grade', bySex: true, minGroupSize: 25, instrument: 'gad7', includeQuestionable: true }));
    if (!derived.ok) throw new Error(JSON.stringify(derived.issues));
    const gadTotals = (grade: number, sex: string) => cohort.records.flatMap((record) => record.waves.flatMap((wave) => {
      const result = wave.results[0]?.result;
      if (wave.grade !== grade || record.identity.sex !== sex || !result || result.validity.status === 'invalid') return [];
      return [Array.from({ length: 7 }, (_, i) => wave.answers[`gad7_${i + 1}`] ?? 0).reduce((a, b) => a + b, 0)];
    }));
    expect(derived.value.groups.map((group) => [group.grades.join(), group.sex])).toEqual(
      [7, 8, 9, 10, 11].flatMap((grade) => [[String(grade), 'female'], [String(grade), 'male']]));
    for (const report of derived.value.groups) {
      const raws = gadTotals(report.grades[0] ?? 0, report.sex);
      expect(report.n, `${report.grades.join()} ${report.sex}`).toBe(raws.length);
      if (report.status === 'derived') {
        expect(report.mean).toBe(round3(mean(raws)));
        expect(report.sd).toBe(round3(sampleStandardDeviation(raws)));
      } else expect(raws.length).toBeLessThan(25);
    }
    const small = derived.value.groups.filter((group) => group.status === 'too_small').map((group) => `${group.grades.join()}/${group.sex}`);
    expect(small).toEqual(expect.arrayContaining(['11/female', '11/male']));
    expect(derived.value.table?.scales.total?.map((group) => `${group.group.grades.join()}/${group.group.sex}`).sort())
      .toEqual(derived.value.groups.filter((group) => group.status === 'derived').map((group) => `${group.grades.join()}/${group.sex}`).sort());
  });

  it('derives nothing when no group is large enough, and says so in both languages', () => {
    const derived = deriveLocalNorms(cohort.records, shippedCatalog(), request({ minGroupSize: 500 }));
    if (!derived.ok) throw new Error(JSON.stringify(derived.issues));
    expect(derived.value.table).toBeUndefined();
    expect(derived.value.groups.every((group) => group.status === 'too_small')).toBe(true);
    expect(derived.value.issues.map((found) => found.code)).toEqual(['no_norm_group_large_enough']);
    expect(describeIssue(derived.value.issues[0]!, 'zh-CN')).toContain('500');
  });

  it('refuses what cannot give norms: a screening without answers, an instrument without scales, a silly minimum', () => {
    expect(deriveLocalNorms(cohort.records, shippedCatalog(), request({ plan: 'other@1.0.0' }))).toMatchObject({ ok: false, issues: [{ code: 'norms_no_waves' }] });
    expect(deriveLocalNorms(cohort.records, shippedCatalog(), request({ instrument: 'asq' }))).toMatchObject({ ok: false, issues: [{ code: 'norms_instrument_no_scales' }] });
    expect(deriveLocalNorms(cohort.records, shippedCatalog(), request({ minGroupSize: 1 }))).toMatchObject({ ok: false, issues: [{ code: 'norms_min_group_invalid', path: ['minGroupSize'] }] });
    const withoutPhq = { ...shippedCatalog(), instruments: shippedCatalog().instruments.filter((def) => def.id !== 'phq9') };
    expect(deriveLocalNorms(cohort.records, withoutPhq, request())).toMatchObject({ ok: false, issues: [{ code: 'norms_instrument_missing', params: { ref: expect.stringMatching(/^phq9@1\.0\.0#/) } }] });
  });

  it('names the table after the school, instrument and year of the screening', () => {
    expect(instrumentsOfScreening(cohort.records, PLAN)).toEqual(['phq9', 'gad7', 'asq']);
    expect(yearOfScreening(cohort.records, PLAN)).toBe(2026);
    expect(schoolSlug('青松中学')).toBe('school');
    expect(schoolSlug('4401060001')).toBe('s4401060001');
    expect(localNormsId('No. 2 Middle School', 'gad7', 2025)).toBe('local-no-2-middle-school-gad7-2025');
  });
});
