import { useEffect, useState } from 'react';
import type { KioskDb } from '../../store/kioskDb.ts';
import type { KioskText } from './text.ts';

interface Summary {
  readonly waiting: number;
  readonly uploaded: number;
  readonly refused: readonly { id: string; reason: string; createdAt: string }[];
  readonly alertsRefused: number;
}

async function summarize(db: KioskDb): Promise<Summary> {
  const submissions = await db.submissions.toArray();
  return {
    waiting: await db.outbox.count(),
    uploaded: submissions.filter((row) => row.uploadedAt !== undefined).length,
    alertsRefused: (await db.outbox.where('kind').equals('alert').toArray()).filter((row) => row.kind === 'alert' && row.refused !== undefined).length,
    refused: submissions.filter((row) => row.serverRefused !== undefined).map((row) => ({ id: row.id, reason: row.serverRefused ?? '', createdAt: row.createdAt })),
  };
}

/** For the teacher: what the lab server still lacks, and which submissions it refused (kept here, in the batch export). */
export function LabSummary({ db, text }: { db: KioskDb; text: KioskText }) {
  const [summary, setSummary] = useState<Summary>();
  useEffect(() => { void summarize(db).then(setSummary); }, [db]);
  if (!summary || (summary.waiting === 0 && summary.uploaded === 0 && summary.refused.length === 0)) return null;
  const alertsRefused = summary.alertsRefused > 0 ? <p>{text.labAlertsRefused(summary.alertsRefused)}</p> : null;
  return (
    <div className="note lab-summary">
      <p>{text.labQueue(summary.waiting, summary.uploaded)}</p>
      {alertsRefused}
      {summary.refused.length > 0 ? (
        <>
          <p>{text.labRefused(summary.refused.length)}</p>
          <ul>{summary.refused.map((row) => <li key={row.id}><code>{row.id.slice(0, 8)}</code> {row.createdAt.slice(0, 16).replace('T', ' ')} — {row.reason}</li>)}</ul>
        </>
      ) : null}
    </div>
  );
}

/** Said to the teacher, not to students: what a plain-http lab origin cannot do. */
export function InsecureContextNote({ text }: { text: KioskText }) {
  if (typeof window === 'undefined' || window.isSecureContext) return null;
  return (
    <div className="insecure" role="note">
      <p>{text.insecureTitle}</p>
      <ul><li>{text.insecureOffline}</li><li>{text.insecureFolder}</li></ul>
    </div>
  );
}
