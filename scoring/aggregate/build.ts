import { z } from 'zod';
import { refOf, shortRefOf } from '../library/ref.ts';
import { fail, issue, type Issue, type Outcome } from '../outcome.ts';
import type { Sex } from '../schema/common.ts';
import { scaleRange, type Instrument } from '../schema/instrument.ts';
import { parseWith } from '../schema/parse.ts';
import type { Plan } from '../schema/plan.ts';
import { tierRank, type Tier } from '../schema/vocabulary.ts';
import type { BatteryResult } from '../score/types.ts';
import { canonicalAggregate } from './canonical.ts';
import { groupKey } from './groups.ts';
import { histogramFrom } from './histogram.ts';
import {
  AGGREGATE_FORMAT, FOLLOW_UP_MEASURES, MIN_K, ZAggregate, ZCode, ZTimestamp,
  type Aggregate, type AggregateCell, type CellFollowUp, type FollowUpMeasure, type InstrumentSummary, type ScaleSummary, type TierCounts,
} from './schema.ts';

export interface AggregateParticipant {
  readonly grade: number;
  readonly sex: Sex;
  readonly status: 'completed' | 'declined' | 'absent';
  /** The scored battery; required when completed. */
  readonly result?: BatteryResult;
  /**
   * What the school did after the screening, counted for high-risk results only (format 2). Give it
   * for every participant or for none: a file with follow-up counts any high-risk student without it
   * as nothing done.
   */
  readonly followUp?: FollowUpFacts;
}

export type FollowUpFacts = Readonly<Record<FollowUpMeasure, boolean>>;

export interface BuildAggregateInput {
  readonly school: { readonly code: string; readonly name: string; readonly county: string };
  /** The screening's plan: its school year, its id@version and the exact instruments it gave. */
  readonly plan: Plan;
  /** Suppression threshold for publishing; 5 when absent, never lower. */
  readonly k?: number;
  /** When the file is made; the caller reads the clock. */
  readonly created: string;
  /** Everyone on the roster, one entry per student. Nothing that names a student is read. */
  readonly participants: readonly AggregateParticipant[];
}

