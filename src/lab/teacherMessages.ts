import type { MessageCatalogue } from '../../scoring/index.ts';
import type { LabErrorCode } from './protocol.ts';

/** What the lab server's refusals mean to the teacher, keyed `lab_<code>` (teacherClient.ts). */
const SERVER_REFUSALS: Readonly<Record<`lab_${LabErrorCode}`, { 'zh-CN': string; en: string }>> = {
  lab_bad_request: { 'zh-CN': '机房服务器不接受这个请求（{status}），没有做任何改动。请刷新本页后重试；若仍不行，请更新机房服务器与本工作台到同一版本。', en: 'The lab server refused this request ({status}); nothing changed. Reload this page and try again; if it persists, run the same PsyScreen version on the lab server and here.' },
  lab_too_large: { 'zh-CN': '内容超过机房服务器允许的大小，没有保存。计划很大时，请分年级生成计划。', en: 'This is larger than the lab server accepts; nothing was stored. For a very large plan, build one per grade.' },
  lab_rate_limited: { 'zh-CN': '请求太频繁，机房服务器请稍候（约 {seconds} 秒）再试。', en: 'Too many requests; wait a moment (about {seconds} s) and try again.' },
  lab_disk_full: { 'zh-CN': '机房服务器的磁盘已满，没有保存。请在服务器电脑上腾出空间（收取并清除已导入的提交也可以），然后重试。', en: 'The lab server\'s disk is full; nothing was stored. Free space on the server PC (collecting and clearing imported submissions helps), then try again.' },
  lab_not_found: { 'zh-CN': '机房服务器上没有这一项（可能已被清除）。请再点一次“收取提交”刷新列表。', en: 'The lab server does not have this item (it may have been cleared). Press "Collect" again to refresh the list.' },
  lab_no_plan: { 'zh-CN': '机房服务器还没有筛查计划。请在下方把计划发送到机房服务器。', en: 'The lab server has no screening plan yet. Send one to it below.' },
  lab_wrong_plan: { 'zh-CN': '这份内容属于另一个筛查计划，机房服务器没有接受。', en: 'This belongs to another screening plan; the lab server did not accept it.' },
  lab_not_envelope: { 'zh-CN': '这不是有效的加密提交文件，机房服务器没有接受。', en: 'This is not a valid sealed submission; the lab server did not accept it.' },
  lab_wrong_key: { 'zh-CN': '这份内容是用另一所学校的密钥加密的，机房服务器没有接受。', en: 'This was sealed to another school\'s key; the lab server did not accept it.' },
  lab_id_conflict: { 'zh-CN': '机房服务器上已有同编号但内容不同的提交，没有覆盖。请联系技术支持。', en: 'The lab server holds a different submission with the same id; it was not overwritten. Contact support.' },
  lab_already_finished: { 'zh-CN': '这名学生已经完成过本次筛查。', en: 'This student has already finished this screening.' },
  lab_stale_draft: { 'zh-CN': '机房服务器上已有更新的作答进度，这份较旧的没有保存。', en: 'The lab server already holds a newer draft; this older one was not stored.' },
  lab_unauthorized: { 'zh-CN': '机房服务器不认这台电脑的教师令牌。请打开机房服务器窗口里打印的教师地址（以 #lab-token= 结尾），或在服务器本机用 localhost 打开工作台。', en: 'The lab server does not accept this browser\'s teacher token. Open the teacher address printed in the lab server\'s window (ending in #lab-token=...), or open the workspace on the server PC itself via localhost.' },
  lab_server_error: { 'zh-CN': '机房服务器内部出错，没有做任何改动。请查看服务器窗口里的提示，必要时重启服务器后重试。', en: 'The lab server hit an internal error; nothing changed. Check the server window and restart it if needed, then try again.' },
};

