import { useEffect, useState } from 'react';
import type { StudentRecord } from '../../records/index.ts';
import { partialStudents } from '../workspace/partial.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** Student numbers of those who started the plan on a lab machine and did not finish; reloaded after each import. */
export function usePartial(workspace: Workspace, plan: string | undefined, records: readonly StudentRecord[]): ReadonlySet<string> {
  const [partial, setPartial] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!plan) return;
    void partialStudents(workspace.store, plan).then(setPartial);
  }, [workspace, plan, records]);
  return partial;
}
