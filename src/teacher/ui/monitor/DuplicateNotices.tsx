import { useState } from 'react';
import type { StudentRecord, Wave } from '../../../records/index.ts';
import type { PossibleDuplicate } from '../../workspace/addSubmissions.ts';
import { keepDuplicate, unresolvedDuplicates } from '../../workspace/duplicateWaves.ts';
import { teacherHash } from '../route.ts';
import { formatDateTime } from '../studentDates.ts';
import { useWorkspaceView } from '../WorkspaceContext.ts';
import { DUPLICATE_TEXT } from './duplicateText.ts';

/** Under an import report: the students a batch brought a second completed submission for, with links. */
export function ImportDuplicates({ duplicates }: { duplicates: readonly PossibleDuplicate[] }) {
  const { locale } = useWorkspaceView();
  const text = DUPLICATE_TEXT[locale];
  if (duplicates.length === 0) return null;
  return (
    <div className="warning duplicate-report" role="status">
      <strong>{text.reportTitle}</strong>
      <p>{text.reportIntro}</p>
      <ul>
        {duplicates.map((found) => <li key={found.id}><a href={teacherHash({ page: 'student', id: found.recordId })}>{text.reportRow(found.name, found.className)}</a></li>)}
      </ul>
    </div>
  );
}

const when = (wave: Wave, locale: 'zh-CN' | 'en'): string => `${formatDateTime(wave.finishedAt, locale)}${wave.machineId ? ` · ${wave.machineId}` : ''}`;

/** On the student's page: each flagged wave, the one it repeats, and the teacher's decision. */
export function StudentDuplicates({ record }: { record: StudentRecord }) {
  const view = useWorkspaceView();
  const text = DUPLICATE_TEXT[view.locale];
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  const duplicates = unresolvedDuplicates(record);
  if (duplicates.length === 0) return null;
  const keep = async (waveId: string) => {
    setBusy(true);
    setFailed(undefined);
    try {
      await view.commit([keepDuplicate(record, waveId, view.changeContext())]);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="duplicate-flags no-print" aria-label={text.reportColumn}>
      {duplicates.map(({ wave, earlier }) => (
        <div key={wave.id} className="warning" role="status">
          <p>{text.waveFlag}</p>
          <p>{when(wave, view.locale)} — {text.earlier}: {when(earlier, view.locale)}</p>
          <button type="button" disabled={busy} onClick={() => void keep(wave.id)}>{busy ? text.keeping : text.keepBoth}</button>
        </div>
      ))}
      {failed && <p className="warning" role="alert">{text.keepFailed}{failed}</p>}
    </section>
  );
}
