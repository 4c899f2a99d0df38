import { z } from 'zod';

/** A student's answers in progress. Stored only encrypted under their code (see codeVault.ts). */
export const ZDraft = z.strictObject({
  consent: z.enum(['given', 'declined']).optional(),
  answers: z.record(z.string(), z.number().int().nullable()),
  seconds: z.record(z.string(), z.number().min(0)),
  startedAt: z.string(),
});
export type Draft = z.infer<typeof ZDraft>;

export const emptyDraft = (startedAt: string): Draft => ({ answers: {}, seconds: {}, startedAt });

/** The first item still unanswered among those asked, in battery order: where a resumed session starts. */
export function resumePoint(itemIdsInOrder: readonly string[], isAsked: (id: string) => boolean, draft: Draft): string | undefined {
  return itemIdsInOrder.find((id) => isAsked(id) && (draft.answers[id] === undefined || draft.answers[id] === null));
}
