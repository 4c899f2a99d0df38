/**
 * How a count or rate of an aggregate may be shown. A suppressed group is never shown as 0: it is
 * "<k" when it was suppressed for being small, "suppressed" when hidden to protect another group.
 * A merged group some producers suppressed holds a lower bound ("≥ n"), and its rates cover only the
 * published part ("partial").
 */
export type Shown =
  | { readonly kind: 'exact'; readonly value: number }
  | { readonly kind: 'atLeast'; readonly value: number }
  | { readonly kind: 'small' }
  | { readonly kind: 'suppressed' };

/** Participation columns (roster, completed, declined) are exact unless the group's own total is partial. */
export type ColumnKind = 'participation' | 'results';

export function shownCount(value: number | undefined, note: string, column: ColumnKind): Shown {
  if (value === undefined) return note === 'suppressed:primary' ? { kind: 'small' } : { kind: 'suppressed' };
  if (note.startsWith('partial:')) return { kind: 'atLeast', value };
  if (column === 'results' && note.startsWith('results-partial:')) return { kind: 'atLeast', value };
  return { kind: 'exact', value };
}

/** Whether a rate covers only part of its group (some producers' groups were suppressed). */
export function ratePartial(note: string, column: ColumnKind): boolean {
  return note.startsWith('partial:') || (column === 'results' && note.startsWith('results-partial:'));
}

export interface ShownWords {
  readonly small: (k: number) => string;
  readonly suppressed: string;
}

/** The text of a shown count: "123", "≥ 123", "<5", "suppressed". */
export function shownText(shown: Shown, k: number, words: ShownWords, format: (value: number) => string = String): string {
  switch (shown.kind) {
    case 'exact': return format(shown.value);
    case 'atLeast': return `≥ ${format(shown.value)}`;
    case 'small': return words.small(k);
    case 'suppressed': return words.suppressed;
  }
}
