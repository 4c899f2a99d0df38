import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Model, PageModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { refOf, type Instrument, type Locale } from '../../../scoring/index.ts';
import { questionCount, questionCountText } from '../../survey/questionCounter.ts';
import { batteryToSurveyJson, surveyDataToAnswers } from '../../survey/toSurveyJson.ts';
import { verbatimSurvey } from '../../survey/verbatimSurvey.ts';
import { resumePoint, type Draft } from '../draft.ts';
import type { KioskPlan } from '../kioskPlan.ts';
import type { KioskSession } from '../session.ts';

interface Props {
  readonly file: KioskPlan;
  readonly session: KioskSession;
  readonly locale: Locale;
  readonly draft: Draft;
  /** Called after every answer with the whole draft; the caller saves it (encrypted) at once. */
  readonly onAnswer: (draft: Draft) => void;
  readonly onComplete: (draft: Draft) => void;
}

export function batteryOf(file: KioskPlan, session: KioskSession): Instrument[] {
  return session.band.instruments.map((ref) => {
    const found = file.plan.instruments.find((def) => refOf(def) === ref);
    if (!found) throw new Error(`plan was validated: ${ref} must resolve`);
    return found;
  });
}

/** The question on screen: the single question, or on a page of questions the first one shown. */
function currentItem(survey: Model): string | undefined {
  return survey.currentSingleQuestion?.name ?? (survey.currentPage as PageModel | undefined)?.questions.find((question) => question.isVisible)?.name;
}

/** The battery in SurveyJS. Answers and per-item seconds flow out on every change. */
export function BatteryScreen({ file, session, locale, draft, onAnswer, onComplete }: Props) {
  const battery = useMemo(() => batteryOf(file, session), [file, session]);
  const draftRef = useRef(draft);
  const model = useMemo(() => {
    const survey = verbatimSurvey(batteryToSurveyJson(battery, locale, { layout: file.kiosk.layout }));
    survey.data = Object.fromEntries(Object.entries(draftRef.current.answers).filter(([, value]) => value !== null));
    const resumeAt = resumePoint(battery.flatMap((def) => def.items.map((item) => item.id)), (id) => survey.getQuestionByName(id)?.isVisible ?? false, draftRef.current);
    if (resumeAt) {
      const question = survey.getQuestionByName(resumeAt);
      if (file.kiosk.layout === 'question') survey.currentElementName = resumeAt;
      else if (question?.page) survey.currentPage = question.page;
    }
    return survey;
    // Rebuilt only when the language changes; the draft carries the answers across.
  }, [battery, locale, file.kiosk.layout]);

  const counterOf = useCallback((survey: Model) => {
    const current = currentItem(survey);
    const count = current === undefined ? undefined : questionCount(battery, current, (id) => survey.getQuestionByName(id)?.isVisible ?? false);
    return count ? questionCountText(count, locale) : '';
  }, [battery, locale]);
  const [counter, setCounter] = useState(() => counterOf(model));

  useEffect(() => {
    setCounter(counterOf(model));
    let lastMark = performance.now();
    const onPage = () => {
      lastMark = performance.now();
      setCounter(counterOf(model));
    };
    const onValue = (_: unknown, change: { name: string; value: unknown }) => {
      const current = draftRef.current;
      // A null here is SurveyJS clearing a question that was hidden again: it removes the answer, and the
      // time since the last answer belongs to the question that hid it, not to this one.
      const answers = { ...current.answers, ...surveyDataToAnswers({ [change.name]: change.value }) };
      let seconds = current.seconds;
      if (answers[change.name] !== null) {
        const now = performance.now();
        const spent = Math.round((now - lastMark) / 100) / 10;
        lastMark = now;
        seconds = { ...current.seconds, [change.name]: (current.seconds[change.name] ?? 0) + spent };
      }
      const next: Draft = { ...current, answers, seconds };
      draftRef.current = next;
      onAnswer(next);
    };
    const onDone = () => onComplete(draftRef.current);
    model.onCurrentPageChanged.add(onPage);
    model.onValueChanged.add(onValue);
    model.onComplete.add(onDone);
    return () => {
      model.onCurrentPageChanged.remove(onPage);
      model.onValueChanged.remove(onValue);
      model.onComplete.remove(onDone);
    };
  }, [model, onAnswer, onComplete, counterOf]);

  return (
    <div className="battery">
      <p className="question-count" aria-live="polite">{counter}</p>
      <Survey model={model} />
    </div>
  );
}
