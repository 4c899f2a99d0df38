import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { fail, issue, type Issue, type Locale, type Outcome } from '../../../scoring/index.ts';
import type { Hello } from '../../lab/protocol.ts';
import type { KioskDb } from '../../store/kioskDb.ts';
import { openKioskDb } from '../../store/kioskDb.ts';
import { localDay } from '../../teacher/workspace/localDay.ts';
import { createDraftSaver, type DraftSaver } from '../draftSaver.ts';
import type { Draft } from '../draft.ts';
import { DEFAULT_IDLE_MINUTES, watchIdle } from '../idle.ts';
import type { KioskPlan } from '../kioskPlan.ts';
import type { LabLink, LabStatus } from '../labLink.ts';
import { checkPlanWindow } from '../planWindow.ts';
import { finish, isHeld, releaseHold, saveDraft, signIn, signInByDetails, type KioskDeps, type KioskSession } from '../session.ts';
import type { SignInDetails } from '../signInCode.ts';
import { BatteryScreen } from './BatteryScreen.tsx';
import { HoldScreen, type HoldInfo } from './HoldScreen.tsx';
import { createKioskDeps, storageIsLow, watchForOtherTabs } from './runtime.ts';
import { Card, ConfirmScreen, ConsentScreen, IssueList, SignInScreen, ThankYouScreen } from './screens.tsx';
import { TEXT, type KioskText } from './text.ts';
import { useLab } from './useLab.ts';
import { useLocale } from './useLocale.ts';

type Stage =
  | { name: 'loading' }
  | { name: 'no-plan'; issues: readonly Issue[] }
  | { name: 'blocked'; issues: readonly Issue[] }
  | { name: 'sign-in'; issues: readonly Issue[]; busy: boolean }
  | { name: 'confirm'; session: KioskSession }
  | { name: 'consent'; session: KioskSession }
  | { name: 'battery'; session: KioskSession; draft: Draft }
  | { name: 'saving' }
  /** A write failed at submit or idle time: the answers stay in memory until a retry stores them. */
  | { name: 'save-failed'; session: KioskSession; draft: Draft; then: 'completed' | 'declined' | 'idle' }
  | { name: 'thanks'; declined: boolean; secondsLeft: number }
  | { name: 'hold'; info?: HoldInfo }
  | { name: 'teacher' };

/** The screening window is in calendar days where the school is, not UTC (07:30 in Beijing is the day before in UTC). */
const today = () => localDay(new Date().toISOString());
const DEMO_PLAN_URL = `${import.meta.env.BASE_URL}demo/kiosk-plan.json`;
const BUILD = typeof __PSYSCREEN_BUILD__ === 'string' ? __PSYSCREEN_BUILD__ : 'unbuilt';
const SAVE_RETRY_MS = 5_000;
const windowTimers = {
  setTimeout: (run: () => void, ms: number): unknown => window.setTimeout(run, ms),
  clearTimeout: (handle: unknown) => window.clearTimeout(handle as number),
};

// The plan validator (zod, every instrument's schema and the conformance vectors) and the PIN-protected teacher panel are not
// on a student's way in: they load when a teacher loads a plan or opens the panel.
// If that part of the app cannot be fetched (offline before the first visit finished caching), say so.
async function readPlanFile(raw: string): Promise<Outcome<KioskPlan>> {
  try {
    const [{ readKioskPlan }, { SHIPPED_VECTORS }] = await Promise.all([import('../planFile.ts'), import('../../library/shippedVectors.ts')]);
    return readKioskPlan(raw, today(), SHIPPED_VECTORS);
  } catch {
    return fail([issue('kiosk_part_missing', [])]);
  }
}
const TeacherPanel = lazy(() => import('./TeacherPanel.tsx').then(
  (module) => ({ default: module.TeacherPanel }),
  () => ({ default: PartMissing }),
));

function PartMissing({ text, locale, onClose }: { text: KioskText; locale: Locale; onClose: () => void }) {
  return (
    <Card title={text.teacher}>
      <IssueList issues={[{ code: 'kiosk_part_missing', path: [] }]} locale={locale} />
      <div className="actions"><button type="button" onClick={onClose}>{text.close}</button></div>
    </Card>
  );
}

const STATUS_TEXT: Record<Exclude<LabStatus, 'none'>, keyof KioskText> = { connected: 'labConnected', offline: 'labOffline', disk_full: 'labDiskFull' };

