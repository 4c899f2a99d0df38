import { useState, type FormEvent, type ReactNode } from 'react';
import { issueText, type Issue, type Locale } from '../../../scoring/index.ts';
import type { KioskPlan } from '../kioskPlan.ts';
import type { KioskSession } from '../session.ts';
import { formatCode, type SignInDetails } from '../signInCode.ts';
import type { KioskText } from './text.ts';
import { useIssueCatalogue } from './useIssueCatalogue.ts';

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby="card-title">
      <h1 id="card-title">{title}</h1>
      {children}
    </section>
  );
}

export function IssueList({ issues, locale, intro }: { issues: readonly Issue[]; locale: Locale; intro?: string }) {
  const catalogue = useIssueCatalogue(issues);
  if (issues.length === 0) return null;
  return (
    <div className="issues" role="alert">
      {intro ? <p>{intro}</p> : null}
      <ul>{issues.map((found, index) => <li key={index}>{issueText(found, locale, catalogue)}</li>)}</ul>
    </div>
  );
}

/** Details sign-in; plans that require it also ask for the lab-session code on the board. */
export type DetailsSubmit = (details: SignInDetails, sessionCode: string) => void;

function DetailsForm({ file, text, busy, onSubmit }: { file: KioskPlan; text: KioskText; busy: boolean; onSubmit: DetailsSubmit }) {
  const [className, setClassName] = useState('');
  const [studentNumber, setStudentNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sessionCode, setSessionCode] = useState('');
  const asksSessionCode = file.kiosk.detailsKeys?.sessionCode === true;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ className, studentNumber, birthDate }, sessionCode);
  };
  return (
    <form onSubmit={submit} className="sign-in details">
      <label htmlFor="class">{text.classLabel}</label>
      <select id="class" value={className} onChange={(event) => setClassName(event.target.value)}>
        <option value="">—</option>
        {(file.kiosk.classes ?? []).map((name) => <option key={name} value={name}>{name}</option>)}
      </select>
      <label htmlFor="number">{text.studentNumberLabel}</label>
      <input id="number" autoComplete="off" value={studentNumber} onChange={(event) => setStudentNumber(event.target.value)} />
      <label htmlFor="birth">{text.birthDateLabel}</label>
      <input id="birth" type="date" value={birthDate} onChange={(event) => setBirthDate(event.target.value)} />
      {asksSessionCode ? (
        <>
          <label htmlFor="session-code">{text.sessionCodeLabel}</label>
          <input id="session-code" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={10} aria-describedby="session-code-hint"
            value={sessionCode} onChange={(event) => setSessionCode(event.target.value)} />
          <p id="session-code-hint" className="muted">{text.sessionCodeHint}</p>
        </>
      ) : null}
      <button type="submit" className="primary" disabled={busy || className === '' || studentNumber.trim() === '' || birthDate === '' || (asksSessionCode && sessionCode.trim() === '')}>{busy ? text.checking : text.signIn}</button>
    </form>
  );
}

export function SignInScreen({ file, text, locale, onSubmit, onSubmitDetails, busy, issues }: {
  file: KioskPlan; text: KioskText; locale: Locale; busy: boolean; issues: readonly Issue[];
  onSubmit: (code: string) => void; onSubmitDetails: DetailsSubmit;
}) {
  const [code, setCode] = useState('');
  const [byDetails, setByDetails] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code);
  };
  return (
    <Card title={text.signInTitle}>
      <p className="plan-name">{file.plan.name[locale]}</p>
      <p className="muted">{text.window(file.plan.window.opens, file.plan.window.closes)}</p>
      {byDetails ? <DetailsForm file={file} text={text} busy={busy} onSubmit={onSubmitDetails} /> : (
      <form onSubmit={submit} className="sign-in">
        <label htmlFor="code">{text.codeLabel}</label>
        <input id="code" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={12}
          value={code} onChange={(event) => setCode(event.target.value)} autoFocus aria-describedby="code-hint" />
        <p id="code-hint" className="muted">{text.signInHint}</p>
        <button type="submit" className="primary" disabled={busy || code.trim() === ''}>{busy ? text.checking : text.signIn}</button>
      </form>
      )}
      {file.kiosk.signInByDetails ? (
        <button type="button" className="link" onClick={() => setByDetails(!byDetails)}>{byDetails ? text.useCode : text.noCode}</button>
      ) : null}
      <IssueList issues={issues} locale={locale} />
      {file.kiosk.demoCodes ? (
        <aside className="demo">
          <p>{text.demoCodes}</p>
          <p className="codes">{file.kiosk.demoCodes.map((demo) => <code key={demo}>{formatCode(demo)}</code>)}</p>
          {file.kiosk.demoPin ? <p>{text.demoPin} <code>{file.kiosk.demoPin}</code></p> : null}
        </aside>
      ) : null}
    </Card>
  );
}

export function ConfirmScreen({ session, text, onYes, onNo }: { session: KioskSession; text: KioskText; onYes: () => void; onNo: () => void }) {
  return (
    <Card title={text.confirmTitle}>
      <p className="identity"><strong>{session.identity.name}</strong><span>{session.identity.className}</span></p>
      {session.resumed ? <p className="note">{text.resumeNote}</p> : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onYes} autoFocus>{text.confirmYes}</button>
        <button type="button" onClick={onNo}>{text.confirmNo}</button>
      </div>
    </Card>
  );
}

export function ConsentScreen({ consent, text, onAgree, onDecline }: { consent: string; text: KioskText; onAgree: () => void; onDecline: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <Card title={text.consentTitle}>
      <p className="consent">{consent}</p>
      {asking ? (
        <div className="actions">
          <p>{text.declineConfirm}</p>
          <button type="button" onClick={onDecline}>{text.declineYes}</button>
          <button type="button" className="primary" onClick={() => setAsking(false)} autoFocus>{text.back}</button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={onAgree} autoFocus>{text.agree}</button>
          <button type="button" onClick={() => setAsking(true)}>{text.decline}</button>
        </div>
      )}
    </Card>
  );
}

export function ThankYouScreen({ title, thanks, help, footer }: { title: string; thanks: string; help: string; footer: string }) {
  return (
    <Card title={title}>
      <p className="thanks">{thanks}</p>
      <p className="help">{help}</p>
      <p className="muted" aria-live="polite">{footer}</p>
    </Card>
  );
}
