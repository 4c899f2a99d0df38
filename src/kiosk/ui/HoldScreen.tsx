import { useState, type FormEvent } from 'react';
import type { Locale } from '../../../scoring/index.ts';
import type { KioskPlan, RosterIdentity } from '../kioskPlan.ts';
import { holdReasons, type Hold } from '../crisis.ts';
import { PIN_THROTTLE, PIN_THROTTLE_KEY, pinMatches } from '../pin.ts';
import { browserThrottleStorage, minutesAndSeconds, useAttemptThrottle } from '../../common/useAttemptThrottle.ts';
import { Card, IssueList } from './screens.tsx';
import type { KioskText } from './text.ts';

/** Who and why, for the teacher behind the PIN: in memory only, gone with a reload. */
export interface HoldInfo {
  readonly identity: RosterIdentity;
  readonly hold: Hold;
}

/**
 * After a result that needs a teacher now: a calm screen that asks the student to stay seated (no word
 * of risk), with no timeout. Only the plan's teacher PIN opens the part that names the student and the
 * reason, and only from there does the machine go back to sign-in.
 */
export function HoldScreen({ file, text, locale, info, onRelease }: {
  file: KioskPlan; text: KioskText; locale: Locale; info: HoldInfo | undefined; onRelease: () => void;
}) {
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [unlocked, setUnlocked] = useState(false);
  const [storage] = useState(browserThrottleStorage);
  const throttle = useAttemptThrottle(PIN_THROTTLE, PIN_THROTTLE_KEY, storage);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (throttle.secondsLeft > 0) return;
    setChecking(true);
    const ok = await pinMatches(file.kiosk.pin, pin);
    setChecking(false);
    setPin('');
    setWrong(!ok);
    setUnlocked(ok);
    if (ok) throttle.succeeded();
    else throttle.failed();
  };

  if (unlocked) {
    return (
      <Card title={text.pinTitle}>
        {info ? (
          <div className="hold-info">
            <p className="identity"><strong>{text.holdStudent(info.identity.name, info.identity.className)}</strong></p>
            <p>{text.holdReasons}</p>
            <ul>{holdReasons(file.plan, info.hold).map((reason) => <li key={reason.id}>{reason.text?.[locale] ?? reason.id}</li>)}</ul>
            <p className="muted">{text.holdAlertQueued}</p>
          </div>
        ) : <p className="note">{text.holdForgotten}</p>}
        <div className="actions"><button type="button" className="primary" onClick={onRelease}>{text.holdRelease}</button></div>
      </Card>
    );
  }
  return (
    <Card title={text.holdTitle}>
      <p className="thanks" data-hold>{text.holdBody}</p>
      <form onSubmit={(event) => void unlock(event)} className="sign-in hold-pin">
        <label htmlFor="hold-pin">{text.holdTeacher}</label>
        <input id="hold-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(event) => setPin(event.target.value)} />
        <button type="submit" disabled={checking || pin === '' || throttle.secondsLeft > 0}>{checking ? text.checking : text.unlock}</button>
      </form>
      {throttle.secondsLeft > 0 ? <p className="note" role="status">{text.pinWait(minutesAndSeconds(throttle.secondsLeft))}</p>
        : wrong ? <IssueList issues={[{ code: 'pin_wrong', path: [] }]} locale={locale} /> : null}
    </Card>
  );
}
