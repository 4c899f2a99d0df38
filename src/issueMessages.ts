import { MESSAGES, formatIssue, formatPath, type Issue, type Locale } from '../scoring/index.ts';
import { BUREAU_MESSAGES } from './bureau/messages.ts';
import { KIOSK_MESSAGES } from './kiosk/messages.ts';
import { LAB_TEACHER_MESSAGES } from './lab/teacherMessages.ts';
import { RECORD_MESSAGES } from './records/messages.ts';
import { TEACHER_MESSAGES } from './teacher/messages.ts';
import { ROSTER_MESSAGES } from './teacher/roster/messages.ts';

/** Every issue code the app can show, from the scoring core and the app's own modules. */
export const ALL_MESSAGES = { ...MESSAGES, ...KIOSK_MESSAGES, ...RECORD_MESSAGES, ...TEACHER_MESSAGES, ...ROSTER_MESSAGES, ...BUREAU_MESSAGES, ...LAB_TEACHER_MESSAGES };

export const describeIssue = (found: Issue, locale: Locale): string => formatIssue(found, locale, ALL_MESSAGES);
export const describeIssueWithPath = (found: Issue, locale: Locale): string => `${formatPath(found.path)}: ${describeIssue(found, locale)}`;
