import { fail, issue, parseWith, pickText, succeed, type Catalog, type Locale, type Outcome } from '../../../scoring/index.ts';
import { ZLabAlert, type LabAlert, type Monitor } from '../../lab/protocol.ts';
import { createOpener, type KeyForOpening, type StudentRecord } from '../../records/index.ts';
import { withAudit } from './audit.ts';
import type { ChangeContext } from './context.ts';

/*
 * A crisis alert from a kiosk reaches the workspace sealed to the school key: the lab server sees a
 * machine id and a time, never who. The workspace opens it only while unlocked, keeps it in memory,
 * and logs who acknowledged it in the student's record (audit.ts), so the log travels with the file.
 */

export type AlertListing = Monitor['alerts'][number];
export const ALERT_ACKNOWLEDGED = 'lab_alert_acknowledged';

/** Opens a sealed alert and checks it is the one the server listed (same id, same PC): a swapped file is not trusted. */
export async function openLabAlert(bytes: Uint8Array<ArrayBuffer>, key: KeyForOpening, listing: AlertListing): Promise<Outcome<LabAlert>> {
  const opened = await createOpener({ key }).openJson(bytes, ['psyscreen-sealed']);
  if (!opened.ok) return fail([issue('lab_alert_unopenable', [], { machine: listing.machine })]);
  const alert = parseWith(ZLabAlert, opened.value.value);
  if (!alert.ok) return fail([issue('lab_alert_invalid', [], { machine: listing.machine })]);
  if (alert.value.id !== listing.id || alert.value.machine !== listing.machine) return fail([issue('lab_alert_invalid', ['id'], { machine: listing.machine })]);
  return succeed(alert.value);
}

/** Alerts still to show: not acknowledged on the server, nor just now here (the next poll catches up). */
export const pendingAlerts = (alerts: readonly AlertListing[], acknowledgedHere: ReadonlySet<string>): AlertListing[] =>
  alerts.filter((alert) => !alert.acknowledged && !acknowledgedHere.has(alert.id)).sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));

const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, '').toUpperCase();

/** The audit entry for an acknowledged alert, in the student's record; undefined when nobody here has that student number. */
export function acknowledgedInRecord(records: readonly StudentRecord[], alert: LabAlert, context: ChangeContext): StudentRecord | undefined {
  const record = records.find((candidate) => comparable(candidate.identity.studentNumber) === comparable(alert.student.studentId));
  if (!record) return undefined;
  const detail = [alert.level, alert.machine, alert.at, ...alert.reasons, `alert ${alert.id}`].join(' · ');
  return withAudit(record, context, ALERT_ACKNOWLEDGED, detail);
}

/** The workspace's own log of acknowledged alerts (encrypted with the records): kept even for a student not on the roster. */
export const ALERT_LOG_SECRET = 'lab-alerts';
export interface AlertLogEntry {
  readonly id: string;
  readonly machine: string;
  readonly receivedAt: string;
  readonly by: string;
  readonly at: string;
  readonly studentId?: string;
  readonly level?: LabAlert['level'];
}

/**
 * An alert's reasons in words: each critical item's own reason text from the catalogue (e.g. "急迫：…"),
 * or its id where the catalogue does not have the instrument (a school's own, not yet imported).
 */
export function alertReasonTexts(reasons: readonly string[], catalog: Catalog, locale: Locale): string[] {
  return reasons.map((id) => {
    for (const definition of catalog.instruments) {
      const rule = definition.critical?.find((candidate) => candidate.id === id);
      if (rule?.reason) return pickText(rule.reason, locale);
    }
    return id;
  });
}
