import type { MessageCatalogue } from '../../scoring/index.ts';

/** Kiosk issue codes with what to do, in zh-CN and en (same shape as scoring's MESSAGES). */
export const KIOSK_MESSAGES: MessageCatalogue = {
  clear_no_export: { 'zh-CN': '本机还没有导出过数据，没有可清理的提交。请先导出，再到教师端导入。', en: 'Nothing has been exported from this machine yet, so there is nothing to clear. Export first, then import in the teacher workspace.' },
  clear_receipt_wrong: { 'zh-CN': '回执码不对，未删除任何数据。回执码在教师端“收集数据”导入本机最近一次导出的文件后显示；之后若又导出过，请导入最新的文件。', en: 'That receipt does not match; nothing was deleted. The receipt appears under "Collect" in the teacher workspace after importing this machine\'s latest export; if you exported again since, import the newest file.' },
  bad_base64: { 'zh-CN': '应为 Base64 编码的数据。文件可能被改动或截断，请重新导出。', en: 'Expected Base64 data. The file may have been edited or cut short; export it again.' },
  bad_lookup: { 'zh-CN': '名单条目的查找码应为 64 位十六进制。请重新生成计划文件。', en: 'A roster lookup must be 64 hex digits. Generate the plan file again.' },
  consent_text_missing: { 'zh-CN': '学段“{band}”缺少知情同意说明。请为每个学段填写同意说明。', en: 'Grade band "{band}" has no consent text. Write one for every band.' },
  code_malformed: { 'zh-CN': '登录码应为 8 位字母或数字（如 ACDE-3479），请对照纸条重新输入。', en: 'A sign-in code has 8 letters or digits (e.g. ACDE-3479). Check your slip and type it again.' },
  code_unknown: { 'zh-CN': '没有找到这个登录码。请核对纸条；如仍不行，请举手告诉老师。', en: 'This sign-in code was not found. Check your slip; if it still fails, raise your hand.' },
  code_used: { 'zh-CN': '这个登录码已经在本机用过了。如需重新作答，请老师重新开放。', en: 'This code has already been used on this computer. Ask your teacher to reopen it if you need to answer again.' },
  roster_entry_damaged: { 'zh-CN': '名单数据已损坏，无法读取。请老师重新载入筛查计划。', en: 'The roster entry is damaged and cannot be read. Ask your teacher to load the screening plan again.' },
  window_not_open: { 'zh-CN': '这次筛查从 {opens} 开始（到 {closes} 结束），现在还不能作答。请检查电脑日期，或载入正确的计划。', en: 'This screening opens on {opens} (until {closes}); it cannot be taken yet. Check the computer\'s date or load the right plan.' },
  window_closed: { 'zh-CN': '这次筛查已于 {closes} 结束，不能再作答。请向心理老师索取新的计划文件。', en: 'This screening closed on {closes}; it can no longer be taken. Ask the psychology teacher for a current plan file.' },
  storage_full: { 'zh-CN': '这台电脑的存储空间快满了，为避免丢失数据，暂停接收新的学生。请老师先导出并清理本机数据。', en: 'This computer is nearly out of storage. To avoid losing data it accepts no new students. Ask the teacher to export and clear this machine first.' },
  kiosk_part_missing: { 'zh-CN': '本机还没有完整保存筛查程序的这一部分，暂时无法使用。请连上网络，刷新本页后再试。', en: 'This computer has not yet saved this part of the screening app, so it cannot be used now. Connect to the network, reload this page and try again.' },
  second_tab: { 'zh-CN': '筛查已在本机的另一个窗口中打开。请关闭这个窗口，只保留一个。', en: 'The screening is already open in another window on this computer. Close this one and keep only one.' },
  details_not_allowed: { 'zh-CN': '这次筛查只能用登录码登录。', en: 'This screening only accepts sign-in codes.' },
  details_incomplete: { 'zh-CN': '请选择班级，并填写学号和出生日期。', en: 'Choose your class and fill in your student number and birth date.' },
  details_unknown: { 'zh-CN': '没有找到与班级、学号和出生日期相符的学生。请核对后再试，或举手告诉老师。', en: 'No student matches this class, student number and birth date. Check them, or raise your hand.' },
  session_code_malformed: { 'zh-CN': '课堂码是老师写在黑板上的 6 位字母或数字，请对照黑板输入。', en: 'The session code is the 6 letters or digits your teacher wrote on the board. Copy it from the board.' },
  details_or_session_unknown: { 'zh-CN': '没有找到相符的学生。请核对班级、学号、出生日期和黑板上的课堂码后再试，或举手告诉老师。', en: 'No student matches. Check your class, student number, birth date and the session code on the board, or raise your hand.' },
  finished_elsewhere: { 'zh-CN': '你已经在另一台电脑上完成了测评，请告诉老师。', en: 'You have already finished the screening on another computer. Please tell your teacher.' },
  storage_write_failed: { 'zh-CN': '这台电脑暂时无法保存你的回答。请举手告诉老师。你的回答还在这里，请不要关闭或刷新页面。', en: 'This computer cannot save your answers just now. Please raise your hand for the teacher. Your answers are still here; do not close or reload the page.' },
  pin_wrong: { 'zh-CN': '口令不对，请重试。', en: 'Wrong PIN; try again.' },
};
