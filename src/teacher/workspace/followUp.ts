import { fail, issue, succeed, type Issue, type Outcome, type Tier } from '../../../scoring/index.ts';
import { tierOf, type FollowUp, type StudentRecord, type TierReview } from '../../records/index.ts';
import { withAudit } from './audit.ts';
import type { ChangeContext } from './context.ts';
import { attentionEntryOf } from './attention.ts';
import { localDay } from './localDay.ts';

/** Follow-up (三预一跟): interviews, actions, referrals and closure, each logged in the record's audit. */

export interface InterviewInput {
  readonly waveId: string;
  /** When the interview took place (ISO). */
  readonly at: string;
  readonly findings: string;
  /** The tier the interview confirms; the computed tier is kept beside it. */
  readonly confirmedTier: Tier;
  readonly due?: string;
}

export type ActionKind = NonNullable<FollowUp['action']>;

export interface ActionInput {
  readonly at: string;
  readonly action: ActionKind;
  readonly content: string;
  readonly referralTo?: string;
  readonly due?: string;
  readonly waveId?: string;
}

export interface ClosureInput {
  readonly at: string;
  readonly reason: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkCommon(at: string, text: string, textField: string, due: string | undefined): Issue[] {
  const issues: Issue[] = [];
  if (Number.isNaN(Date.parse(at))) issues.push(issue('follow_up_date_invalid', ['at']));
  if (text.trim() === '') issues.push(issue('follow_up_text_missing', [textField]));
  if (due !== undefined && (!DATE.test(due) || Number.isNaN(Date.parse(due)))) issues.push(issue('follow_up_due_invalid', ['due']));
  else if (due !== undefined && due < at.slice(0, 10)) issues.push(issue('follow_up_due_before', ['due'], { due }));
  return issues;
}

const entryOf = (context: ChangeContext, fields: Omit<FollowUp, 'id' | 'updatedAt' | 'by'>): FollowUp => ({ id: context.newId(), updatedAt: context.now(), by: context.by, ...fields });

export function recordInterview(record: StudentRecord, input: InterviewInput, context: ChangeContext): Outcome<StudentRecord> {
  const wave = record.waves.find((candidate) => candidate.id === input.waveId);
  const issues = checkCommon(input.at, input.findings, 'findings', input.due);
  if (!wave || wave.status !== 'completed') issues.push(issue('follow_up_wave_unknown', ['waveId'], { wave: input.waveId }));
  if (issues.length > 0 || !wave) return fail(issues);
  const from = tierOf(wave)?.tier;
  const review: TierReview = { id: context.newId(), at: input.at, by: context.by, tier: input.confirmedTier, why: input.findings };
  const interview = entryOf(context, {
    at: input.at, kind: 'interview', content: input.findings, wave: wave.id,
    tierChange: from === undefined ? { to: input.confirmedTier } : { from, to: input.confirmedTier },
    ...(input.due ? { due: input.due } : {}),
  });
  const changed: StudentRecord = {
    ...record,
    waves: record.waves.map((candidate) => (candidate === wave ? { ...wave, reviews: [...wave.reviews, review] } : candidate)),
    followUps: [...record.followUps, interview],
  };
  const audited = withAudit(changed, context, 'interview_recorded', interview.id);
  return succeed(from === input.confirmedTier ? audited : withAudit(audited, context, 'tier_reviewed', `${from ?? '-'}→${input.confirmedTier}`));
}

export function recordAction(record: StudentRecord, input: ActionInput, context: ChangeContext): Outcome<StudentRecord> {
  const issues = checkCommon(input.at, input.content, 'content', input.due);
  if (input.action === 'referral' && !input.referralTo?.trim()) issues.push(issue('follow_up_referral_missing', ['referralTo']));
  if (issues.length > 0) return fail(issues);
  const entry = entryOf(context, {
    at: input.at, kind: input.action === 'referral' ? 'referral' : 'action', action: input.action, content: input.content,
    ...(input.referralTo?.trim() ? { referralTo: input.referralTo.trim() } : {}), ...(input.due ? { due: input.due } : {}), ...(input.waveId ? { wave: input.waveId } : {}),
  });
  return succeed(withAudit({ ...record, followUps: [...record.followUps, entry] }, context, 'follow_up_added', `${entry.kind}:${entry.id}`));
}

/** Closure (销号) takes the student off the attention list until a new wave flags them again. */
export function closeCase(record: StudentRecord, input: ClosureInput, today: string, context: ChangeContext): Outcome<StudentRecord> {
  const issues = checkCommon(input.at, input.reason, 'reason', undefined);
  const open = attentionEntryOf(record, today);
  if (!open) issues.push(issue('case_not_open', []));
  else if (localDay(input.at) < localDay(open.wave.finishedAt)) issues.push(issue('closure_before_wave', ['at']));
  if (issues.length > 0) return fail(issues);
  const entry = entryOf(context, { at: input.at, kind: 'closure', content: input.reason, ...(open ? { wave: open.wave.id } : {}) });
  return succeed(withAudit({ ...record, followUps: [...record.followUps, entry] }, context, 'case_closed', entry.id));
}
