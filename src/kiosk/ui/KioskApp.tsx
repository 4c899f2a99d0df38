import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { fail, issue, type Issue, type Locale, type Outcome } from '../../../scoring/index.ts';
import type { KioskDb } from '../../store/kioskDb.ts';
import { openKioskDb } from '../../store/kioskDb.ts';
import type { Draft } from '../draft.ts';
import type { KioskPlan } from '../kioskPlan.ts';
import { checkPlanWindow } from '../planWindow.ts';
import { finish, saveDraft, signIn, signInByDetails, type KioskDeps, type KioskSession } from '../session.ts';
import type { SignInDetails } from '../signInCode.ts';
import { BatteryScreen } from './BatteryScreen.tsx';
import { createKioskDeps, storageIsLow, watchForOtherTabs } from './runtime.ts';
import { Card, ConfirmScreen, ConsentScreen, IssueList, SignInScreen, ThankYouScreen } from './screens.tsx';
import { TEXT, type KioskText } from './text.ts';
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
  | { name: 'thanks'; declined: boolean; secondsLeft: number }
  | { name: 'teacher' };

const today = () => new Date().toISOString().slice(0, 10);
const DEMO_PLAN_URL = `${import.meta.env.BASE_URL}demo/kiosk-plan.json`;
const BUILD = typeof __PSYSCREEN_BUILD__ === 'string' ? __PSYSCREEN_BUILD__ : 'unbuilt';