const ZHeader = z.strictObject({
  school: z.strictObject({ code: ZCode, name: z.string().trim().min(1).max(200), county: z.string().trim().min(1).max(200) }),
  k: z.number().int().min(MIN_K).optional(),
  created: ZTimestamp,
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
interface ScaleTally {
  summary: Mutable<Omit<ScaleSummary, 'histogram'>>;
  scores: Map<number, number>;
}
interface InstrumentTally {
  summary: Mutable<Omit<InstrumentSummary, 'scales'>>;
  scales: Map<string, ScaleTally>;
}
interface CellTally {
  cell: Mutable<Omit<AggregateCell, 'instruments' | 'followUp'>>;
  followUp?: Mutable<CellFollowUp>;
  instruments: Map<string, InstrumentTally>;
}

const noTiers = (): TierCounts => ({ low: 0, medium: 0, high: 0 });
const noFollowUp = (): Mutable<CellFollowUp> => ({ interviewed: 0, parentsInformed: 0, referred: 0, within7Days: 0, closed: 0 });

/**
 * A school's exact aggregate of one screening wave: per grade × sex, participation, tiers, urgent flags
 * and per instrument its own tiers, score histograms and band counts. Nothing per student survives:
 * no name, code, birth date or class is read, and each student only adds one to some counts.
 * This exact file stays in the school; `publishAggregate` makes the copy that may leave.
 */
export function buildAggregate(input: BuildAggregateInput): Outcome<Aggregate> {
  const header = parseWith(ZHeader, { school: input.school, k: input.k, created: input.created });
  if (!header.ok) return header;
  const planRef = shortRefOf(input.plan);
  const instruments = new Map(input.plan.instruments.map((def) => [refOf(def), def] as const));
  const issues = input.participants.flatMap((participant, index) => checkParticipant(participant, index, planRef, instruments));
  if (issues.length > 0) return fail(issues);

  const cells = new Map<string, CellTally>();
  const withFollowUp = input.participants.some((participant) => participant.followUp !== undefined);
  for (const participant of input.participants) {
    const key = groupKey(participant);
    const tally = cells.get(key) ?? { cell: emptyCell(participant.grade, participant.sex), instruments: new Map(), ...(withFollowUp ? { followUp: noFollowUp() } : {}) };
    cells.set(key, tally);
    countParticipant(tally, participant, instruments);
  }

  const aggregate: Aggregate = canonicalAggregate({
    format: AGGREGATE_FORMAT,
    // Version 2 only when the file carries follow-up, so a file without it still opens in older readers.
    version: withFollowUp ? 2 : 1,
    stage: 'exact',
    schoolYear: input.plan.schoolYear,
    k: input.k ?? MIN_K,
    provenance: { schools: [{ ...header.value.school, created: input.created }], stamps: [] },
    plans: [planRef],
    instruments: [...instruments.keys()],
    cells: [...cells.values()].map(finishCell),
    margins: [],
    suppressed: [],
  });
  // The schema's cross-field rules double as a check of this function.
  return parseWith(ZAggregate, aggregate);
}

function checkParticipant(participant: AggregateParticipant, index: number, planRef: string, instruments: ReadonlyMap<string, Instrument>): Issue[] {
  const path = ['participants', index];
  if (!Number.isInteger(participant.grade) || participant.grade < 1 || participant.grade > 12) return [issue('participant_bad_grade', [...path, 'grade'], { grade: String(participant.grade) })];
  const result = participant.result;
  if (participant.status !== 'completed') return result ? [issue('result_without_completion', [...path, 'result'], { status: participant.status })] : [];
  if (!result) return [issue('participant_without_result', path)];
  const found: Issue[] = [];
  if (result.respondent.grade !== participant.grade || result.respondent.sex !== participant.sex) {
    found.push(issue('result_respondent_mismatch', [...path, 'result', 'respondent'], { grade: participant.grade, sex: participant.sex, resultGrade: result.respondent.grade, resultSex: result.respondent.sex }));
  }
  if (result.used.plan !== undefined && result.used.plan !== planRef) found.push(issue('result_from_other_plan', [...path, 'result', 'used', 'plan'], { plan: result.used.plan, expected: planRef }));
  result.instruments.forEach((scored, i) => {
    if (!instruments.has(scored.instrument)) found.push(issue('result_unknown_instrument', [...path, 'result', 'instruments', i, 'instrument'], { instrument: scored.instrument }));
  });
  return found;
}

const emptyCell = (grade: number, sex: Sex): CellTally['cell'] => ({ grade, sex, roster: 0, completed: 0, declined: 0, invalid: 0, tiers: noTiers(), urgent: 0 });

function countParticipant(tally: CellTally, participant: AggregateParticipant, instruments: ReadonlyMap<string, Instrument>): void {
  const cell = tally.cell;
  cell.roster += 1;
  if (participant.status === 'declined') cell.declined += 1;
  const result = participant.result;
  if (participant.status !== 'completed' || !result) return;
  cell.completed += 1;
  cell.tiers[result.tier] += 1;
  if (result.flags.urgent) cell.urgent += 1;
  if (tally.followUp && result.tier === 'high' && participant.followUp) {
    const facts = participant.followUp;
    for (const measure of FOLLOW_UP_MEASURES) if (facts[measure]) tally.followUp[measure] += 1;
    // "within 7 days" is a kind of "interviewed": a student counted there is counted as interviewed too.
    if (facts.within7Days && !facts.interviewed) tally.followUp.interviewed += 1;
  }
  const valid = result.validity.status !== 'invalid';
  if (!valid) cell.invalid += 1;
  for (const scored of result.instruments) {
    const def = instruments.get(scored.instrument);
    if (!def) continue; // refused by checkParticipant
    const own = tally.instruments.get(scored.instrument) ?? newInstrumentTally(scored.instrument, def);
    tally.instruments.set(scored.instrument, own);
    own.summary.completed += 1;
    own.summary.tiers[instrumentTier(result, scored.instrument)] += 1;
    if (scored.critical.length > 0) own.summary.urgent += 1;
    // Invalid answers keep their tier and flags but say nothing about how students feel: no score counted.
    if (!valid) continue;
    for (const scale of scored.scales) {
      const scaleTally = own.scales.get(scale.id);
      if (!scaleTally || scale.raw === null) continue;
      scaleTally.summary.scored += 1;
      scaleTally.scores.set(scale.raw, (scaleTally.scores.get(scale.raw) ?? 0) + 1);
      const band = scaleTally.summary.bands.find((candidate) => candidate.band === scale.band);
      if (band) band.count += 1;
    }
  }
}

function newInstrumentTally(ref: string, def: Instrument): InstrumentTally {
  const scales = new Map(def.scales.map((scale): [string, ScaleTally] => {
    const range = scaleRange(def, scale);
    const bands = (scale.bands ?? []).map((band) => ({ band: band.id, gte: band.gte, ...(band.lt === undefined ? {} : { lt: band.lt }), count: 0 }));
    return [scale.id, { summary: { scale: scale.id, min: range.min, max: range.max, scored: 0, pooled: [], bands }, scores: new Map() }];
  }));
  return { summary: { instrument: ref, completed: 0, tiers: noTiers(), urgent: 0 }, scales };
}

/** The tier this instrument alone gave: its highest rule, or high for any of its critical items. */
function instrumentTier(result: BatteryResult, ref: string): Tier {
  let tier: Tier = 'low';
  for (const reason of result.reasons) {
    if (reason.instrument !== ref) continue;
    const given: Tier = reason.kind === 'rule' ? reason.tier : 'high';
    if (tierRank(given) > tierRank(tier)) tier = given;
  }
  return tier;
}

const finishCell = (tally: CellTally): AggregateCell => ({
  ...tally.cell,
  ...(tally.followUp ? { followUp: tally.followUp } : {}),
  instruments: [...tally.instruments.values()].map((own) => ({
    ...own.summary,
    scales: [...own.scales.values()].map((scale) => ({ ...scale.summary, histogram: histogramFrom(scale.scores) })),
  })),
});
