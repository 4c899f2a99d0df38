import type { KeyStatus } from '../workspace/workspace.ts';
import { AggregatePage } from './AggregatePage.tsx';
import { AttentionPage } from './AttentionPage.tsx';
import { CollectPage } from './CollectPage.tsx';
import { Dashboard } from './Dashboard.tsx';
import { InstrumentsPage } from './InstrumentsPage.tsx';
import { KeyPage } from './KeyPage.tsx';
import { LabPage } from './lab/LabPage.tsx';
import { MonitorPage } from './monitor/MonitorPage.tsx';
import { NormsPolicyPage } from './NormsPolicyPage.tsx';
import { PlanPage } from './PlanPage.tsx';
import { RecordsPage } from './RecordsPage.tsx';
import { RosterPage } from './RosterPage.tsx';
import { PAGES, teacherHash, type TeacherRoute } from './route.ts';
import { StudentPage } from './StudentPage.tsx';
import { useWorkspaceView } from './WorkspaceContext.ts';

function PageFor({ route }: { route: TeacherRoute }) {
  switch (route.page) {
    case 'student': return <StudentPage id={route.id} />;
    case 'attention': return <AttentionPage />;
    case 'roster': return <RosterPage />;
    case 'instruments': return <InstrumentsPage />;
    case 'norms': return <NormsPolicyPage />;
    case 'plan': return <PlanPage />;
    case 'lab': return <LabPage />;
    case 'collect': return <CollectPage />;
    case 'monitor': return <MonitorPage />;
    case 'records': return <RecordsPage />;
    case 'aggregate': return <AggregatePage />;
    case 'key': return <KeyPage />;
    default: return <Dashboard />;
  }
}

/** Navigation on the left, the page on the right; the backup nag stays until a backup exists. */
export function Shell({ route, status }: { route: TeacherRoute; status: KeyStatus }) {
  const { text, navigate } = useWorkspaceView();
  const current = route.page === 'student' ? 'attention' : route.page;
  return (
    <div className="shell">
      <nav className="side-nav no-print" aria-label={text.title}>
        <ul>
          {PAGES.map((page) => (
            <li key={page}>
              <a href={teacherHash({ page })} aria-current={page === current ? 'page' : undefined}>{text.nav[page]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="page">
        {!status.backupMadeAt && !status.demoPassphrase && (
          <p className="warning no-print" role="status">
            {text.backupNag} <button type="button" className="link" onClick={() => navigate({ page: 'key' })}>{text.makeBackupNow}</button>
          </p>
        )}
        <PageFor route={route} />
      </main>
    </div>
  );
}
