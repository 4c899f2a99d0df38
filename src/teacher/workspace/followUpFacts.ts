import type { FollowUpFacts } from '../../../scoring/aggregate/build.ts';
import type { StudentRecord, Wave } from '../../records/index.ts';
import { isClosedAfter } from './attention.ts';
import { localDay } from './localDay.ts';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/**
 * What followed a screening wave for the bureau's anonymous counts: an interview (and whether within
 * 7 days of the screening, by calendar day), parents informed, a referral, the case closed. Entries
 * count when they name the wave, or, naming none, when they come on or after its day.
 */
export function followUpFacts(record: StudentRecord, wave: Wave): FollowUpFacts {
  const day = localDay(wave.finishedAt);
  const after = record.followUps.filter((entry) => (entry.wave === undefined ? localDay(entry.at) >= day : entry.wave === wave.id));
  const interviews = after.filter((entry) => entry.kind === 'interview');
  return {
    interviewed: interviews.length > 0,
    within7Days: interviews.some((entry) => daysBetween(day, localDay(entry.at)) <= 7),
    parentsInformed: after.some((entry) => entry.action === 'parents_informed'),
    referred: after.some((entry) => entry.kind === 'referral' || entry.action === 'referral'),
    closed: isClosedAfter(record, wave),
  };
}
