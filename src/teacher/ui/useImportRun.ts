import { useState } from 'react';
import { issue, type Issue, type Outcome } from '../../../scoring/index.ts';
import type { BatchFileReport } from '../workspace/workspace.ts';
import { useWorkspaceView } from './WorkspaceContext.ts';

export interface ImportRun {
  readonly busy: boolean;
  readonly reports: readonly BatchFileReport[];
  /** Why the last run imported nothing (a pull that failed, a write the browser refused). */
  readonly issues: readonly Issue[];
  run(work: () => Promise<Outcome<readonly BatchFileReport[]>>): Promise<void>;
}

/**
 * One import at a time, from files or from the lab server: busy while it runs, then its report or
 * why it failed, and the workspace view refreshed. A write IndexedDB refuses is shown, not swallowed.
 */
export function useImportRun(): ImportRun {
  const view = useWorkspaceView();
  const [busy, setBusy] = useState(false);
  const [reports, setReports] = useState<readonly BatchFileReport[]>([]);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const run = async (work: () => Promise<Outcome<readonly BatchFileReport[]>>) => {
    setBusy(true);
    setIssues([]);
    let outcome: Outcome<readonly BatchFileReport[]>;
    try {
      outcome = await work();
    } catch {
      outcome = { ok: false, issues: [issue('import_write_failed', [])] };
    }
    setBusy(false);
    setReports(outcome.ok ? outcome.value : []);
    setIssues(outcome.ok ? [] : outcome.issues);
    view.refresh();
  };
  return { busy, reports, issues, run };
}
