import type { Locale } from '../../../../scoring/index.ts';

/** The lab page (and the non-secure-origin notice), in both languages. */
const zh = {
  title: '机房',
  intro: '在教师电脑上运行“npx psyscreen lab”，学生机打开下面的地址即可测评。提交一保存就到机房服务器（只存加密后的内容），在这里一键收取，不用 U 盘。',
  checking: '正在查找机房服务器…',
  connected: '已连接机房服务器',
  servingPlan: (ref: string) => `学生机正在使用计划 ${ref}`,
  noPlanServed: '服务器上还没有筛查计划，请在下方发送。',
  notHereTitle: '本页没有机房服务器',
  recheck: '重新检查',

  addressesTitle: '学生机地址 · 扫码测评',
  addressesIntro: '在学生机的浏览器里打开下面的地址；手机或平板连上学校 Wi-Fi 后用相机扫码即可。',
  fallbackNote: '没有机房服务器，这里显示的是本网站上的学生机地址。',
  loopbackWarning: '这个地址是 localhost（本机），只在这台电脑上有效，学生机和手机打不开。请用“npx psyscreen lab”启动机房服务器，并打开它打印的局域网地址。',
  qrLabel: (url: string) => `学生机地址 ${url} 的二维码`,

  planTitle: '发送计划到机房服务器',
  planIntro: '学生机从服务器载入计划，不需要逐台导入文件。',
  noSavedPlans: '还没有生成计划：请先到“筛查计划”生成。',
  planLabel: '计划',
  sendPlan: '发送到机房服务器',
  sending: '正在发送…',
  planSent: (ref: string, digest: string) => `机房服务器现在提供 ${ref}（摘要 ${digest.slice(0, 12)}…）。学生机刷新页面后使用新计划。`,
  currentTag: '服务器当前计划',

  collectTitle: '收取提交',
  collectIntro: '取回服务器上还没导入的提交，与导入 U 盘批次同样检查和归档（重复的不会记两次）。导入后服务器收到回执，各学生机随后删除自己的副本。',
  collect: '收取提交',
  fetching: (done: number, total: number) => `正在取回 ${done} / ${total}…`,
  pulled: (fetched: number, listed: number) => `服务器上共有 ${listed} 份提交，本次取回 ${fetched} 份。`,
  nothingNew: '没有新的提交。',
  receipted: (n: number) => `已告诉服务器：${n} 份已安全导入。`,

  clearTitle: '清除服务器上已导入的提交',
  clearIntro: '导入并做好备份后，可以从服务器磁盘上删除这些提交（加密内容）。还没导入的不会删除。',
  clear: '清除已导入的提交…',
  clearConfirm: '确定要从机房服务器删除所有已导入的提交吗？工作台里的记录不受影响。',
  clearYes: '删除', cancel: '取消',
  cleared: (removed: number) => `已从服务器删除 ${removed} 份已导入的提交。`,

  insecure: '本页通过普通 http 打开（不是安全来源），工作台照常可用，但有两点不同：刷新后不能离线打开（浏览器不允许离线缓存）；学生机的“共享文件夹”也不可用。需要这些时，在服务器本机用 http://localhost 打开，或为学校服务器配置 https。',
  dismiss: '知道了',
};

export type LabText = typeof zh;

const en: LabText = {
  title: 'Lab',
  intro: 'Run "npx psyscreen lab" on the teacher PC; lab PCs open the address below to take the screening. Each submission reaches the lab server as soon as it is saved (encrypted; the server cannot read it), and you collect here with one button, no USB stick.',
  checking: 'Looking for the lab server…',
  connected: 'Connected to the lab server',
  servingPlan: (ref) => `Lab PCs are running plan ${ref}`,
  noPlanServed: 'The server has no screening plan yet; send one below.',
  notHereTitle: 'No lab server behind this page',
  recheck: 'Check again',

  addressesTitle: 'Kiosk address · scan to start',
  addressesIntro: 'Open this address in the lab PCs\' browser; phones and tablets on the school Wi-Fi can scan the code with the camera.',
  fallbackNote: 'There is no lab server, so this is the kiosk address on this site.',
  loopbackWarning: 'This address is localhost (this computer): it works only here, not on lab PCs or phones. Start the lab server with "npx psyscreen lab" and open the LAN address it prints.',
  qrLabel: (url) => `QR code of the kiosk address ${url}`,

  planTitle: 'Send a plan to the lab server',
  planIntro: 'Lab PCs load the plan from the server; no file to load on each machine.',
  noSavedPlans: 'No plan built yet: build one under "Screening plan" first.',
  planLabel: 'Plan',
  sendPlan: 'Send to the lab server',
  sending: 'Sending…',
  planSent: (ref, digest) => `The lab server now serves ${ref} (digest ${digest.slice(0, 12)}…). Lab PCs use it once their page is reloaded.`,
  currentTag: 'on the server now',

  collectTitle: 'Collect from the lab server',
  collectIntro: 'Fetches the submissions not imported yet and checks and files them exactly as a USB batch (a duplicate never counts twice). The server then gets a receipt and the lab PCs delete their copies.',
  collect: 'Collect from the lab server',
  fetching: (done, total) => `Fetching ${done} / ${total}…`,
  pulled: (fetched, listed) => `The server holds ${listed} submissions; ${fetched} fetched now.`,
  nothingNew: 'No new submissions.',
  receipted: (n) => `The server was told ${n} are safely imported.`,

  clearTitle: 'Clear imported submissions from the server',
  clearIntro: 'Once imported and backed up, these submissions (encrypted) can be deleted from the server\'s disk. Anything not imported yet stays.',
  clear: 'Clear imported submissions…',
  clearConfirm: 'Delete every imported submission from the lab server? The records in this workspace are not affected.',
  clearYes: 'Delete', cancel: 'Cancel',
  cleared: (removed) => `${removed} imported submissions deleted from the server.`,

  insecure: 'This page was opened over plain http (not a secure origin). The workspace works, with two differences: it cannot open offline after a reload (the browser allows no offline cache here), and the lab PCs\' shared folder is not available. For those, open it on the server PC via http://localhost, or set up https on the school server.',
  dismiss: 'Got it',
};

export const LAB_TEXT: Readonly<Record<Locale, LabText>> = { 'zh-CN': zh, en };
