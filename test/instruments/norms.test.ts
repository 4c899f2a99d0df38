import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../support/library.ts';

describe('published norm tables', () => {
  it('hold the CES-D urban norm for ages 11–18 by sex as printed in 章婕 et al. 2010, Table 3', () => {
    const table = shippedCatalog().norms.find((candidate) => candidate.id === 'cesd-cn-urban-2010');
    expect(table?.source?.citation).toContain('中国心理卫生杂志 (Chinese Mental Health Journal). 2010;24(2):139-143');
    const groups = table?.scales.total?.map(({ group, n, mean, sd }) => ({ ...group, n, mean, sd }));
    expect(groups).toEqual([
      { grades: [7, 8, 9, 10, 11, 12], sex: 'male', n: 2401, mean: 12.96, sd: 10.28 },
      { grades: [7, 8, 9, 10, 11, 12], sex: 'female', n: 2622, mean: 13.9, sd: 10.67 },
    ]);
    for (const group of table?.scales.total ?? []) {
      // the paper groups by age and gives no percentile points for this group: both are said
      expect(group.describes?.['zh-CN']).toContain('7～12 年级');
      expect(group.describes?.en).toContain('normal curve');
      expect(group.percentiles).toBeUndefined();
    }
  });

  it('name the instrument of a table that the library does not ship (a school imports its own CES-D)', () => {
    const shipped = new Set(shippedCatalog().instruments.map((def) => def.id));
    const orphans = shippedCatalog().norms.filter((table) => !shipped.has(table.instrument)).map((table) => table.id);
    expect(orphans).toEqual(['cesd-cn-urban-2010']);
  });
});
