import type { BureauText } from './ui/bureauText.ts';

/** A `tableRows` note ("suppressed:primary", "partial:3", …) in words. */
export function noteText(note: string, k: number, words: BureauText['notes']): string {
  const [kind, detail = ''] = note.split(':');
  const n = Number(detail);
  switch (kind) {
    case 'suppressed': return detail === 'primary' ? words.primary(k) : detail === 'complementary' ? words.complementary : words.suppressed(n);
    case 'partial': return words.partial(n);
    case 'results-partial': return words.resultsPartial(n);
    default: return note;
  }
}