/** The teacher side of the lab protocol: its own codes and the server's refusals, in zh-CN and en. */
export const LAB_TEACHER_MESSAGES: MessageCatalogue = {
  ...SERVER_REFUSALS,
  lab_no_token: { 'zh-CN': '这个浏览器还没有机房服务器的教师令牌。请打开服务器窗口里打印的教师地址（以 #lab-token= 结尾），或在服务器本机用 localhost 打开工作台。', en: 'This browser has no teacher token for the lab server yet. Open the teacher address printed in the server window (ending in #lab-token=...), or open the workspace on the server PC itself via localhost.' },
  lab_unreachable: { 'zh-CN': '连不上机房服务器，没有做任何改动。请确认服务器电脑开着、“npx psyscreen lab”窗口还在运行，网线或 Wi-Fi 已连好，然后重试。', en: 'The lab server cannot be reached; nothing changed. Check that the server PC is on, the "npx psyscreen lab" window is still running and the network is connected, then try again.' },
  lab_not_here: { 'zh-CN': '本页不是由机房服务器提供的，所以这里不能在线收取。需要时在教师电脑上运行“npx psyscreen lab”，并打开它打印的教师地址；也可以继续用 U 盘导出导入。', en: 'This page is not served by a lab server, so nothing can be collected online here. When needed, run "npx psyscreen lab" on the teacher PC and open the teacher address it prints; USB export and import keep working.' },
  lab_protocol_unsupported: { 'zh-CN': '机房服务器的版本（协议 {protocol}）与本工作台不一致。请用同一版本的 PsyScreen 启动服务器。', en: 'The lab server speaks another protocol version ({protocol}) than this workspace. Start the server from the same PsyScreen version.' },
  lab_reply_invalid: { 'zh-CN': '机房服务器的回复格式不对，没有采用。请用同一版本的 PsyScreen 启动服务器后重试。', en: 'The lab server\'s reply was not in the expected form and was not used. Start the server from the same PsyScreen version and try again.' },
  lab_refused: { 'zh-CN': '机房服务器拒绝了请求（{status}），没有做任何改动。请查看服务器窗口里的提示后重试。', en: 'The lab server refused the request ({status}); nothing changed. Check the server window, then try again.' },
  lab_pull_failed: { 'zh-CN': '没能从机房服务器取回全部提交（{done}/{total}），本次没有导入任何内容。请检查网络后再点一次“收取提交”。', en: 'Not every submission could be fetched from the lab server ({done}/{total}), so nothing was imported. Check the network and press "Collect" again.' },
  lab_import_failed: { 'zh-CN': '提交已取回，但写入工作台失败（浏览器存储可能已满）。请腾出磁盘空间后再收取一次；服务器上的提交仍然保留。', en: 'The submissions were fetched but could not be written to the workspace (browser storage may be full). Free disk space and collect again; the server keeps the submissions.' },
  lab_receipts_failed: { 'zh-CN': '提交已导入工作台，但没能告诉机房服务器（回执未送达）。各机房电脑会继续保留副本；稍后再点一次“收取提交”即可补送回执。', en: 'The submissions are in the workspace, but the lab server was not told (receipt not delivered). Lab PCs keep their copies; press "Collect" again later to send the receipt.' },
  // field codes of the protocol's schemas, shown after lab_reply_invalid when a reply does not fit
  bad_machine: { 'zh-CN': '机器编号应为 lab- 加 8 位十六进制数字（如 lab-0a1b2c3d）。', en: 'A machine id is lab- and 8 hex digits (e.g. lab-0a1b2c3d).' },
  bad_plan_ref: { 'zh-CN': '计划应写成 编号@版本（如 demo-2026@1.0.0）。', en: 'A plan is written id@version (e.g. demo-2026@1.0.0).' },
  lab_plan_missing: { 'zh-CN': '工作台里找不到这份计划文件。请到“筛查计划”重新生成。', en: 'This plan file is not in the workspace. Build it again under "Screening plan".' },
};
