import type { DraftOnMachine } from '../../records/batchFile.ts';
import type { RecordStore } from './recordStore.ts';

/**
 * Students who started on a lab machine and did not finish. A batch lists the sign-in lookups of the
 * drafts left on its machine; the workspace kept each student's lookups when it built the plan, so it
 * can name them (nobody else can). The set only grows: a student who later finishes has a wave, and
 * a wave wins over "partial" in the summary.
 */
export const lookupsSecret = (plan: string): string => `lookups:${plan}`;
const partialSecret = (plan: string): string => `partial:${plan}`;

export async function partialStudents(store: RecordStore, plan: string): Promise<ReadonlySet<string>> {
  return new Set((await store.loadSecret<string[]>(partialSecret(plan))) ?? []);
}

/** Adds the students whose drafts a batch reports; returns how many of the drafts it could name. */
export async function notePartial(store: RecordStore, plan: string, drafts: readonly DraftOnMachine[], now: string): Promise<number> {
  if (drafts.length === 0) return 0;
  const lookups = (await store.loadSecret<Record<string, string>>(lookupsSecret(plan))) ?? {};
  const named = drafts.map((draft) => lookups[draft.lookup]).filter((number): number is string => number !== undefined);
  const known = await partialStudents(store, plan);
  await store.saveSecret(partialSecret(plan), [...new Set([...known, ...named])].sort(), now);
  return named.length;
}
