import { describe, expect, it } from 'vitest';
import { catalogFromFiles, findInstrument, type Instrument } from '../../scoring/index.ts';
import { defaultPolicyOf, previewRespondent, scorePreview } from '../../src/app/scorePreview.ts';
import { parseRoute, routeHash } from '../../src/app/useHashRoute.ts';
import { readLibraryFiles } from '../../src/library/disk.ts';

const { catalog } = catalogFromFiles(readLibraryFiles());
const instrument = (id: string): Instrument => {
  const found = findInstrument(catalog, id);
  if (!found) throw new Error(`${id} missing`);
  return found;
};
const allAnswered = (def: Instrument, value: number) => Object.fromEntries(def.items.filter((item) => !item.showIf).map((item) => [item.id, value]));

describe('the library preview score', () => {
  it('uses the library default policy', () => {
    expect(defaultPolicyOf(catalog)?.id).toBe('default');
    expect(scorePreview({ ...catalog, policies: [] }, instrument('phq9'), previewRespondent(instrument('phq9'), 8, 'female'), {})).toEqual({ kind: 'no_policy' });
  });

  it('applies the instrument norm tables: K10 gets a T-score and a percentile', () => {
    const k10 = instrument('k10');
    const score = scorePreview(catalog, k10, previewRespondent(k10, 8, 'male'), allAnswered(k10, 3));
    if (score.kind !== 'scored') throw new Error(score.kind);
    const total = score.result.instruments[0]?.scales.find((scale) => scale.id === 'total');
    expect(total?.raw).toBe(30);
    expect(total?.norm?.t).toBeTypeOf('number');
    expect(total?.norm?.percentile).toBeTypeOf('number');
    expect(score.result.used.norms).toHaveLength(1);
  });

  it('flags PHQ-9 item 9 as urgent whatever the total', () => {
    const phq9 = instrument('phq9');
    const score = scorePreview(catalog, phq9, previewRespondent(phq9, 8, 'female'), { ...allAnswered(phq9, 0), phq9_9: 1, phq9_10: 0 });
    expect(score.kind === 'scored' && { tier: score.result.tier, urgent: score.result.flags.urgent }).toEqual({ tier: 'high', urgent: true });
  });

  it('keeps the preview student inside the instrument grade range, so a norm group can apply', () => {
    expect(previewRespondent(instrument('phq9'), 3, 'male').grade).toBe(instrument('phq9').grades.min);
    expect(previewRespondent(instrument('phq9'), 20, 'male').grade).toBe(instrument('phq9').grades.max);
  });
});

describe('page routes', () => {
  it('round-trips a preview route through the URL hash and falls back to the library', () => {
    const route = { page: 'preview', id: 'phq9', version: '1.0.0' } as const;
    expect(parseRoute(routeHash(route))).toEqual(route);
    expect(parseRoute('')).toEqual({ page: 'library' });
    expect(parseRoute('#/preview/<img>@1')).toEqual({ page: 'library' });
  });
});
