import { useEffect, useMemo, useRef, useState } from 'react';
import type { Issue, Locale, Outcome } from '../../../../scoring/index.ts';
import { describeIssue } from '../../../issueMessages.ts';
import { bundledCatalog } from '../../../library/bundled.ts';
import type { LabAlert } from '../../../lab/protocol.ts';
import { ALERT_LOG_SECRET, acknowledgedInRecord, alertReasonTexts, openLabAlert, pendingAlerts, type AlertListing, type AlertLogEntry } from '../../workspace/labAlerts.ts';
import { formatDateTime } from '../studentDates.ts';
import type { WorkspaceView } from '../WorkspaceContext.ts';
import { MONITOR_TEXT, type MonitorText } from './monitorText.ts';
import type { LabServer } from '../lab/useLabServer.ts';
import './monitor.css';

interface Props {
  readonly lab: LabServer;
  /** Undefined while the workspace is locked: the banner still shows, without the name. */
  readonly view: WorkspaceView | undefined;
  readonly locale: Locale;
}

/** Permanent problems (another key, bad content) are kept; a failed download is retried at the next poll. */
const permanent = (outcome: Outcome<LabAlert>): boolean => outcome.ok || outcome.issues.some((found) => found.code.startsWith('lab_alert_'));

function AlertLine({ listing, opened, locked, text, locale }: { listing: AlertListing; opened: Outcome<LabAlert> | undefined; locked: boolean; text: MonitorText; locale: Locale }) {
  if (locked) return <p className="lab-alert-headline">{text.alertLocked(listing.machine)}</p>;
  if (!opened) return <p className="lab-alert-headline">{text.alertOpening(listing.machine)}</p>;
  if (!opened.ok) {
    return (
      <>
        <p className="lab-alert-headline">{text.alertUnknown(listing.machine)}</p>
        <p>{opened.issues.map((found) => describeIssue(found, locale)).join(' ')}</p>
      </>
    );
  }
  const alert = opened.value;
  return (
    <>
      <p className="lab-alert-headline">{text.alertNamed(alert.student.name, alert.student.className, alert.machine)}</p>
      <p>
        <strong>{text.level[alert.level]}</strong> · {text.alertAt(formatDateTime(alert.at, locale))}
        {alert.reasons.length > 0 && <> · {text.reasons}: {alertReasonTexts(alert.reasons, bundledCatalog, locale).join('；')}</>}
      </p>
    </>
  );
}

/**
 * The red banner at the top of every page, locked or not, for each alert nobody has acknowledged. It
 * opens the sealed alert with the school key only while the workspace is unlocked, keeps it only in
 * memory, and forgets the names when the workspace locks.
 */
export function AlertBanner({ lab, view, locale }: Props) {
  const text = MONITOR_TEXT[locale];
  const [opened, setOpened] = useState<ReadonlyMap<string, Outcome<LabAlert>>>(new Map());
  const [acknowledgedHere, setAcknowledgedHere] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | undefined>();
  const [problem, setProblem] = useState<{ prefix: string; message: string } | undefined>();
  const fetching = useRef(new Set<string>());
  const workspace = view?.workspace;
  const { client, hasToken } = lab;
  const pending = useMemo(() => pendingAlerts(lab.monitor?.alerts ?? [], acknowledgedHere), [lab.monitor, acknowledgedHere]);

  useEffect(() => {
    // locked: the names go with the key
    if (!workspace) setOpened(new Map());
  }, [workspace]);

  useEffect(() => {
    if (!workspace || !hasToken) return;
    for (const listing of pending) {
      if (opened.has(listing.id) || fetching.current.has(listing.id)) continue;
      fetching.current.add(listing.id);
      void (async () => {
        const bytes = await client.alertBytes(listing.id);
        const outcome = bytes.ok ? await openLabAlert(bytes.value, workspace.key, listing) : bytes;
        fetching.current.delete(listing.id);
        if (permanent(outcome)) setOpened((before) => new Map(before).set(listing.id, outcome));
      })();
    }
  }, [pending, opened, workspace, client, hasToken]);

  useEffect(() => {
    if (pending.length === 0) return undefined;
    const before = document.title;
    document.title = `${text.pageTitle}${before}`;
    return () => { document.title = before; };
  }, [pending.length, text.pageTitle]);

  const acknowledge = async (listing: AlertListing) => {
    if (!view || !lab.hasToken) return;
    setBusy(listing.id);
    setProblem(undefined);
    const sent = await lab.client.acknowledge(listing.id, view.workspace.teacher);
    if (!sent.ok) {
      setBusy(undefined);
      setProblem({ prefix: text.ackFailed, message: sent.issues.map((found: Issue) => describeIssue(found, locale)).join(' ') });
      return;
    }
    setAcknowledgedHere((before) => new Set(before).add(listing.id));
    try {
      const context = view.changeContext();
      const content = opened.get(listing.id);
      const alert = content?.ok ? content.value : undefined;
      const changed = alert && acknowledgedInRecord(view.records, alert, context);
      if (changed) await view.commit([changed]);
      const store = view.workspace.store;
      const log = (await store.loadSecret<AlertLogEntry[]>(ALERT_LOG_SECRET)) ?? [];
      const entry: AlertLogEntry = { id: listing.id, machine: listing.machine, receivedAt: listing.receivedAt, by: context.by, at: context.now(), ...(alert ? { studentId: alert.student.studentId, level: alert.level } : {}) };
      await store.saveSecret(ALERT_LOG_SECRET, [...log, entry], context.now());
    } catch (error) {
      setProblem({ prefix: text.auditFailed, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(undefined);
      lab.pollNow();
    }
  };

  if (pending.length === 0 && !problem) return null;
  return (
    <div className="lab-alerts">
      {pending.map((listing) => (
        <section key={listing.id} className="lab-alert" role="alert" aria-label={text.alertHeading}>
          <AlertLine listing={listing} opened={opened.get(listing.id)} locked={!view} text={text} locale={locale} />
          {view ? (
            <button type="button" className="lab-alert-ack" disabled={busy !== undefined || !lab.hasToken} onClick={() => void acknowledge(listing)}>
              {busy === listing.id ? text.acknowledging : text.acknowledge}
            </button>
          ) : <p>{text.unlockToAcknowledge}</p>}
        </section>
      ))}
      {problem && <p className="warning" role="alert">{problem.prefix}{problem.message}</p>}
    </div>
  );
}
