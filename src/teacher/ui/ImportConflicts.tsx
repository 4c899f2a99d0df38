import { useState } from 'react';
import type { Issue } from '../../../scoring/index.ts';
import { describeIssue } from '../../issueMessages.ts';
import { acceptIncomingIdentity, identityConflict } from '../workspace/importRecords.ts';
import { IssueList } from './IssueList.tsx';
import { useWorkspaceView } from './WorkspaceContext.ts';

/**
 * Identity differences found on import: the workspace kept its own values; here the teacher confirms
 * them, or takes the incoming value (audited in the student's record). Other differences are listed.
 */
export function ImportConflicts({ conflicts }: { conflicts: readonly Issue[] }) {
  const { records, locale, text, commit, changeContext } = useWorkspaceView();
  const [settled, setSettled] = useState<ReadonlySet<number>>(new Set());
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const settle = (index: number) => setSettled((current) => new Set([...current, index]));
  const takeIncoming = async (index: number, found: Issue) => {
    const conflict = identityConflict(found);
    const record = conflict && records.find((candidate) => candidate.id === conflict.recordId);
    if (!conflict || !record) return;
    const changed = acceptIncomingIdentity(record, conflict.field, conflict.incoming, changeContext());
    if (!changed.ok) {
      setIssues(changed.issues);
      return;
    }
    await commit([changed.value]);
    settle(index);
  };
  const open = conflicts.map((found, index) => ({ found, index })).filter(({ index }) => !settled.has(index));
  if (open.length === 0) return null;
  return (
    <div className="panel conflicts">
      <p className="warning">{text.conflicts}</p>
      <ul>
        {open.map(({ found, index }) => {
          const conflict = identityConflict(found);
          return (
            <li key={index}>
              <strong>{String(found.params?.name ?? '')}</strong>：{describeIssue(found, locale)}{' '}
              {conflict && (
                <>
                  <button type="button" onClick={() => settle(index)}>{text.keepOurs(conflict.existing)}</button>{' '}
                  <button type="button" onClick={() => void takeIncoming(index, found)}>{text.takeIncoming(conflict.incoming)}</button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <IssueList issues={issues} locale={locale} />
    </div>
  );
}
