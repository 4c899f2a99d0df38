import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import { randomUuid } from '../../crypto/index.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import type { StudentRecord } from '../../records/index.ts';
import { openTeacherDb } from '../../store/teacherDb.ts';
import { keyStatus, saveRecords, type KeyStatus, type Workspace } from '../workspace/workspace.ts';
import { KeySetup } from './KeySetup.tsx';
import { AlertBanner } from './monitor/AlertBanner.tsx';
import { InsecureOriginNotice } from './lab/InsecureOriginNotice.tsx';
import { browserLabDeps } from './lab/labEnvironment.ts';
import { LabServerContext, useLabServer } from './lab/useLabServer.ts';
import { Shell } from './Shell.tsx';
import { TEACHER_TEXT } from './text.ts';
import { Unlock } from './Unlock.tsx';
import { idleMinutes } from './idleSetting.ts';
import { useIdleLock } from './useIdleLock.ts';
import { useTeacherRoute } from './route.ts';
import { WorkspaceViewContext, type WorkspaceView } from './WorkspaceContext.ts';

export function TeacherApp() {
  const db = useMemo(() => openTeacherDb(), []);
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const text = TEACHER_TEXT[locale];
  const [status, setStatus] = useState<KeyStatus | undefined>();
  const [workspace, setWorkspace] = useState<Workspace | undefined>();
  const [records, setRecords] = useState<readonly StudentRecord[]>([]);
  const [lockedByIdle, setLockedByIdle] = useState(false);
  const [route, navigate] = useTeacherRoute();
  const labDeps = useMemo(() => browserLabDeps(), []);
  const lab = useLabServer(labDeps);

  const reloadStatus = useCallback(async () => setStatus(await keyStatus(db)), [db]);
  useEffect(() => { void reloadStatus(); }, [reloadStatus]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text.title;
  }, [locale, text.title]);

  const lock = useCallback(() => {
    setWorkspace(undefined);
    setRecords([]);
  }, []);
  const lockForIdle = useCallback(() => {
    lock();
    setLockedByIdle(true);
  }, [lock]);
  useIdleLock(workspace !== undefined, idleMinutes(), lockForIdle);

  const opened = (next: Workspace) => {
    setLockedByIdle(false);
    setWorkspace(next);
    setRecords(next.records);
    void reloadStatus();
  };

  const view = useMemo<WorkspaceView | undefined>(() => workspace && {
    workspace, records, locale, text, navigate,
    changeContext: () => ({ now: () => new Date().toISOString(), newId: randomUuid, by: workspace.teacher }),
    commit: async (changed) => {
      await saveRecords(workspace, changed, new Date().toISOString());
      setRecords(workspace.records);
    },
    refresh: () => { setRecords(workspace.records); void reloadStatus(); },
  }, [workspace, records, locale, text, navigate, reloadStatus]);

  const header = (
    <header className="teacher-header no-print">
      <h1>{text.title}</h1>
      <div className="header-tools">
        {workspace && <span className="key-name" title={text.keyLabel}>{text.keyPrefix}{workspace.key.name}</span>}
        {workspace && <button type="button" onClick={lock}>{text.lock}</button>}
        <LanguageSwitch locale={locale} label={text.languageLabel} onChange={setLocale} />
      </div>
    </header>
  );

  let body;
  if (!status) body = <p className="muted">{text.loading}</p>;
  else if (!status.exists) body = <KeySetup db={db} text={text} locale={locale} onOpened={opened} />;
  else if (!view) body = <Unlock db={db} status={status} text={text} locale={locale} lockedByIdle={lockedByIdle} onOpened={opened} />;
  else body = <WorkspaceViewContext.Provider value={view}><Shell route={route} status={status} /></WorkspaceViewContext.Provider>;

  return (
    <LabServerContext.Provider value={lab}>
      <div className="teacher"><AlertBanner lab={lab} view={view} locale={locale} />{header}<InsecureOriginNotice locale={locale} />{body}</div>
    </LabServerContext.Provider>
  );
}
