import type { Locale } from '../../scoring/index.ts';

type Template = Readonly<Record<Locale, string>>;

/** The teacher workspace's own issue codes, in zh-CN and en (merged into src/issueMessages.ts). */
export const TEACHER_MESSAGES: Readonly<Record<string, Template>> = {
  follow_up_date_invalid: { 'zh-CN': '日期无效。请选择日期和时间。', en: 'The date is not valid. Choose a date and time.' },
  follow_up_text_missing: { 'zh-CN': '此项不能为空。请写下经过或理由。', en: 'This cannot be empty. Write down what happened or why.' },
  follow_up_due_invalid: { 'zh-CN': '下次联系日期无效，请用 年-月-日 格式。', en: 'The next contact date is not valid; use year-month-day.' },
  follow_up_due_before: { 'zh-CN': '下次联系日期 {due} 早于本次记录的日期。请选择之后的日期。', en: 'The next contact date {due} is before this entry. Choose a later date.' },
  follow_up_wave_unknown: { 'zh-CN': '找不到这次测评（{wave}），或该学生拒绝了这次测评。请从学生页面重新打开。', en: 'This screening wave ({wave}) was not found, or the student declined it. Open it again from the student page.' },
  follow_up_referral_missing: { 'zh-CN': '转介时请写明转介到的医院或机构。', en: 'For a referral, name the hospital or centre.' },
  case_not_open: { 'zh-CN': '该学生目前不在重点关注名单上，无需销号。', en: 'This student is not on the attention list; there is nothing to close.' },
  closure_before_wave: { 'zh-CN': '销号日期早于最近一次筛查，请选择筛查之后的日期。', en: 'The closure date is before the latest screening; choose a later date.' },
};
