import type { Band } from '../schema/instrument.ts';
import { scoredValue, type AnswerVector, type CompiledScale } from './compileInstrument.ts';

export interface RawScaleScore {
  readonly raw: number | null;
  readonly answered: number;
  readonly missing: number;
  readonly prorated: boolean;
}

/**
 * Sum or mean of the scale's items after reverse keying, under the instrument's missing-item rule.
 * A prorated sum is the mean of the answered items times the scale length, rounded to the nearest
 * whole point (half up), as the PHQ and K10 scoring guides do.
 */
export function scoreScale(scale: CompiledScale, answers: AnswerVector): RawScaleScore {
  let sum = 0;
  let answered = 0;
  for (const item of scale.items) {
    const value = scoredValue(item, answers[item.slot]);
    if (value === undefined) continue;
    sum += value;
    answered += 1;
  }
  const length = scale.items.length;
  const missing = length - answered;
  const allowedMissing = scale.missing.rule === 'prorate' ? scale.missing.maxMissing : 0;
  if (missing > allowedMissing || answered === 0) return { raw: null, answered, missing, prorated: false };
  const prorated = missing > 0;
  let raw: number;
  if (scale.method === 'mean') raw = sum / answered;
  else raw = prorated ? Math.floor((sum / answered) * length + 0.5) : sum;
  return { raw: raw * scale.multiplier, answered, missing, prorated };
}

/** The band holding a score; bands are half-open [gte, lt), so exactly one holds any covered score. */
export function bandOf(bands: readonly Band[], raw: number): Band | undefined {
  return bands.find((band) => raw >= band.gte && (band.lt === undefined || raw < band.lt));
}
