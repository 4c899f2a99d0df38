import type { Sex } from '../schema/common.ts';
import type { Tier, Track } from '../schema/vocabulary.ts';

export type { Track } from '../schema/vocabulary.ts';

export interface Respondent {
  readonly id: string;
  readonly grade: number;
  readonly sex: Sex;
  readonly track?: Track;
}

/** Answers by item id; an absent or null answer is unanswered. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

export interface ResponseInput {
  readonly respondent: Respondent;
  readonly answers: Answers;
  /** Seconds spent on each item (for a page of items: the page's time divided among them). */
  readonly seconds?: Readonly<Record<string, number>>;
}

export interface NormScore {
  readonly table: string;
  readonly group: string;
  readonly n: number;
  readonly t: number;
  readonly percentile: number;
  readonly percentileMethod: 'table' | 'normal';
}

export interface ScaleResult {
  readonly id: string;
  /** null when too many items are missing for the instrument's missing-item rule. */
  readonly raw: number | null;
  readonly answered: number;
  readonly missing: number;
  readonly prorated: boolean;
  readonly band?: string;
  readonly norm?: NormScore;
  /** Why there is no T-score or percentile, when a norm table was given but did not apply. */
  readonly normMissing?: 'no_table' | 'no_group';
}

export interface CriticalHit {
  readonly id: string;
  readonly instrument: string;
  readonly flag: 'urgent' | 'acute';
  /** 'answer' when the answer met the rule; 'unanswered' when a missing or refused answer counts as positive. */
  readonly because: 'answer' | 'unanswered';
}

export interface InstrumentResult {
  /** `id@version#sha256` of the exact definition used. */
  readonly instrument: string;
  readonly scales: readonly ScaleResult[];
  readonly critical: readonly CriticalHit[];
}

export type TierReason =
  | { readonly kind: 'rule'; readonly rule: string; readonly tier: Tier; readonly instrument: string; readonly scale: string; readonly measure: string; readonly value: number | string }
  | { readonly kind: 'critical'; readonly id: string; readonly instrument: string; readonly flag: 'urgent' | 'acute'; readonly because: 'answer' | 'unanswered' };

export type ValidityStatus = 'ok' | 'questionable' | 'invalid';
export interface ValidityReason {
  readonly code: 'too_fast' | 'many_fast_items' | 'long_string' | 'long_string_contradicts_reverse_keys' | 'inconsistent_pairs' | 'scale_not_scorable';
  readonly status: Exclude<ValidityStatus, 'ok'>;
  readonly instrument?: string;
  readonly detail?: Readonly<Record<string, number | string>>;
}
export interface Validity {
  readonly status: ValidityStatus;
  readonly reasons: readonly ValidityReason[];
  /** An invalid result asks for a re-test; its flags still stand. */
  readonly retest: boolean;
}

export interface BatteryResult {
  readonly respondent: Respondent;
  readonly instruments: readonly InstrumentResult[];
  readonly tier: Tier;
  readonly flags: { readonly urgent: boolean; readonly acute: boolean };
  readonly reasons: readonly TierReason[];
  readonly validity: Validity;
  /** Every input the result depends on, so it can be reproduced. */
  readonly used: { readonly policy: string; readonly norms: readonly string[]; readonly plan?: string; readonly gradeBand?: string };
}
