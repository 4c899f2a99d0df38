/** A student's answers in progress. Stored only encrypted under their code (see codeVault.ts). */
export interface Draft {
  readonly consent?: 'given' | 'declined';
  /** By item id; null = seen and left unanswered. */
  readonly answers: Readonly<Record<string, number | null>>;
  readonly seconds: Readonly<Record<string, number>>;
  readonly startedAt: string;
}

export const emptyDraft = (startedAt: string): Draft => ({ answers: {}, seconds: {}, startedAt });

/** The first item still unanswered among those asked, in battery order: where a resumed session starts. */
export function resumePoint(itemIdsInOrder: readonly string[], isAsked: (id: string) => boolean, draft: Draft): string | undefined {
  return itemIdsInOrder.find((id) => isAsked(id) && (draft.answers[id] === undefined || draft.answers[id] === null));
}
