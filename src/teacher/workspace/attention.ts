import { tierRank, type Tier } from '../../../scoring/index.ts';
import { tierOf, type FollowUp, type StoredBatteryResult, type StudentRecord, type Wave } from '../../records/index.ts';
import { localDay } from './localDay.ts';

/**
 * The list of students needing attention (重点关注学生清单). A student is on it from the first wave
 * that flags them (medium or high tier, an urgent flag, or an invalid result that needs a re-test)
 * until a closure (销号) of that wave. A later wave that flags them again brings them back.
 * A tier lowered at interview keeps the student on the list: only closure takes them off.
 */
export interface AttentionEntry {
  readonly record: StudentRecord;
  /** The latest wave that flagged the student. */
  readonly wave: Wave;
  readonly computedTier: Tier;
  /** The teacher's confirmed tier where there is one, else the computed tier. */
  readonly currentTier: Tier;
  readonly confirmed: boolean;
  readonly urgent: boolean;
  readonly acute: boolean;
  readonly invalid: boolean;
  readonly lastContact?: FollowUp;
  /** The next planned contact (YYYY-MM-DD), from the latest follow-up entry that set one. */
  readonly nextDue?: string;
  readonly overdue: boolean;
}

const time = (iso: string): number => Date.parse(iso);

export function flaggingResult(wave: Wave): StoredBatteryResult | undefined {
  const result = wave.results[0]?.result;
  if (wave.status !== 'completed' || !result) return undefined;
  const flagged = tierRank(result.tier) >= tierRank('medium') || result.flags.urgent || result.validity.status === 'invalid';
  return flagged ? result : undefined;
}

function latestFlaggingWave(record: StudentRecord): Wave | undefined {
  return [...record.waves].filter((wave) => flaggingResult(wave)).sort((a, b) => time(a.finishedAt) - time(b.finishedAt)).at(-1);
}

/** A closure closes the wave it names; one that names none (older records) closes waves up to its day. */
export const isClosedAfter = (record: StudentRecord, wave: Wave): boolean =>
  record.followUps.some((entry) => entry.kind === 'closure' && (entry.wave === undefined ? localDay(entry.at) >= localDay(wave.finishedAt) : entry.wave === wave.id));

/** `today` is YYYY-MM-DD in the school's time zone, from the caller's clock. */
export function attentionEntryOf(record: StudentRecord, today: string): AttentionEntry | undefined {
  const wave = latestFlaggingWave(record);
  const result = wave && flaggingResult(wave);
  if (!wave || !result || isClosedAfter(record, wave)) return undefined;
  const since = record.followUps.filter((entry) => time(entry.at) >= time(wave.finishedAt)).sort((a, b) => time(a.at) - time(b.at));
  const lastContact = since.at(-1);
  const nextDue = [...since].reverse().find((entry) => entry.due !== undefined)?.due;
  const current = tierOf(wave);
  return {
    record, wave, computedTier: result.tier, currentTier: current?.tier ?? result.tier, confirmed: current?.confirmed !== undefined,
    urgent: result.flags.urgent, acute: result.flags.acute, invalid: result.validity.status === 'invalid',
    ...(lastContact ? { lastContact } : {}), ...(nextDue ? { nextDue } : {}),
    overdue: nextDue !== undefined ? nextDue < today : lastContact === undefined,
  };
}

/** Acute and urgent first, then by tier, then overdue, then class and name. */
export function compareAttention(a: AttentionEntry, b: AttentionEntry): number {
  const rank = (entry: AttentionEntry) => (entry.acute ? 8 : 0) + (entry.urgent ? 4 : 0) + tierRank(entry.currentTier);
  return rank(b) - rank(a)
    || Number(b.overdue) - Number(a.overdue)
    || a.record.identity.className.localeCompare(b.record.identity.className, 'zh-CN')
    || a.record.identity.name.localeCompare(b.record.identity.name, 'zh-CN');
}

export function attentionList(records: readonly StudentRecord[], today: string): AttentionEntry[] {
  const entries: AttentionEntry[] = [];
  for (const record of records) {
    const entry = attentionEntryOf(record, today);
    if (entry) entries.push(entry);
  }
  return entries.sort(compareAttention);
}
