import { formatIssueWithPath, type FileProblem, type Locale } from '../../scoring/index.ts';

/** Library files that failed validation: shown, never dropped silently, so a broken file is noticed and fixed. */
export function LibraryProblems({ problems, title, locale }: { problems: readonly FileProblem[]; title: string; locale: Locale }) {
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="alert">
      <p>{title}</p>
      <ul>
        {problems.flatMap((problem) => problem.issues.map((found, index) => (
          <li key={`${problem.path}#${index}`}><code>{problem.path}</code> {formatIssueWithPath(found, locale)}</li>
        )))}
      </ul>
    </div>
  );
}
