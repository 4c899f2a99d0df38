import type { Issue, Locale } from '../../../scoring/index.ts';
import { describeIssue, describeIssueWithPath } from '../../issueMessages.ts';

/** Problems as a list a teacher can act on; the path is shown where it points into a file. */
export function IssueList({ issues, locale, withPath = false }: { issues: readonly Issue[]; locale: Locale; withPath?: boolean }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issues" role="alert">
      {issues.map((found, index) => <li key={index}>{withPath && found.path.length > 0 ? describeIssueWithPath(found, locale) : describeIssue(found, locale)}</li>)}
    </ul>
  );
}
