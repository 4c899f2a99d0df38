import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, buildPlan, checkLock, parsePlan, refOf, scaleRange } from '../../scoring/index.ts';
import { readLibraryFiles, readLock } from '../../src/library/disk.ts';
import { shippedCatalog } from '../support/library.ts';

const SHIPPED = ['asq', 'gad7', 'k10', 'k6', 'phq9', 'who5'];

describe('the instrument library', () => {
  it('validates every shipped file', () => {
    const catalog = shippedCatalog(); // throws with every problem listed
    expect(catalog.instruments.map((def) => def.id)).toEqual(SHIPPED);
    expect(catalog.policies.map((policy) => policy.id)).toContain('default');
  });

  it('keeps every published file identical to its hash in LOCK.json', () => {
    const drift = checkLock(readLibraryFiles(), readLock());
    expect(drift).toEqual([]);
  });

  it('files each definition at <id>/<version>.json and norms at <instrument>/norms/<id>.json', () => {
    for (const file of readLibraryFiles()) {
      const json = file.json as { kind: string; id: string; version: string; instrument?: string };
      if (json.kind === 'instrument') expect(file.path).toBe(`${json.id}/${json.version}.json`);
      if (json.kind === 'norms') expect(file.path).toBe(`${json.instrument}/norms/${json.id}.json`);
      if (json.kind === 'policy') expect(file.path).toBe(`policies/${json.id}/${json.version}.json`);
    }
  });

  it('carries source, licence notice and wording status with every instrument, in both languages', () => {
    for (const def of shippedCatalog().instruments) {
      expect(def.source.citation.length, def.id).toBeGreaterThan(20);
      expect(def.licence.notice['zh-CN'], def.id).toMatch(/[\u4e00-\u9fff]/);
      expect(def.licence.notice.en, def.id).toMatch(/[a-z]/);
      for (const item of def.items) expect(item.text['zh-CN'], item.id).toMatch(/[\u4e00-\u9fff]/);
      if (!def.wordingVerified) expect(def.wordingNotes, `${def.id} must say what is unverified`).toBeTruthy();
    }
  });

  it('gives scale ranges the publications state', () => {
    const range = (id: string, scale: string) => {
      const def = shippedCatalog().instruments.find((d) => d.id === id);
      const found = def?.scales.find((s) => s.id === scale);
      return def && found && scaleRange(def, found);
    };
    expect(range('phq9', 'total')).toEqual({ min: 0, max: 27 });
    expect(range('gad7', 'total')).toEqual({ min: 0, max: 21 });
    expect(range('k10', 'total')).toEqual({ min: 10, max: 50 });
    expect(range('k6', 'total')).toEqual({ min: 0, max: 24 });
    expect(range('who5', 'raw')).toEqual({ min: 0, max: 25 });
    expect(range('who5', 'percent')).toEqual({ min: 0, max: 100 });
  });

  it('covers every grade band with a default battery whose instruments suit those grades', () => {
    const built = buildPlan(shippedCatalog(), {
      id: 'default-check', version: '1.0.0', name: { 'zh-CN': '检查', en: 'Check' }, schoolYear: '2026-2027',
      window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
    });
    if (!('plan' in built)) throw new Error(`missing ${built.missing}`);
    const parsed = parsePlan(built.plan);
    expect(parsed.ok ? 'valid' : parsed.issues).toBe('valid');
    for (const grade of [4, 5, 6, 7, 8, 9, 10, 11, 12]) expect(built.plan.gradeBands.some((b) => b.grades.includes(grade) && !b.track), `grade ${grade}`).toBe(true);
    for (const grade of [10, 11, 12]) expect(built.plan.gradeBands.some((b) => b.grades.includes(grade) && b.track === 'vocational')).toBe(true);
    for (const band of built.plan.gradeBands) {
      for (const ref of band.instruments) {
        const def = built.plan.instruments.find((d) => refOf(d) === ref);
        expect(def, ref).toBeDefined();
        for (const grade of band.grades) expect(grade >= def!.grades.min && grade <= def!.grades.max, `${ref} in grade ${grade}`).toBe(true);
      }
    }
    expect(built.plan.gradeBands.find((b) => b.id === 'upper-primary')?.norms).toEqual(['k10-cn-students-2019@1.0.0']);
  });
});
