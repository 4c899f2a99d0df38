import { useState } from 'react';
import type { Issue } from '../../../scoring/index.ts';
import type { LibraryRow } from '../../store/teacherDb.ts';
import { importNormsOrPolicy } from '../workspace/normsPolicyImport.ts';
import { IssueList } from './IssueList.tsx';
import type { WorkspaceLibrary } from './normsLibrary.ts';
import type { NormsText } from './normsText.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

/** Import a norm table or tier policy JSON file; a rejected file changes nothing and says where each problem is. */
export function NormsImportPanel({ library, text }: { library: WorkspaceLibrary; text: NormsText }) {
  const { locale, workspace } = useWorkspaceView();
  const [status, setStatus] = useState<LibraryRow['status']>('published');
  const [rejected, setRejected] = useState<{ file: string; issues: readonly Issue[] } | undefined>();
  const [done, setDone] = useState('');

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const outcome = await importNormsOrPolicy(workspace.db, await file.text(), status, new Date().toISOString(), library.shipped, library.catalog);
    if (!outcome.ok) {
      setRejected({ file: file.name, issues: outcome.issues });
      setDone('');
      return;
    }
    setRejected(undefined);
    setDone(text.imported(outcome.value.key.replace(/^(norms|policy):/, '')));
    library.reload();
  };

  return (
    <div className="panel">
      <div className="inline-form">
        <label htmlFor="norms-import-status">{text.importAs}</label>
        <select id="norms-import-status" value={status} onChange={(event) => setStatus(event.target.value as LibraryRow['status'])}>
          <option value="published">{text.importStatuses.published}</option>
          <option value="draft">{text.importStatuses.draft}</option>
        </select>
        <label className="button">{text.chooseJson}
          <input className="visually-hidden" type="file" accept=".json,application/json" onChange={(event) => { const input = event.target; void importFile(input.files?.[0]).then(() => { input.value = ''; }); }} />
        </label>
      </div>
      {rejected && (
        <>
          <p className="warning">{text.importRejected(rejected.file)}</p>
          <IssueList issues={rejected.issues} locale={locale} withPath />
        </>
      )}
      {done && <p className="notice" role="status">{done}</p>}
    </div>
  );
}
