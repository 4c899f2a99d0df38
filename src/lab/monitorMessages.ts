import type { MessageCatalogue } from '../../scoring/index.ts';

/** What the workspace says when the lab server's monitor or alerts fail, in zh-CN and en (merged into issueMessages.ts). */
export const LAB_MONITOR_MESSAGES: MessageCatalogue = {
  lab_unreachable: { 'zh-CN': '连不上机房服务器。请确认教师机上的 `npx psyscreen lab` 仍在运行、网线或 Wi-Fi 已连接；恢复后会自动更新。', en: 'The lab server cannot be reached. Check that `npx psyscreen lab` is still running on the teacher PC and the network is connected; this updates by itself once it is back.' },
  lab_unauthorized: { 'zh-CN': '机房服务器不认这个教师令牌。请打开服务器在终端里打印的教师地址（含 #lab-token=…）。', en: 'The lab server does not accept this teacher token. Open the teacher address the server printed in its terminal (with #lab-token=...).' },
  lab_no_token: { 'zh-CN': '还没有机房服务器的教师令牌。请在教师机上打开服务器打印的教师地址（含 #lab-token=…）。', en: 'No teacher token for the lab server yet. On the teacher PC, open the teacher address the server printed (with #lab-token=...).' },
  lab_not_found: { 'zh-CN': '机房服务器上没有这一项（可能已被清理）。', en: 'The lab server has no such item (it may have been cleared).' },
  lab_rate_limited: { 'zh-CN': '请求过于频繁，机房服务器请稍候再试；会自动重试。', en: 'Too many requests; the lab server asks to wait. This retries by itself.' },
  lab_server_error: { 'zh-CN': '机房服务器拒绝了请求（状态 {status}）。请查看服务器终端里的提示。', en: 'The lab server refused the request (status {status}). See the message in the server\'s terminal.' },
  lab_bad_reply: { 'zh-CN': '机房服务器的回复无法识别。请确认服务器与本工作台是同一版本。', en: 'The lab server\'s reply was not understood. Check that the server and this workspace are the same version.' },
  lab_alert_unopenable: { 'zh-CN': '这条紧急提醒无法用本校密钥打开（可能来自别的密钥或已损坏）。请立即到该电脑前查看学生。', en: 'This alert cannot be opened with the school key (another key, or damaged). Go to that PC and see the student now.' },
  // the contract's own field codes (protocol.ts) that no other catalogue had yet
  bad_machine: { 'zh-CN': '电脑编号应为 lab- 加 8 位十六进制数字（如 lab-1a2b3c4d）。请刷新该电脑上的测评页面。', en: 'A machine id is lab- and 8 hex digits (e.g. lab-1a2b3c4d). Reload the screening page on that PC.' },
  bad_plan_ref: { 'zh-CN': '计划应写作 编号@版本（如 2026-autumn@1.0.0）。请重新载入筛查计划。', en: 'A plan is written id@version (e.g. 2026-autumn@1.0.0). Load the screening plan again.' },
  lab_alert_invalid: { 'zh-CN': '这条紧急提醒的内容不完整。请立即到该电脑前查看学生。', en: 'This alert\'s content is incomplete. Go to that PC and see the student now.' },
};