export function KioskApp({ database }: { database?: KioskDb }) {
  const [db] = useState(() => database ?? openKioskDb());
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [file, setFile] = useState<KioskPlan>();
  const [digest, setDigest] = useState<string>();
  const [deps, setDeps] = useState<KioskDeps>();
  const [locale, toggleLocale, resetLocale] = useLocale();
  const [largeText, setLargeText] = useState(false);
  const saver = useRef<DraftSaver<Draft>>(undefined);
  const latestDraft = useRef<Draft>(undefined);
  const [savedCount, setSavedCount] = useState(0);
  const [saveFailed, setSaveFailed] = useState(false);
  const [secondTab, setSecondTab] = useState(false);
  const stageRef = useRef(stage);
  stageRef.current = stage;
  const text = TEXT[locale];

  const applyPlan = useCallback(async (read: Outcome<KioskPlan>, persist: boolean, fromServer?: string) => {
    if (!read.ok) {
      setStage({ name: 'no-plan', issues: read.issues });
      return;
    }
    if (persist) await db.plans.put({ slot: 'current', file: read.value, loadedAt: new Date().toISOString(), checkedBy: BUILD, ...(fromServer ? { digest: fromServer } : {}) });
    setFile(read.value);
    if (persist) setDigest(fromServer);
    // A reload during a crisis hold comes back to the hold, never to an empty sign-in.
    setStage(await isHeld(db) ? { name: 'hold' } : { name: 'sign-in', issues: [], busy: false });
  }, [db]);

  // The lab server's plan is loaded when the kiosk has none or the server's changed, but only between students.
  const triedDigest = useRef<string>(undefined);
  const onHello = useCallback((hello: Hello, link: LabLink) => {
    const served = hello.plan;
    const at = stageRef.current;
    const between = at.name === 'no-plan' || (at.name === 'sign-in' && !at.busy);
    if (!served || !between || served.digest === digest || served.digest === triedDigest.current) return;
    triedDigest.current = served.digest;
    void (async () => {
      const raw = await link.plan();
      if (!raw.ok) return;
      const read = await readPlanFile(raw.value);
      // A broken server plan never replaces a working one; with no plan at all its problems are shown.
      if (read.ok || stageRef.current.name === 'no-plan') await applyPlan(read, true, served.digest);
    })();
  }, [digest, applyPlan]);
  const lab = useLab(db, onHello);

  useEffect(() => {
    if (!file) return;
    let current = true;
    void createKioskDeps(file, db, lab.link).then((made) => { if (current) setDeps(made); });
    return () => { current = false; };
  }, [file, db, lab.link]);

  useEffect(() => watchForOtherTabs(() => setSecondTab(true)), []);

  useEffect(() => {
    void (async () => {
      const stored = await db.plans.get('current');
      setDigest(stored?.digest);
      if (!stored) setStage({ name: 'no-plan', issues: [] });
      // This build validated the stored plan when it was loaded; only the date can have changed since.
      else if (stored.checkedBy === BUILD) await applyPlan(checkPlanWindow(stored.file, today()), false);
      // A plan stored by another version of the app is checked again against this version's schema.
      else await applyPlan(await readPlanFile(JSON.stringify(stored.file)), true, stored.digest);
    })();
  }, [db, applyPlan]);

  /** Everything about the student leaves memory: their session, draft, the saver, language and text size. */
  const backToSignIn = useCallback((issues: readonly Issue[] = []) => {
    saver.current?.dispose();
    saver.current = undefined;
    latestDraft.current = undefined;
    setSaveFailed(false);
    resetLocale();
    setLargeText(false);
    setStage({ name: 'sign-in', issues, busy: false });
  }, [resetLocale]);

  // Thank-you page counts down, then everything about the student is dropped from memory.
  useEffect(() => {
    if (stage.name !== 'thanks') return;
    if (stage.secondsLeft <= 0) {
      backToSignIn();
      return;
    }
    const timer = setTimeout(() => setStage({ ...stage, secondsLeft: stage.secondsLeft - 1 }), 1000);
    return () => clearTimeout(timer);
  }, [stage, backToSignIn]);

  const onSignIn = async (how: { code: string } | { details: SignInDetails; sessionCode: string }) => {
    if (!file || !deps) return;
    if (await storageIsLow()) {
      setStage({ name: 'sign-in', issues: [{ code: 'storage_full', path: [] }], busy: false });
      return;
    }
    setStage({ name: 'sign-in', issues: [], busy: true });
    const outcome = 'code' in how ? await signIn(deps, file, how.code) : await signInByDetails(deps, file, how.details, how.sessionCode);
    setStage(outcome.ok ? { name: 'confirm', session: outcome.value } : { name: 'sign-in', issues: outcome.issues, busy: false });
  };

  const onAnswer = useCallback((draft: Draft) => saver.current?.save(draft), []);

  const startBattery = async (session: KioskSession) => {
    if (!file || !deps) return;
    // Free space is checked again before every session, not only at sign-in.
    if (await storageIsLow()) {
      backToSignIn([{ code: 'storage_full', path: [] }]);
      return;
    }
    saver.current?.dispose();
    saver.current = createDraftSaver<Draft>((draft) => saveDraft(deps, file, session, draft), {
      timers: windowTimers, retryMs: SAVE_RETRY_MS,
      onState: (state) => {
        setSaveFailed(state.failed);
        setSavedCount((count) => count + (state.failed ? 0 : 1));
      },
    });
    const draft: Draft = { ...session.draft, consent: 'given' };
    latestDraft.current = draft;
    saver.current.save(draft);
    setStage({ name: 'battery', session, draft });
  };

  const onFinish = async (session: KioskSession, draft: Draft, status: 'completed' | 'declined') => {
    if (!file || !deps) return;
    setStage({ name: 'saving' });
    // The submission carries every answer: a draft that could not be saved does not hold it up.
    await saver.current?.flush();
    const done = await finish(deps, file, session, { ...draft, consent: status === 'completed' ? 'given' : 'declined' }, status);
    if (!done.ok) {
      if (done.issues.some((found) => found.code === 'storage_write_failed')) setStage({ name: 'save-failed', session, draft, then: status });
      else if (done.issues.some((found) => found.code === 'finished_elsewhere')) backToSignIn(done.issues);
      else setStage({ name: 'blocked', issues: done.issues });
      return;
    }
    saver.current?.dispose();
    saver.current = undefined;
    setSaveFailed(false);
    if (done.value.hold) setStage({ name: 'hold', info: { identity: session.identity, hold: done.value.hold } });
    else setStage({ name: 'thanks', declined: status === 'declined', secondsLeft: file.kiosk.returnAfterSeconds });
  };

  /** Idle in a battery: save, then forget the student. If the save fails, the answers stay in memory behind a calm screen. */
  const onIdle = useCallback(async () => {
    const at = stageRef.current;
    if (at.name !== 'battery') {
      backToSignIn();
      return;
    }
    if (await saver.current?.flush() === false) setStage({ name: 'save-failed', session: at.session, draft: latestDraft.current ?? at.draft, then: 'idle' });
    else backToSignIn();
  }, [backToSignIn]);

  const retrySave = useCallback(async () => {
    const at = stageRef.current;
    if (at.name !== 'save-failed') return;
    if (at.then !== 'idle') await onFinish(at.session, at.draft, at.then);
    else if (await saver.current?.flush() !== false) backToSignIn();
  }, [backToSignIn, file, deps]);

  // Unattended screens go back to sign-in; a failed save keeps retrying by itself too.
  const idleMs = (file?.kiosk.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000;
  useEffect(() => {
    if (stage.name !== 'battery' && stage.name !== 'confirm' && stage.name !== 'consent') return;
    return watchIdle(window, idleMs, () => void onIdle(), windowTimers);
  }, [stage.name, idleMs, onIdle]);
  useEffect(() => {
    if (stage.name !== 'save-failed') return;
    const timer = setInterval(() => void retrySave(), SAVE_RETRY_MS * 2);
    return () => clearInterval(timer);
  }, [stage.name, retrySave]);

  // The battery keeps its own copy of the answers; the stage's draft is the one it started from.
  const keepDraft = useCallback((draft: Draft) => {
    latestDraft.current = draft;
    onAnswer(draft);
  }, [onAnswer]);

  const body = (() => {
    switch (stage.name) {
      case 'loading':
      case 'saving':
        return <Card title={text.appTitle}><p role="status">{stage.name === 'saving' ? text.submitting : text.loadingPlan}</p></Card>;
      case 'blocked':
        return <Card title={text.errorTitle}><IssueList issues={stage.issues} locale={locale} /></Card>;
      case 'save-failed':
        return (
          <Card title={text.saveProblemTitle}>
            <IssueList issues={[{ code: 'storage_write_failed', path: [] }]} locale={locale} />
            <div className="actions"><button type="button" onClick={() => void retrySave()}>{text.retrySave}</button></div>
          </Card>
        );
      case 'no-plan':
        return (
          <Card title={text.noPlanTitle}>
            <p>{text.noPlanBody}</p>
            <div className="actions">
              <label className="button primary">
                {text.chooseFile}
                <input type="file" accept=".json,application/json" hidden onChange={(event) => void event.target.files?.[0]?.text().then(readPlanFile).then((read) => applyPlan(read, true))} />
              </label>
              <button type="button" onClick={() => void fetch(DEMO_PLAN_URL).then((response) => response.text()).then(readPlanFile).then((read) => applyPlan(read, true))}>{text.tryDemo}</button>
            </div>
            <IssueList issues={stage.issues} locale={locale} intro={text.planProblems} />
          </Card>
        );
      case 'sign-in':
        return file ? <SignInScreen file={file} text={text} locale={locale} busy={stage.busy} issues={stage.issues} onSubmit={(code) => void onSignIn({ code })} onSubmitDetails={(details, sessionCode) => void onSignIn({ details, sessionCode })} /> : null;
      case 'confirm':
        // A student who already agreed and is resuming goes straight back to the questions.
        return <ConfirmScreen session={stage.session} text={text} onYes={() => (stage.session.draft.consent === 'given' ? void startBattery(stage.session) : setStage({ name: 'consent', session: stage.session }))} onNo={() => backToSignIn()} />;
      case 'consent': {
        const consent = file?.kiosk.texts.consent[stage.session.band.id]?.[locale] ?? '';
        return <ConsentScreen consent={consent} text={text} onAgree={() => void startBattery(stage.session)} onDecline={() => void onFinish(stage.session, stage.session.draft, 'declined')} />;
      }
      case 'battery':
        return file ? (
          <div>
            {saveFailed ? <p className="save-problem" role="alert">{text.saveProblem}</p> : null}
            <BatteryScreen file={file} session={stage.session} locale={locale} draft={stage.draft}
              onAnswer={keepDraft} onComplete={(draft) => void onFinish(stage.session, draft, 'completed')} />
          </div>
        ) : null;
      case 'thanks':
        return file ? (
          <ThankYouScreen title={stage.declined ? text.declinedTitle : text.thanksTitle} thanks={file.kiosk.texts.thankYou[locale]} help={file.kiosk.texts.help[locale]} footer={text.returning(stage.secondsLeft)} />
        ) : null;
      case 'hold':
        return file ? <HoldScreen file={file} text={text} locale={locale} info={stage.info} onRelease={() => void releaseHold(db).then(() => backToSignIn())} /> : null;
      case 'teacher':
        return file && deps ? (
          <Suspense fallback={<Card title={text.teacher}><p role="status">{text.loadingPlan}</p></Card>}>
            <TeacherPanel file={file} deps={deps} text={text} locale={locale} onClose={() => backToSignIn()}
              onUnload={() => void db.plans.delete('current').then(() => { setFile(undefined); setDigest(undefined); setStage({ name: 'no-plan', issues: [] }); })} />
          </Suspense>
        ) : null;
    }
  })();

  return (
    <div className={largeText ? 'kiosk large-text' : 'kiosk'} lang={locale}>
      <header className="kiosk-bar">
        <span className="brand">{text.appTitle}</span>
        <span className="spacer" />
        {lab.status !== 'none' ? <span className="lab-status" data-status={lab.status}>{text[STATUS_TEXT[lab.status]] as string}</span> : null}
        <button type="button" onClick={() => setLargeText((on) => !on)} aria-pressed={largeText}>{text.largeText}</button>
        <button type="button" onClick={toggleLocale}>{text.language}</button>
        {stage.name === 'sign-in' ? <button type="button" onClick={() => setStage({ name: 'teacher' })}>{text.teacher}</button> : null}
      </header>
      {/* data-saved lets tests (and support staff) see how many drafts really reached the disk */}
      <main data-saved={savedCount} data-save-failed={saveFailed ? 'true' : undefined}>
        {secondTab ? <Card title={text.errorTitle}><IssueList issues={[{ code: 'second_tab', path: [] }]} locale={locale} /></Card> : body}
      </main>
    </div>
  );
}
