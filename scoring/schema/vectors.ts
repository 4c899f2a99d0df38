import { z } from 'zod';
import { ZSemver, ZSlug, reportDuplicates } from './common.ts';
import { ZVersionRef } from './refs.ts';
import { TIERS } from './vocabulary.ts';

/** What one scale should come out as: its raw score (null: not scorable under the missing-item rule) and band. */
const ZExpectedScale = z.strictObject({
  raw: z.number().nullable(),
  band: z.string().min(1).nullable(),
  prorated: z.boolean().optional(),
});

const ZExpectedResult = z.strictObject({
  /** Every scale of the instrument, by id: a scale left out is a gap in the vectors, reported as such. */
  scales: z.record(z.string(), ZExpectedScale),
  tier: z.enum(TIERS),
  flags: z.strictObject({ urgent: z.boolean(), acute: z.boolean() }),
  /** Ids of the critical items that fire, in any order. */
  critical: z.array(z.string().min(1)),
});

/** Answers the engine must refuse, with the issue codes it must give. */
const ZExpectedRejection = z.strictObject({ rejected: z.array(z.string().min(1)).min(1) });

export const ZVectorCase = z.strictObject({
  id: ZSlug,
  /** The published rule this case checks, in words a reviewer can hold against the source. */
  rule: z.string().trim().min(1),
  /** Item id → option value; an absent item or null is unanswered. */
  answers: z.record(z.string(), z.number().nullable()),
  expect: z.union([ZExpectedRejection, ZExpectedResult]),
});
export type VectorCase = z.infer<typeof ZVectorCase>;

/**
 * Conformance vectors for one instrument version (`id` and `version` are the instrument's): answers
 * and the results the published scoring rules give, written by hand, never copied from the engine.
 */
export const ZVectors = z.strictObject({
  kind: z.literal('vectors'),
  id: ZSlug,
  version: ZSemver,
  /** The tier policy the expected tiers assume; under another policy tiers are not compared. */
  policy: ZVersionRef,
  /** Where the expected values come from (the published scoring rules and the definition's own rules). */
  basis: z.string().trim().min(1),
  cases: z.array(ZVectorCase).min(1),
}).superRefine((file, ctx) => {
  reportDuplicates(ctx, file.cases.map((entry) => entry.id), (i) => ['cases', i, 'id'], 'case');
});
export type Vectors = z.infer<typeof ZVectors>;
