import type { Locale } from '../../../scoring/index.ts';

/** The strings of the anonymous-aggregate export page, in both languages. */
const zh = {
  title: '匿名汇总（报送教育局）',
  intro: '为教育局生成本次筛查的匿名汇总文件（.psyagg）：只有按年级 × 性别统计的人数、风险等级人数和分数分布，没有姓名、学号、班级、出生日期，也没有任何逐个学生的记录。少于 k 人的组会被隐藏，并一并隐藏能反推出它的其他组。',
  screening: '筛查',
  noPlans: '还没有本工作台生成的筛查计划。先在“筛查计划”生成计划并收集数据，才能生成汇总。',
  waves: (n: number) => `（${n} 份记录）`,
  schoolName: '学校名称',
  schoolCode: '学校代码',
  schoolCodeHint: '教育局使用的学校标识码（例如 10 位学校代码），只能用字母、数字、点、下划线和连字符。',
  county: '所属区县',
  countyHint: '与教育局约定的区县名称或代码；教育局会核对所有学校的写法一致。',
  k: '最小公开人数 k',
  kHint: '少于 k 人的组不外发。至少 5；教育局要求时可以调高。',
  remembered: '学校代码和区县会保存在这台电脑上，下次自动填好。',
  fillIn: '请填写学校代码和所属区县，下面会列出将要外发的全部内容。',
  outgoingTitle: '将要离开学校的全部内容',
  outgoingIntro: '下表逐条列出文件中的每一个数字和每一处隐藏，以及它在文件中的位置。请核对后再导出；导出的文件与下表完全一致。',
  statement: '内容',
  where: '在文件中的位置',
  summary: (cells: number, suppressed: number) => `公开 ${cells} 个年级 × 性别组；隐藏 ${suppressed} 处。`,
  export: '导出汇总文件（.psyagg）',
  exported: (name: string) => `已导出 ${name}。请通过教育局指定的渠道报送。`,
  cannotBuild: '无法生成汇总：',
};

export type AggregateText = typeof zh;

const en: AggregateText = {
  title: 'Anonymous aggregate (for the education bureau)',
  intro: 'Makes the anonymous aggregate of a screening for the county bureau (.psyagg): counts by grade × sex, tier counts and score distributions; no names, student numbers, classes or birth dates, and no row about any one student. Groups of fewer than k students are hidden, together with any group that would give them away.',
  screening: 'Screening',
  noPlans: 'This workspace has built no screening plan yet. Build one under "Screening plan" and collect the data first.',
  waves: (n: number) => `(${n} records)`,
  schoolName: 'School name',
  schoolCode: 'School code',
  schoolCodeHint: 'The code the bureau uses for the school (e.g. the 10-digit school code): letters, digits, dots, underscores and hyphens only.',
  county: 'County',
  countyHint: 'The county name or code agreed with the bureau; the bureau checks that every school writes it the same way.',
  k: 'Smallest group shown (k)',
  kHint: 'Groups of fewer than k students do not leave the school. At least 5; raise it if the bureau asks.',
  remembered: 'The school code and county are kept on this computer and filled in next time.',
  fillIn: 'Enter the school code and county; everything that would leave the school is listed below.',
  outgoingTitle: 'Everything that will leave the school',
  outgoingIntro: 'Every number in the file and every suppression, one per line, with where it sits in the file. Check it before exporting; the exported file holds exactly this.',
  statement: 'Content',
  where: 'Where in the file',
  summary: (cells: number, suppressed: number) => `${cells} grade × sex group(s) published; ${suppressed} suppression(s).`,
  export: 'Export the aggregate (.psyagg)',
  exported: (name: string) => `${name} exported. Send it to the bureau the way it asks.`,
  cannotBuild: 'The aggregate cannot be made:',
};

export const AGGREGATE_TEXT: Readonly<Record<Locale, AggregateText>> = { 'zh-CN': zh, en };
