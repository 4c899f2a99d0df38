import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkPlanVectors, vectorsFor, type Instrument } from '../../../scoring/index.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { saveDefinition, workspaceCatalog } from '../../../src/teacher/workspace/customLibrary.ts';
import { assemblePlan } from '../../../src/teacher/workspace/screeningPlan.ts';
import { importVectors, looksLikeVectors } from '../../../src/teacher/workspace/vectorsImport.ts';
import { shippedCatalog, shippedInstrument } from '../../support/library.ts';

let dbCounter = 0;
const freshDb = () => openTeacherDb(`vectors-import-${(dbCounter += 1)}`);
const NOW = '2026-12-04T10:00:00.000Z';

/** The school's own PHQ-9 version (same scoring as the shipped one, unless changed). */
const schoolPhq9 = (version: string, change: (def: Instrument) => void = () => undefined): Instrument => {
  const def = { ...structuredClone(shippedInstrument('phq9')), version };
  change(def);
  return def;
};
const vectorsText = (version: string) => JSON.stringify({ ...vectorsFor(shippedCatalog(), shippedInstrument('phq9')), version });

describe('conformance vectors for a school instrument', () => {
  it('are checked against the published school version and kept; plans built from the workspace carry and pass them', async () => {
    const db = freshDb();
    expect((await saveDefinition(db, schoolPhq9('1.1.0'), 'published', NOW)).ok).toBe(true);
    const text = vectorsText('1.1.0');
    expect(looksLikeVectors(text)).toBe(true);
    const imported = await importVectors(db, shippedCatalog(), text, NOW);
    expect(imported.ok ? imported.value.row.key : imported.issues).toBe('vectors:phq9@1.1.0');

    const catalog = workspaceCatalog(shippedCatalog(), await db.library.toArray());
    const plan = assemblePlan(catalog, { id: 'school', version: '1.0.0', name: { 'zh-CN': '本校', en: 'School' }, schoolYear: '2026-2027', window: { opens: '2026-09-01', closes: '2027-07-15' } },
      [{ id: 'junior', name: { 'zh-CN': '初中', en: 'Junior' }, grades: [7, 8, 9], instruments: ['phq9', 'asq'] }], {});
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    expect(plan.value.vectors?.map((file) => `${file.id}@${file.version}`).sort()).toEqual(['asq@1.0.0', 'phq9@1.1.0']);
    expect(checkPlanVectors(plan.value).issues).toEqual([]);
  });

  it('are refused, naming instrument and case, when the school version scores differently', async () => {
    const db = freshDb();
    const moved = schoolPhq9('1.2.0', (def) => {
      const bands = def.scales[0]!.bands!;
      bands[2] = { ...bands[2]!, lt: 16 };
      bands[3] = { ...bands[3]!, gte: 16 };
    });
    await saveDefinition(db, moved, 'published', NOW);
    const imported = await importVectors(db, shippedCatalog(), vectorsText('1.2.0'), NOW);
    expect(imported.ok ? [] : imported.issues.map((found) => [found.code, found.params?.instrument, found.params?.case])).toEqual([
      ['vector_mismatch', 'PHQ-9 (phq9@1.2.0)', 'edge-15'],
    ]);
    expect(await db.library.get('vectors:phq9@1.2.0')).toBeUndefined();
  });

  it('are refused for a shipped version, an unknown instrument and a file of another kind', async () => {
    const db = freshDb();
    const codes = async (text: string) => {
      const done = await importVectors(db, shippedCatalog(), text, NOW);
      return done.ok ? [] : done.issues.map((found) => found.code);
    };
    expect(await codes(vectorsText('1.0.0'))).toEqual(['vectors_instrument_shipped']);
    expect(await codes(vectorsText('9.9.9'))).toEqual(['vectors_instrument_unknown']);
    expect(await codes(JSON.stringify(shippedInstrument('phq9')))).toEqual(['vectors_import_wrong_kind']);
  });
});
