import type { Issue, Locale } from '../../../scoring/index.ts';
import { describeInstrumentIssue } from './instrumentIssueText.ts';

/** The problems of an instrument import, each with where it is (sheet/row/column or JSON path). */
export function InstrumentIssueList({ issues, locale, format }: { issues: readonly Issue[]; locale: Locale; format: 'json' | 'template' }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issues" role="alert">
      {issues.map((found, index) => <li key={index}>{describeInstrumentIssue(found, locale, format)}</li>)}
    </ul>
  );
}
