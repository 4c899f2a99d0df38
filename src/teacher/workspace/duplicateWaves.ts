import type { StudentRecord, Wave } from '../../records/index.ts';
import { withAudit } from './audit.ts';
import type { ChangeContext } from './context.ts';

/*
 * One student, one plan, two completed submissions with different ids: the student finished on two PCs
 * (e.g. the lab server was down, two USB batches). Both are kept — records are append-only and merge
 * by wave id — but every completed wave of a plan after the first one filed is a duplicate until a
 * teacher decides. The decision is an audit entry, so it travels with the record like the waves do.
 */

export const DUPLICATE_FLAGGED = 'wave_duplicate_flagged';
export const DUPLICATE_KEPT = 'wave_duplicate_kept';

export interface DuplicateWave {
  /** The later wave, flagged. */
  readonly wave: Wave;
  /** The first completed wave of the same plan filed into the record. */
  readonly earlier: Wave;
}

/** Filing order: where the record logged the wave's arrival; waves from before the log by finish time. */
function filingOrder(record: StudentRecord): (a: Wave, b: Wave) => number {
  const filedAt = new Map<string, number>();
  record.audit.forEach((entry, index) => {
    if (entry.action === 'wave_added' && entry.detail !== undefined && !filedAt.has(entry.detail)) filedAt.set(entry.detail, index);
  });
  const rank = (wave: Wave): number => filedAt.get(wave.id) ?? -1;
  return (a, b) => rank(a) - rank(b) || Date.parse(a.finishedAt) - Date.parse(b.finishedAt);
}

/** The completed wave of this plan already in the record, if any: a new completed submission for it is a duplicate. */
export const completedWaveOf = (record: StudentRecord, plan: string): Wave | undefined =>
  [...record.waves].filter((wave) => wave.plan === plan && wave.status === 'completed').sort(filingOrder(record))[0];

/** Duplicates that still need the teacher's decision, in filing order. */
export function unresolvedDuplicates(record: StudentRecord): DuplicateWave[] {
  const kept = new Set(record.audit.filter((entry) => entry.action === DUPLICATE_KEPT).map((entry) => entry.detail));
  const byPlan = new Map<string, Wave[]>();
  for (const wave of [...record.waves].sort(filingOrder(record))) {
    if (wave.status !== 'completed') continue;
    const waves = byPlan.get(wave.plan) ?? [];
    byPlan.set(wave.plan, waves);
    waves.push(wave);
  }
  return [...byPlan.values()].flatMap(([earlier, ...later]) =>
    earlier ? later.filter((wave) => !kept.has(wave.id)).map((wave) => ({ wave, earlier })) : []);
}

/** The teacher looked at both and keeps both (e.g. a deliberate re-test): the flag goes, the log says who. */
export function keepDuplicate(record: StudentRecord, waveId: string, context: ChangeContext): StudentRecord {
  return withAudit(record, context, DUPLICATE_KEPT, waveId);
}
