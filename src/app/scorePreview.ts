import {
  compileBattery, normsFor, type Answers, type BatteryResult, type Catalog, type Instrument, type Issue, type Respondent, type TierPolicy,
} from '../../scoring/index.ts';

export type PreviewScore =
  | { readonly kind: 'scored'; readonly result: BatteryResult; readonly policy: TierPolicy }
  | { readonly kind: 'rejected'; readonly issues: readonly Issue[] }
  | { readonly kind: 'no_policy' };

/** The library's default tier policy, newest version: the one a school starts from. */
export function defaultPolicyOf(catalog: Catalog): TierPolicy | undefined {
  return catalog.policies.filter((policy) => policy.id === 'default').at(-1);
}

/** A preview student inside the instrument's grade range, so norm groups can apply. */
export const previewRespondent = (def: Instrument, grade: number, sex: Respondent['sex']): Respondent => ({
  id: 'preview',
  grade: Math.min(def.grades.max, Math.max(def.grades.min, grade)),
  sex,
});

/**
 * Scores preview answers exactly as a real response would be: the instrument alone, the library's default
 * policy and the instrument's own norm tables. Pure, so the page and its tests agree.
 */
export function scorePreview(catalog: Catalog, def: Instrument, respondent: Respondent, answers: Answers): PreviewScore {
  const policy = defaultPolicyOf(catalog);
  if (!policy) return { kind: 'no_policy' };
  const scored = compileBattery({ instruments: [def], norms: normsFor(catalog, def), policy }).score({ respondent, answers });
  return scored.ok ? { kind: 'scored', result: scored.value, policy } : { kind: 'rejected', issues: scored.issues };
}
