import {
  buildAggregate, publishAggregate, shortRefOf, succeed, type Aggregate, type AggregateParticipant, type BatteryResult, type Outcome, type Plan,
} from '../../../scoring/index.ts';
import type { StoredBatteryResult, StudentRecord } from '../../records/index.ts';
import { followUpFacts } from './followUpFacts.ts';
import { waveOfPlan } from './summary.ts';

export interface AggregateOfScreeningRequest {
  /** Every student record of the workspace. */
  readonly records: readonly StudentRecord[];
  /** The screening's plan (from the kiosk plan file the workspace built). */
  readonly plan: Plan;
  /** The grades whose students were on the plan's roster; absent = the grades in which someone has a wave of the plan. */
  readonly grades?: Iterable<number>;
  /** The school as the bureau knows it. `name` also picks the waves: a wave some other school ran does not count here. */
  readonly school: { readonly code: string; readonly name: string; readonly county: string };
  /** Suppression threshold, 5 or more. */
  readonly k?: number;
  /** When the file is made (the caller reads the clock). */
  readonly created: string;
}

export interface ScreeningAggregate {
  /** Every count: stays in the school (it is what the published copy is made from). */
  readonly exact: Aggregate;
  /** Suppressed: the only copy that may leave the school. */
  readonly published: Aggregate;
}

/**
 * A stored result is the scoring result as written (records/batteryResult.ts checks the schema covers
 * the type); it differs only in that optional fields may be typed `| undefined`, which JSON never holds.
 */
const scoredResult = (stored: StoredBatteryResult): BatteryResult => stored as BatteryResult;

/**
 * Who the screening counted, one entry per student on its roster: the latest wave of the plan that
 * this school ran (completed with its original scoring, or declined), else absent. Only grade, sex,
 * status and the scored result go in; name, number, class and birth date are never read.
 * Completed waves take grade and sex from the result, which is what was scored.
 */
export function participantsOfScreening(request: Pick<AggregateOfScreeningRequest, 'records' | 'plan' | 'grades' | 'school'>): AggregateParticipant[] {
  const planRef = shortRefOf(request.plan);
  const ranHere = (record: StudentRecord) => {
    const wave = waveOfPlan(record, planRef);
    return wave && wave.school === request.school.name ? wave : undefined;
  };
  const grades = new Set(request.grades ?? request.records.flatMap((record) => {
    const wave = ranHere(record);
    return wave ? [wave.grade] : [];
  }));
  const participants: AggregateParticipant[] = [];
  for (const record of request.records) {
    const wave = ranHere(record);
    const grade = wave?.grade ?? record.identity.grade;
    if (!grades.has(grade)) continue;
    const stored = wave?.status === 'completed' ? wave.results[0]?.result : undefined;
    const result = stored ? scoredResult(stored) : undefined;
    // What followed goes in for every completed result; the aggregate counts it for high-risk ones only.
    if (result && wave) participants.push({ grade: result.respondent.grade, sex: result.respondent.sex, status: 'completed', result, followUp: followUpFacts(record, wave) });
    else if (wave) participants.push({ grade, sex: record.identity.sex, status: wave.status === 'declined' ? 'declined' : 'absent' });
    else participants.push({ grade, sex: record.identity.sex, status: 'absent' });
  }
  return participants;
}

/** The school's aggregate of one screening, exact and published (see scoring/README.md, "Aggregates"). */
export function aggregateOfScreening(request: AggregateOfScreeningRequest): Outcome<ScreeningAggregate> {
  const exact = buildAggregate({
    school: request.school,
    plan: request.plan,
    ...(request.k === undefined ? {} : { k: request.k }),
    created: request.created,
    participants: participantsOfScreening(request),
  });
  if (!exact.ok) return exact;
  const published = publishAggregate(exact.value);
  return published.ok ? succeed({ exact: exact.value, published: published.value }) : published;
}
