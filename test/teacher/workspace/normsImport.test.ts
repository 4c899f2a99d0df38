import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssueWithPath } from '../../../src/issueMessages.ts';
import { openTeacherDb } from '../../../src/store/teacherDb.ts';
import { loadCustomLibrary, workspaceCatalog } from '../../../src/teacher/workspace/customLibrary.ts';
import { importNormsOrPolicy, saveNormsOrPolicy } from '../../../src/teacher/workspace/normsPolicyImport.ts';
import { defaultPolicy, shippedCatalog } from '../../support/library.ts';

const NOW = '2026-11-20T08:00:00.000Z';
let dbCounter = 0;
const freshDb = () => openTeacherDb(`norms-import-${(dbCounter += 1)}`);

const k10Norms = JSON.parse(readFileSync('instruments/k10/norms/k10-cn-students-2019.json', 'utf8')) as Record<string, unknown>;
const schoolK10 = { ...k10Norms, id: 'k10-qingsong-2025', name: { 'zh-CN': '青松中学 K10 常模', en: 'Qingsong K10 norms' } };
const schoolPolicy = { ...defaultPolicy(), id: 'qingsong-policy', rules: defaultPolicy().rules.filter((rule) => rule.instrument !== 'k6') };

describe('importing a norm table or tier policy file', () => {
  it('saves a valid norm table and policy into the school library, where the workspace catalog picks them up', async () => {
    const db = freshDb();
    const shipped = shippedCatalog();
    expect(await importNormsOrPolicy(db, JSON.stringify(schoolK10), 'published', NOW, shipped, shipped)).toMatchObject({ ok: true, value: { key: 'norms:k10-qingsong-2025@1.0.0', status: 'published' } });
    expect(await importNormsOrPolicy(db, `\uFEFF${JSON.stringify(schoolPolicy)}`, 'draft', NOW, shipped, shipped)).toMatchObject({ ok: true, value: { status: 'draft' } });
    const { rows } = await loadCustomLibrary(db);
    const catalog = workspaceCatalog(shipped, rows);
    expect(catalog.norms.map((table) => table.id)).toContain('k10-qingsong-2025');
    expect(catalog.policies.map((policy) => policy.id)).not.toContain('qingsong-policy'); // drafts are never used
  });

  it('rejects a broken file with the JSON path of each problem, in Chinese and English, and changes nothing', async () => {
    const db = freshDb();
    const shipped = shippedCatalog();
    await importNormsOrPolicy(db, JSON.stringify(schoolK10), 'published', NOW, shipped, shipped);
    const before = await db.library.toArray();
    const broken = { ...schoolK10, version: '1.1.0', scales: { total: [{ group: { grades: [4, 5], sex: 'any' }, n: 300, mean: 20, sd: -3 }] } };
    const outcome = await importNormsOrPolicy(db, JSON.stringify(broken), 'published', NOW, shipped, shipped);
    if (outcome.ok) throw new Error('accepted a negative SD');
    expect(outcome.issues[0]?.path).toEqual(['scales', 'total', 0, 'sd']);
    expect(describeIssueWithPath(outcome.issues[0]!, 'zh-CN')).toMatch(/^scales\.total\[0\]\.sd: .*[\u4e00-\u9fff]/);
    expect(describeIssueWithPath(outcome.issues[0]!, 'en')).toMatch(/^scales\.total\[0\]\.sd: [A-Z]/);
    expect(await db.library.toArray()).toEqual(before);

    const cases: [string, string, unknown[]][] = [
      ['{"kind": "norms", ', 'json_syntax', []],
      [readFileSync('instruments/phq9/1.0.0.json', 'utf8'), 'norms_import_wrong_kind', ['kind']],
      [JSON.stringify(defaultPolicy()), 'library_already_shipped', ['version']],
      [JSON.stringify({ ...defaultPolicy(), rules: [] }), 'library_shipped_conflict', ['version']],
      [JSON.stringify({ ...schoolK10, id: 'k11-norms', instrument: 'k11' }), 'norms_instrument_unknown', ['instrument']],
      [JSON.stringify({ ...schoolK10, id: 'k10-other', scales: { sum: (k10Norms.scales as { total: unknown }).total } }), 'norms_scale_unknown', ['scales', 'sum']],
      [JSON.stringify({ ...schoolPolicy, rules: [{ id: 'x', tier: 'high', instrument: 'gad7', scale: 'sum', measure: 'raw', gte: 12 }] }), 'policy_rule_scale_unknown', ['rules', 0, 'scale']],
      [JSON.stringify({ ...schoolK10, content: 'unexpected' }), 'unknown_key', []],
    ];
    for (const [text, code, path] of cases) {
      const refused = await importNormsOrPolicy(db, text, 'published', NOW, shipped, shipped);
      expect(refused.ok, code).toBe(false);
      if (refused.ok) continue;
      expect(refused.issues[0]?.code, code).toBe(code);
      if (path.length > 0) expect(refused.issues[0]?.path, code).toEqual(path);
    }
    expect(await db.library.toArray()).toEqual(before);
  });

  it('keeps a published version frozen: different content under the same version is refused', async () => {
    const db = freshDb();
    const shipped = shippedCatalog();
    expect((await saveNormsOrPolicy(db, { ...schoolPolicy, version: '1.0.0' }, 'published', NOW, shipped)).ok).toBe(true);
    const changed = { ...schoolPolicy, rules: schoolPolicy.rules.slice(1) };
    expect(await saveNormsOrPolicy(db, changed, 'published', NOW, shipped)).toMatchObject({ ok: false, issues: [{ code: 'library_version_frozen' }] });
    expect((await saveNormsOrPolicy(db, { ...changed, version: '1.1.0' }, 'published', NOW, shipped)).ok).toBe(true);
    expect((await db.library.toArray()).map((row) => row.key).sort()).toEqual(['policy:qingsong-policy@1.0.0', 'policy:qingsong-policy@1.1.0']);
  });
});
