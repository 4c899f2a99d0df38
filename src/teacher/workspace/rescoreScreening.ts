import { shortRefOf, type Catalog, type Issue, type ScoringEngine, type Tier } from '../../../scoring/index.ts';
import { rescoreWave, type StudentRecord } from '../../records/index.ts';
import { withAudit } from './audit.ts';
import { instrumentsOfScreening } from './localNorms.ts';
import type { ChangeContext } from './context.ts';
import { waveOfPlan } from './summary.ts';

export interface RescoreRequest {
  /** The screening, `id@version`. */
  readonly plan: string;
  /** `id@version` of the norm tables to score with (e.g. the school's newly derived ones). */
  readonly norms: readonly string[];
  /** `id@version` of the tier policy. */
  readonly policy: string;
  /** Shown beside the result on the student page, e.g. "2027 本校常模". */
  readonly label: string;
}

export interface RescoreReport {
  readonly changed: readonly StudentRecord[];
  /** Completed waves given the new result (or that already had it under this label). */
  readonly rescored: number;
  /** Students whose tier the new scoring differs on, original → new. */
  readonly tierChanges: readonly { readonly name: string; readonly className: string; readonly from: Tier; readonly to: Tier }[];
  /** Per student who could not be re-scored, why (their record is left as it was). */
  readonly problems: readonly { readonly name: string; readonly issue: Issue }[];
}

/**
 * Scores every completed wave of a screening again with the same instrument versions and the chosen
 * norms and policy, and adds the result under a label beside the original (which stays first and is
 * what the lists and summaries use). Logged in each record. Running it again changes nothing.
 */
export function rescoreScreening(records: readonly StudentRecord[], catalog: Catalog, request: RescoreRequest, context: ChangeContext): RescoreReport {
  const norms = catalog.norms.filter((table) => request.norms.includes(shortRefOf(table)));
  const policy = catalog.policies.find((candidate) => shortRefOf(candidate) === request.policy);
  if (!policy) throw new Error(`rescoreScreening: policy ${request.policy} is not in the catalog`);
  const changed: StudentRecord[] = [];
  const tierChanges: RescoreReport['tierChanges'][number][] = [];
  const problems: RescoreReport['problems'][number][] = [];
  let rescored = 0;
  const label = { label: request.label.trim(), at: context.now() };
  const engines = new Map<string, ScoringEngine>();
  for (const record of records) {
    const wave = waveOfPlan(record, request.plan);
    if (wave?.status !== 'completed') continue;
    const outcome = rescoreWave(wave, catalog.instruments, norms, policy, label, engines);
    if (!outcome.ok) {
      const [first] = outcome.issues;
      if (first) problems.push({ name: record.identity.name, issue: first });
      continue;
    }
    rescored += 1;
    const added = outcome.value.results.find((result) => result.label === label.label)?.result;
    const original = outcome.value.results[0]?.result;
    if (added && original && added.tier !== original.tier) tierChanges.push({ name: record.identity.name, className: record.identity.className, from: original.tier, to: added.tier });
    if (outcome.value === wave) continue;
    const updated = { ...record, waves: record.waves.map((candidate) => (candidate.id === wave.id ? outcome.value : candidate)) };
    changed.push(withAudit(updated, context, 'rescored', `${label.label}: ${[...norms.map(shortRefOf), request.policy].join(', ')}`));
  }
  return { changed, rescored, tierChanges, problems };
}

/**
 * The norm tables a re-scoring starts from: those the screening was scored with, except where the
 * school has derived its own table for an instrument, which then takes that instrument's place. So a
 * teacher who only wants to try the new local norms does not silently lose the others' T-scores.
 */
export function defaultRescoreNorms(records: readonly StudentRecord[], plan: string, catalog: Catalog): string[] {
  const used = new Set(records.flatMap((record) => {
    const wave = waveOfPlan(record, plan);
    return wave?.status === 'completed' ? wave.results[0]?.result.used.norms ?? [] : [];
  }));
  const instruments = new Set(instrumentsOfScreening(records, plan));
  const tables = catalog.norms.filter((table) => instruments.has(table.instrument));
  const derivedFor = new Set(tables.filter((table) => table.derived).map((table) => table.instrument));
  return tables.filter((table) => (table.derived ? true : used.has(shortRefOf(table)) && !derivedFor.has(table.instrument))).map(shortRefOf);
}
