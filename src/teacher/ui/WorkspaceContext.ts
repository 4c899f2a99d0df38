import { createContext, useContext } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import type { StudentRecord } from '../../records/index.ts';
import type { ChangeContext } from '../workspace/context.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { TeacherRoute } from './route.ts';
import type { TeacherText } from './text.ts';

/** What every page of an unlocked workspace gets: the workspace, the language, and how to change records. */
export interface WorkspaceView {
  readonly workspace: Workspace;
  readonly records: readonly StudentRecord[];
  readonly locale: Locale;
  readonly text: TeacherText;
  readonly changeContext: () => ChangeContext;
  /** Writes changed records through (encrypted) and re-renders. */
  readonly commit: (changed: readonly StudentRecord[]) => Promise<void>;
  readonly navigate: (route: TeacherRoute) => void;
  readonly refresh: () => void;
}

export const WorkspaceViewContext = createContext<WorkspaceView | undefined>(undefined);

export function useWorkspaceView(): WorkspaceView {
  const view = useContext(WorkspaceViewContext);
  if (!view) throw new Error('useWorkspaceView outside an unlocked workspace');
  return view;
}
