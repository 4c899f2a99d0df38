import { describe, expect, it } from 'vitest';
import { formatIssue, runVectors, shortRefOf, vectorsFor } from '../../scoring/index.ts';
import { readLibraryFiles } from '../../src/library/disk.ts';
import { defaultPolicy, shippedCatalog } from '../support/library.ts';

describe('conformance vectors shipped with the library', () => {
  it('sits next to every instrument version, as <id>/<version>.vectors.json', () => {
    const paths = readLibraryFiles().map((file) => file.path);
    for (const def of shippedCatalog().instruments) expect(paths, shortRefOf(def)).toContain(`${def.id}/${def.version}.vectors.json`);
    for (const file of readLibraryFiles()) {
      const json = file.json as { kind: string; id: string; version: string };
      if (json.kind === 'vectors') expect(file.path).toBe(`${json.id}/${json.version}.vectors.json`);
    }
  });

  for (const def of shippedCatalog().instruments) {
    it(`${shortRefOf(def)}: every case gives what the published rules give, under the default policy`, () => {
      const vectors = vectorsFor(shippedCatalog(), def);
      expect(vectors).toBeDefined();
      const issues = runVectors(def, vectors!, defaultPolicy());
      expect(issues.map((found) => formatIssue(found, 'en'))).toEqual([]);
    });
  }

  it('cover the band edges, a missing item and, where the instrument has them, every critical item', () => {
    for (const def of shippedCatalog().instruments) {
      const vectors = vectorsFor(shippedCatalog(), def)!;
      const results = vectors.cases.flatMap((entry) => ('rejected' in entry.expect ? [] : [{ entry, expect: entry.expect }]));
      for (const scale of def.scales) {
        const step = scale.multiplier ?? 1;
        for (const band of scale.bands ?? []) {
          const lowest = Math.ceil(band.gte / step) * step; // the lowest score the band can hold
          const hit = results.some(({ expect }) => expect.scales[scale.id]?.band === band.id && expect.scales[scale.id]?.raw === lowest);
          expect(hit, `${def.id} ${scale.id} lower edge of ${band.id}`).toBe(true);
        }
      }
      const withMissing = results.some(({ entry }) => def.items.some((item) => !item.showIf && entry.answers[item.id] === undefined));
      expect(withMissing, `${def.id} has a missing-item case`).toBe(true);
      for (const rule of def.critical ?? []) expect(results.some(({ expect }) => expect.critical.includes(rule.id)), `${def.id} ${rule.id}`).toBe(true);
      expect(vectors.cases.some((entry) => 'rejected' in entry.expect), `${def.id} has a refused answer`).toBe(true);
    }
  });
});
