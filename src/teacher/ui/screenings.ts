import type { StudentRecord } from '../../records/index.ts';

/** The screening plans the workspace has data for, newest first (by the latest finish time in each). */
export function screeningsIn(records: readonly StudentRecord[]): string[] {
  const latest = new Map<string, number>();
  for (const record of records) {
    for (const wave of record.waves) latest.set(wave.plan, Math.max(latest.get(wave.plan) ?? 0, Date.parse(wave.finishedAt)));
  }
  return [...latest].sort(([, a], [, b]) => b - a).map(([plan]) => plan);
}
