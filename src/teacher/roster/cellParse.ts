/** What a cell parser gives back: the value, or the issue code (and its parameters) for the cell. */
export type CellParse<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string; readonly params?: Readonly<Record<string, string | number>> };

export const parsed = <T>(value: T): CellParse<T> => ({ ok: true, value });
export const rejected = <T = never>(code: string, params?: Record<string, string | number>): CellParse<T> =>
  params === undefined ? { ok: false, code } : { ok: false, code, params };

/**
 * A cell's text as typed: full-width letters, digits and brackets (Chinese input methods) become
 * ASCII, the ideographic space a plain one, and Excel's ="0123" text-forcing wrapper is removed.
 */
export function cleanCell(text: string): string {
  const trimmed = text.normalize('NFKC').trim();
  const forced = /^="(.*)"$/.exec(trimmed);
  return (forced ? forced[1] ?? '' : trimmed).trim();
}
