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
  workspace_key_exists: { 'zh-CN': '本工作区已有学校密钥，不能再建一个。若要换用备份中的密钥，请先导出全部档案，再清空工作区。', en: 'This workspace already has a school key; it cannot hold a second. To switch to a key from a backup, export all records first, then clear the workspace.' },
  workspace_no_key: { 'zh-CN': '本工作区还没有学校密钥。请先创建密钥或从备份恢复。', en: 'This workspace has no school key yet. Create one or restore it from a backup.' },
  school_name_missing: { 'zh-CN': '请填写学校名称。', en: 'Enter the school name.' },
  roster_birth_date_required: { 'zh-CN': '第 {row} 行缺少出生日期。学生档案转到下一所学校时要靠学号和出生日期认人，请补上后重新导入。', en: 'Row {row} has no birth date. When a record moves to the next school, student number and birth date identify the student; add it and import again.' },
  plan_id_invalid: { 'zh-CN': '计划编号只能用小写英文字母、数字和连字符，以字母开头，例如 2026-autumn。', en: 'The plan id may use lower-case letters, digits and hyphens, starting with a letter, e.g. 2026-autumn.' },
  plan_version_invalid: { 'zh-CN': '版本号格式为 主.次.修订，例如 1.0.0。', en: 'The version looks like major.minor.patch, e.g. 1.0.0.' },
  plan_name_missing: { 'zh-CN': '请填写筛查名称。', en: 'Enter a name for the screening.' },
  plan_window_invalid: { 'zh-CN': '请填写开始和结束日期，结束日期不能早于开始日期。', en: 'Enter the opening and closing dates; the closing date cannot be before the opening date.' },
  plan_pin_invalid: { 'zh-CN': '机房管理码须为 4–8 位数字。', en: 'The kiosk PIN must be 4 to 8 digits.' },
  plan_no_grades: { 'zh-CN': '请至少选择一个参加筛查的年级。', en: 'Choose at least one grade to screen.' },
  plan_no_students: { 'zh-CN': '所选年级在名单中没有学生。请先导入名单。', en: 'The roster has no students in the chosen grades. Import the roster first.' },
  plan_library_missing: { 'zh-CN': '量表库中缺少 {missing}，无法生成计划。', en: 'The library lacks {missing}, so the plan cannot be built.' },
  record_import_refused: { 'zh-CN': '学生“{name}”的档案无法合并，整个文件未导入。原因见下：', en: 'The record of "{name}" could not be merged; nothing from the file was imported. Why:' },
  library_version_frozen: { 'zh-CN': '{key} 已发布，内容不能再改。请把版本号改为新版本（例如 1.0.1）后保存。', en: '{key} is published and cannot change. Give it a new version (e.g. 1.0.1) and save that.' },
  library_plan_not_here: { 'zh-CN': '这是筛查计划文件，不是量表、常模或分级规则。计划请在“筛查计划”中生成。', en: 'This is a screening plan, not an instrument, norm table or tier policy. Build plans under "Screening plan".' },
  closure_before_wave: { 'zh-CN': '销号日期早于最近一次筛查，请选择筛查之后的日期。', en: 'The closure date is before the latest screening; choose a later date.' },
};
