import { issueText, type Locale, type MessageCatalogue } from '../../scoring/index.ts';
import type { ServerEvent } from '../server/events.ts';

/** What `psyscreen lab` prints, in zh-CN and en: start-up, the server's events, and why it could not start. */
export const LAB_CLI_MESSAGES: MessageCatalogue = {
  running: { 'zh-CN': 'PsyScreen 机房服务器已启动（计划：{plan}）。', en: 'PsyScreen lab server is running (plan: {plan}).' },
  running_demo: { 'zh-CN': 'PsyScreen 机房服务器已启动，提供演示筛查（{plan}）。', en: 'PsyScreen lab server is running with the demo screening ({plan}).' },
  running_no_plan: { 'zh-CN': 'PsyScreen 机房服务器已启动，但还没有筛查计划：请在教师端“机房”中发布计划。', en: 'PsyScreen lab server is running, but has no screening plan yet: publish one from the teacher workspace.' },
  kiosk_heading: { 'zh-CN': '学生机（同一局域网内的电脑、手机扫码）打开：', en: 'On the lab PCs (or scan with a phone on the school network), open:' },
  kiosk_loopback_only: { 'zh-CN': '（没有找到局域网地址，只有本机能打开；请检查网线或 Wi-Fi。）', en: '(No LAN address found: only this PC can open it. Check the cable or Wi-Fi.)' },
  teacher_heading: { 'zh-CN': '教师端（只在本机打开，地址中含有教师口令，请勿外传）：', en: 'Teacher workspace (open on this PC only; the address holds the teacher token, do not share it):' },
  data_folder: { 'zh-CN': '数据文件夹（只有密文和不可读的查找码）：{folder}', en: 'Data folder (ciphertext and opaque lookups only): {folder}' },
  how_to_stop: { 'zh-CN': '按 Ctrl+C 停止服务器。已确认收到的数据都已写入磁盘。', en: 'Press Ctrl+C to stop the server. Everything acknowledged is already on disk.' },
  stopped: { 'zh-CN': '服务器已停止。', en: 'The server has stopped.' },
  building: { 'zh-CN': '正在构建网页（首次启动或源码有更新，约 1–2 分钟）…', en: 'Building the app (first start or changed sources, about 1–2 minutes)…' },
  built: { 'zh-CN': '构建完成。', en: 'Build finished.' },
  build_failed: { 'zh-CN': '构建失败：{detail}', en: 'The build failed: {detail}' },
  no_build_tool: { 'zh-CN': '找不到构建好的网页（{folder}），也无法构建：请先运行 npm install（含开发依赖）。', en: 'No built app in {folder}, and it cannot be built here: run npm install (with dev dependencies) first.' },
  port_in_use: { 'zh-CN': '端口 {port} 已被占用（也许服务器已经在运行）。请关闭占用它的程序，或用 --port 换一个端口。', en: 'Port {port} is already in use (perhaps the server is already running). Close the program using it, or choose another with --port.' },
  port_denied: { 'zh-CN': '没有权限使用端口 {port}。请用 1024 以上的端口，例如 --port 8080。', en: 'Not allowed to use port {port}. Use a port above 1024, e.g. --port 8080.' },
  plan_invalid: { 'zh-CN': '计划文件 {file} 无法使用：', en: 'The plan file {file} cannot be used:' },
  data_unwritable: { 'zh-CN': '无法写入数据文件夹 {folder}（{errno}）。请换一个文件夹（--data）或检查权限。', en: 'Cannot write to the data folder {folder} ({errno}). Choose another folder (--data) or check its permissions.' },
  bad_port: { 'zh-CN': '--port 应为 0 到 65535 之间的整数。', en: '--port must be a whole number from 0 to 65535.' },
  bad_rate: { 'zh-CN': '--rate 和 --burst 应为正数。', en: '--rate and --burst must be positive numbers.' },
  // The server's events (src/server/events.ts).
  disk_full: { 'zh-CN': '磁盘已满：数据文件夹 {folder} 所在磁盘剩余空间不足，服务器暂停接收上传（学生机会保留本机副本并稍后重试）。请立即腾出空间。', en: 'DISK FULL: the disk holding {folder} is out of space; the server accepts no uploads (kiosks keep their copies and retry). Free some space now.' },
  disk_ok: { 'zh-CN': '磁盘空间已恢复，服务器重新接收上传。', en: 'Disk space is back; the server accepts uploads again.' },
  write_failed: { 'zh-CN': '写入失败：{file}（{errno}）。该上传未被确认，学生机会重试。', en: 'A write failed: {file} ({errno}). The upload was not acknowledged; the kiosk will retry.' },
  file_unreadable: { 'zh-CN': '数据文件夹中的文件无法读取，已跳过：{file}', en: 'A file in the data folder cannot be read and was skipped: {file}' },
  upload_incomplete: { 'zh-CN': '发现一次未完成的上传（未确认，学生机会重新发送）：{file}', en: 'Found an unfinished upload (never acknowledged; the kiosk sends it again): {file}' },
  plan_unreadable: { 'zh-CN': '计划文件 {file} 无法使用（{problem}），已跳过。', en: 'The plan file {file} cannot be used ({problem}); skipped.' },
  request_failed: { 'zh-CN': '处理请求 {path} 时出错：{error}', en: 'A request for {path} failed: {error}' },
  plan_changed: { 'zh-CN': '教师端发布了新计划：{ref}。学生机会自动更新。', en: 'The teacher published a new plan: {ref}. Kiosks update by themselves.' },
};

export const labText = (code: string, locale: Locale, params?: Record<string, string | number>): string =>
  issueText({ code, path: [], ...(params ? { params } : {}) }, locale, LAB_CLI_MESSAGES);

export const eventText = (event: ServerEvent, locale: Locale): string =>
  issueText({ code: event.code, path: [], ...(event.params ? { params: event.params } : {}) }, locale, LAB_CLI_MESSAGES);