// The plan validator (zod and every instrument's schema) and the PIN-protected teacher panel are not
// on a student's way in: they load when a teacher loads a plan or opens the panel.
// If that part of the app cannot be fetched (offline before the first visit finished caching), say so.
async function readPlanFile(raw: string): Promise<Outcome<KioskPlan>> {
  try {
    return (await import('../planFile.ts')).readKioskPlan(raw, today());
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

export function KioskApp({ database }: { database?: KioskDb }) {
  const [db] = useState(() => database ?? openKioskDb());
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [file, setFile] = useState<KioskPlan>();
  const [deps, setDeps] = useState<KioskDeps>();
  const [locale, toggleLocale, resetLocale] = useLocale();
  const [largeText, setLargeText] = useState(false);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const [savedCount, setSavedCount] = useState(0);
  const [secondTab, setSecondTab] = useState(false);
  const text = TEXT[locale];

  const applyPlan = useCallback(async (read: Outcome<KioskPlan>, persist: boolean) => {
    if (!read.ok) {
      setStage({ name: 'no-plan', issues: read.issues });
      return;
    }
    if (persist) await db.plans.put({ slot: 'current', file: read.value, loadedAt: new Date().toISOString(), checkedBy: BUILD });
    setFile(read.value);
    setDeps(await createKioskDeps(read.value, db));
    setStage({ name: 'sign-in', issues: [], busy: false });
  }, [db]);

  useEffect(() => watchForOtherTabs(() => setSecondTab(true)), []);

  useEffect(() => {
    void (async () => {
      const stored = await db.plans.get('current');
      if (!stored) setStage({ name: 'no-plan', issues: [] });
      // This build validated the stored plan when it was loaded; only the date can have changed since.
      else if (stored.checkedBy === BUILD) await applyPlan(checkPlanWindow(stored.file, today()), false);
      // A plan stored by another version of the app is checked again against this version's schema.
      else await applyPlan(await readPlanFile(JSON.stringify(stored.file)), true);
    })();
  }, [db, applyPlan]);

  // Thank-you page counts down, then everything about the student is dropped from memory.
  useEffect(() => {
    if (stage.name !== 'thanks') return;
    if (stage.secondsLeft <= 0) {
      resetLocale();
      setLargeText(false);
      setStage({ name: 'sign-in', issues: [], busy: false });
      return;
    }
    const timer = setTimeout(() => setStage({ ...stage, secondsLeft: stage.secondsLeft - 1 }), 1000);
    return () => clearTimeout(timer);
  }, [stage, resetLocale]);

  const onSignIn = async (how: { code: string } | { details: SignInDetails }) => {
    if (!file || !deps) return;
    if (await storageIsLow()) {
      setStage({ name: 'sign-in', issues: [{ code: 'storage_full', path: [] }], busy: false });
      return;
    }
    setStage({ name: 'sign-in', issues: [], busy: true });
    const outcome = 'code' in how ? await signIn(deps, file, how.code) : await signInByDetails(deps, file, how.details);
    setStage(outcome.ok ? { name: 'confirm', session: outcome.value } : { name: 'sign-in', issues: outcome.issues, busy: false });
  };

  const onAnswer = useCallback((session: KioskSession, draft: Draft) => {
    if (!file || !deps) return;
    // Saves run one after another so an older draft never overwrites a newer one.
    saving.current = saving.current.then(() => saveDraft(deps, file, session, draft)).then(() => setSavedCount((n) => n + 1));
  }, [file, deps]);

  const startBattery = (session: KioskSession) => {
    const draft: Draft = { ...session.draft, consent: 'given' };
    onAnswer(session, draft);
    setStage({ name: 'battery', session, draft });
  };

  const onFinish = async (session: KioskSession, draft: Draft, status: 'completed' | 'declined') => {
    if (!file || !deps) return;
    setStage({ name: 'saving' });
    await saving.current;
    const done = await finish(deps, file, session, { ...draft, consent: status === 'completed' ? 'given' : 'declined' }, status);
    if (!done.ok) {
      setStage({ name: 'blocked', issues: done.issues });
      return;
    }
    setStage({ name: 'thanks', declined: status === 'declined', secondsLeft: file.kiosk.returnAfterSeconds });
  };

  const body = (() => {
    switch (stage.name) {
      case 'loading':
      case 'saving':
        return <Card title={text.appTitle}><p role="status">{stage.name === 'saving' ? text.submitting : text.loadingPlan}</p></Card>;
      case 'blocked':
        return <Card title={text.errorTitle}><IssueList issues={stage.issues} locale={locale} /></Card>;
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
        return file ? <SignInScreen file={file} text={text} locale={locale} busy={stage.busy} issues={stage.issues} onSubmit={(code) => void onSignIn({ code })} onSubmitDetails={(details) => void onSignIn({ details })} /> : null;
      case 'confirm':
        // A student who already agreed and is resuming goes straight back to the questions.
        return <ConfirmScreen session={stage.session} text={text} onYes={() => (stage.session.draft.consent === 'given' ? startBattery(stage.session) : setStage({ name: 'consent', session: stage.session }))} onNo={() => setStage({ name: 'sign-in', issues: [], busy: false })} />;
      case 'consent': {
        const consent = file?.kiosk.texts.consent[stage.session.band.id]?.[locale] ?? '';
        return <ConsentScreen consent={consent} text={text} onAgree={() => startBattery(stage.session)} onDecline={() => void onFinish(stage.session, stage.session.draft, 'declined')} />;
      }
      case 'battery':
        return file ? (
          <BatteryScreen file={file} session={stage.session} locale={locale} draft={stage.draft}
            onAnswer={(draft) => onAnswer(stage.session, draft)} onComplete={(draft) => void onFinish(stage.session, draft, 'completed')} />
        ) : null;
      case 'thanks':
        return file ? (
          <ThankYouScreen title={stage.declined ? text.declinedTitle : text.thanksTitle} thanks={file.kiosk.texts.thankYou[locale]} help={file.kiosk.texts.help[locale]} footer={text.returning(stage.secondsLeft)} />
        ) : null;
      case 'teacher':
        return file && deps ? (
          <Suspense fallback={<Card title={text.teacher}><p role="status">{text.loadingPlan}</p></Card>}>
            <TeacherPanel file={file} deps={deps} text={text} locale={locale} onClose={() => setStage({ name: 'sign-in', issues: [], busy: false })}
              onUnload={() => void db.plans.delete('current').then(() => { setFile(undefined); setStage({ name: 'no-plan', issues: [] }); })} />
          </Suspense>
        ) : null;
    }
  })();

  return (
    <div className={largeText ? 'kiosk large-text' : 'kiosk'} lang={locale}>
      <header className="kiosk-bar">
        <span className="brand">{text.appTitle}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setLargeText((on) => !on)} aria-pressed={largeText}>{text.largeText}</button>
        <button type="button" onClick={toggleLocale}>{text.language}</button>
        {stage.name === 'sign-in' ? <button type="button" onClick={() => setStage({ name: 'teacher' })}>{text.teacher}</button> : null}
      </header>
      {/* data-saved lets tests (and support staff) see that every answer so far is on disk */}
      <main data-saved={savedCount}>
        {secondTab ? <Card title={text.errorTitle}><IssueList issues={[{ code: 'second_tab', path: [] }]} locale={locale} /></Card> : body}
      </main>
    </div>
  );
}
