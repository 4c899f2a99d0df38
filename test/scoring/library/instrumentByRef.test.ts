import { describe, expect, it } from 'vitest';
import { buildCatalog, instrumentByRef, refOf } from '../../../scoring/index.ts';
import { shippedCatalog } from '../../support/library.ts';

describe('instrumentByRef', () => {
  const catalog = shippedCatalog();

  it('finds every instrument by its exact id@version#sha256', () => {
    for (const def of catalog.instruments) expect(instrumentByRef(catalog, refOf(def))).toBe(def);
  });

  it('finds nothing for another hash, a bare id@version or an unknown id', () => {
    const phq9 = catalog.instruments.find((def) => def.id === 'phq9')!;
    const ref = refOf(phq9);
    expect(instrumentByRef(catalog, `${ref.slice(0, -1)}${ref.endsWith('0') ? '1' : '0'}`)).toBeUndefined();
    expect(instrumentByRef(catalog, 'phq9@1.0.0')).toBeUndefined();
    expect(instrumentByRef(catalog, 'nope@1.0.0#' + '0'.repeat(64))).toBeUndefined();
  });

  it('answers for each catalog from its own instruments, even when an id and version repeat with other content', () => {
    const phq9 = catalog.instruments.find((def) => def.id === 'phq9')!;
    const edited = { ...phq9, name: { ...phq9.name, en: `${phq9.name.en} (school edit)` } };
    const other = buildCatalog({ ...catalog, instruments: [edited] });
    expect(instrumentByRef(other, refOf(edited))).toBe(edited);
    expect(instrumentByRef(other, refOf(phq9))).toBeUndefined();
    expect(instrumentByRef(catalog, refOf(edited))).toBeUndefined();
  });
});
