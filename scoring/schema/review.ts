import { z } from 'zod';
import { ZIsoDate } from './common.ts';
import { ZPinnedRef } from './refs.ts';

/** What a wording reviewer compared, one text at a time, and what was found. */
export const REVIEW_FINDINGS = ['matching', 'corrected'] as const;
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number];

/**
 * A school's word-for-word check of an instrument's zh-CN texts against the publisher's own text:
 * who checked, when, against what, which version was checked, and for every text whether it matched
 * or was corrected. Recorded in the version the review published (with `wordingVerified: true`).
 */
export const ZWordingReview = z.strictObject({
  reviewer: z.string().trim().min(1),
  date: ZIsoDate,
  /** The publisher's text the reviewer held, e.g. the PDF's title, edition and where it came from. */
  source: z.string().trim().min(1),
  /** The version whose texts were checked: `id@version#sha256`. */
  reviewed: ZPinnedRef,
  /** Key (see `reviewTextKeys`) → finding. */
  texts: z.record(z.string(), z.enum(REVIEW_FINDINGS)),
});
export type WordingReview = z.infer<typeof ZWordingReview>;

interface Reviewable {
  readonly items: readonly { readonly id: string }[];
  readonly optionSets: Readonly<Record<string, readonly { readonly value: number }[]>>;
}

/** Every zh-CN text a student reads, by a stable key: the instructions, each item, each option label. */
export function reviewTextKeys(def: Reviewable): string[] {
  return [
    'instructions',
    ...def.items.map((item) => item.id),
    ...Object.entries(def.optionSets).flatMap(([set, options]) => options.map((option) => `option:${set}:${option.value}`)),
  ];
}
