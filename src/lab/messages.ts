import type { MessageCatalogue } from '../../scoring/index.ts';

/**
 * What the lab server's refusals mean and what to do, for the kiosk, the workspace and the terminal
 * (codes from protocol.ts). The kiosk always keeps its own copy, so none of these loses an answer.
 */
export const LAB_MESSAGES: MessageCatalogue = {
  bad_machine: { 'zh-CN': '机器编号应形如 lab-1a2b3c4d。请刷新测评页面。', en: 'A machine id looks like lab-1a2b3c4d. Reload the kiosk page.' },
  bad_plan_ref: { 'zh-CN': '筛查计划应写成 计划标识@版本号，例如 autumn-2026@1.0.0。', en: 'A plan is written id@version, e.g. autumn-2026@1.0.0.' },
  bad_request: { 'zh-CN': '请求格式不对，服务器没有做任何更改。请刷新页面后重试。', en: 'The request was malformed; the server changed nothing. Reload the page and try again.' },
  too_large: { 'zh-CN': '上传的内容超过了大小上限，服务器没有保存。本机仍保留着回答。', en: 'The upload is larger than allowed and was not stored. This computer still keeps the answers.' },
  rate_limited: { 'zh-CN': '请求太频繁，请稍候，会自动重试。', en: 'Too many requests; wait a moment, it retries by itself.' },
  disk_full: { 'zh-CN': '教师机（服务器）的磁盘已满，暂时收不到提交；回答都保存在本机。请老师腾出磁盘空间。', en: 'The teacher\'s server disk is full and cannot take submissions; the answers are kept on this computer. Ask the teacher to free disk space.' },
  not_found: { 'zh-CN': '服务器上没有这项内容。', en: 'The server has no such item.' },
  no_plan: { 'zh-CN': '服务器还没有筛查计划。请老师在工作台“机房”页把计划发送到服务器。', en: 'The server has no screening plan yet. The teacher sends one from the workspace\'s Lab page.' },
  wrong_plan: { 'zh-CN': '这份提交属于另一份筛查计划，服务器没有保存。本机仍保留着它，请老师用导出文件收取。', en: 'This submission belongs to another screening plan and was not stored. This computer keeps it; the teacher can collect it by export.' },
  not_envelope: { 'zh-CN': '上传的不是完整的加密提交（可能被截断），服务器没有保存。', en: 'The upload is not a complete sealed submission (perhaps cut short) and was not stored.' },
  wrong_key: { 'zh-CN': '这份提交加密给了另一所学校的密钥，服务器没有保存。', en: 'This submission is sealed to another school\'s key and was not stored.' },
  id_conflict: { 'zh-CN': '服务器上已有编号相同但内容不同的提交，没有覆盖。本机仍保留着它，请告诉老师。', en: 'The server holds a different submission with the same id and did not overwrite it. This computer keeps its copy; tell the teacher.' },
  already_finished: { 'zh-CN': '你已经在另一台电脑上完成了测评，请告诉老师。', en: 'You have already finished this screening on another computer. Please tell your teacher.' },
  stale_draft: { 'zh-CN': '服务器上已有更新的作答进度，这份较旧的没有覆盖它。', en: 'The server already holds newer progress; this older copy did not replace it.' },
  unauthorized: { 'zh-CN': '没有教师权限。请用服务器终端里显示的教师地址打开工作台。', en: 'Not authorised as the teacher. Open the workspace with the teacher address shown in the server\'s terminal.' },
  server_error: { 'zh-CN': '服务器出了问题，没有保存这项内容；会自动重试。若一直如此，请查看服务器终端。', en: 'The server had a problem and did not store this; it retries by itself. If it persists, look at the server\'s terminal.' },
  lab_unreachable: { 'zh-CN': '连不上机房服务器。回答都保存在各台电脑上，恢复连接后会自动上传；请确认教师机上的 `npx psyscreen lab` 仍在运行、网络已连接。', en: 'The lab server cannot be reached. Answers are kept on each computer and upload once it is back; check that `npx psyscreen lab` is still running on the teacher PC and the network is connected.' },
  lab_unauthorized: { 'zh-CN': '机房服务器不认这个教师令牌。请打开服务器在终端里打印的教师地址（含 #lab-token=…）。', en: 'The lab server does not accept this teacher token. Open the teacher address the server printed in its terminal (with #lab-token=...).' },
  lab_no_token: { 'zh-CN': '还没有机房服务器的教师令牌。请在教师机上打开服务器打印的教师地址（含 #lab-token=…）。', en: 'No teacher token for the lab server yet. On the teacher PC, open the teacher address the server printed (with #lab-token=...).' },
  lab_not_found: { 'zh-CN': '机房服务器上没有这一项（可能已被清理）。', en: 'The lab server has no such item (it may have been cleared).' },
  lab_rate_limited: { 'zh-CN': '请求过于频繁，机房服务器请稍候再试；会自动重试。', en: 'Too many requests; the lab server asks to wait. This retries by itself.' },
  lab_server_error: { 'zh-CN': '机房服务器拒绝了请求（状态 {status}）。请查看服务器终端里的提示。', en: 'The lab server refused the request (status {status}). See the message in the server\'s terminal.' },
  lab_bad_reply: { 'zh-CN': '机房服务器的回复无法识别。请确认服务器与本工作台是同一版本。', en: 'The lab server\'s reply was not understood. Check that the server and this workspace are the same version.' },
  lab_alert_unopenable: { 'zh-CN': '这条紧急提醒无法用本校密钥打开（可能来自别的密钥或已损坏）。请立即到该电脑前查看学生。', en: 'This alert cannot be opened with the school key (another key, or damaged). Go to that PC and see the student now.' },
  lab_alert_invalid: { 'zh-CN': '这条紧急提醒的内容不完整。请立即到该电脑前查看学生。', en: 'This alert\'s content is incomplete. Go to that PC and see the student now.' },
  lab_reply_malformed: { 'zh-CN': '机房服务器的回复无法识别（版本不一致？）。请确认服务器与本页面是同一版本。', en: 'The lab server\'s reply was not understood (a version mismatch?). Check that the server and this page are the same version.' },
};
