import type { Locale } from '../../../scoring/index.ts';

/** Strings of the county views (expected schools, demo county, trends, follow-up), in both languages. */
const zh = {
  listTitle: '应报送学校名单',
  listIntro: '导入本局辖区应参加测评的学校名单（Excel 或 CSV），列：学校代码、学校名称、学校类型（小学/初中/普通高中/中职/九年一贯制/完全中学…）、所属区县，可加在校生数。导入后看板显示哪些学校已报送、哪些未报送，以及按在校生数计算的参与率。',
  listChoose: '导入学校名单',
  listReading: '正在读取名单…',
  listSummary: (n: number, source: string, imported: string) => `名单：${n} 所学校（来自“${source}”，${imported} 导入）。`,
  listNone: '尚未导入学校名单。',
  listRefused: '名单未导入（原有名单未改动）：',
  listClear: '删除名单',

  demoTitle: '演示区县',
  demoIntro: '载入一个虚构区县：42 所学校的名单，3 个学年的匿名汇总文件（由评分引擎对合成作答计分，按真实发布流程隐藏小组）。会替换当前载入的文件和名单。',
  demoOpen: '打开演示区县',
  demoLoading: '正在载入演示区县…',
  demoFailed: '演示区县未能载入：',
  demoLoaded: (files: number, years: number) => `演示区县已载入：${years} 个学年，共 ${files} 个文件。`,

  reportingTitle: '报送情况',
  reportingSummary: (reported: number, expected: number, year: string) => `${year} 学年：名单上 ${expected} 所学校中 ${reported} 所已报送，${expected - reported} 所未报送。`,
  countyParticipation: '按在校生数计的参与率（未报送学校计为 0）',
  withoutEnrolment: (n: number) => `另有 ${n} 所学校名单上没有在校生数，未计入。`,
  mergedUnknown: (n: number) => `${n} 所学校包含在下级合并文件中，无法单独计算参与率。`,
  missingTitle: '未报送学校（催报名单）',
  noneMissing: '名单上的学校均已报送。',
  unlistedTitle: '不在名单上的学校',
  exportReminderCsv: '导出催报名单 CSV',
  exportReminderXlsx: '导出催报名单 Excel',
  code: '代码', status: '状态', reported: '已报送', notReported: '未报送', enrolment: '在校生数', type: '类型', district: '区县', completed: '完成', participation: '参与率', file: '文件',
  showAll: (n: number) => `显示全部 ${n} 所学校`,

  trendTitle: '逐年趋势',
  trendIntro: '每个已载入的学年一列；比率后为 95% 置信区间（Wilson）。普通高中与中职按名单上的学校类型区分。',
  trendNeedsYears: '载入两个或更多学年的文件后显示趋势（“更多学年”可载入任意多个学年）。',
  trendCounty: '全区县',
  trendGeneral: '普通高中',
  trendVocational: '中职',
  trendSchool: '学校',
  trendPick: '查看学校',
  trendAllSchools: '（全区县）',

  followTitle: '预警后续落实',
  followIntro: '高风险学生之后的处理（各校匿名计数，小于 k 的计数及可推算出它的计数已隐藏）。比率后为 95% 置信区间（Wilson）；覆盖：报送了该项的学校的高风险人数。',
  followNone: '已载入的文件中没有后续落实计数（旧版文件或学校尚未填写）。',
  followMeasures: { interviewed: '已约谈', parentsInformed: '已告知家长', referred: '已转介', within7Days: '7 天内约谈', closed: '已结案' },
  followCovers: '覆盖人数',
  followRate: '比例',
};

export type CountyText = typeof zh;

const en: CountyText = {
  listTitle: 'Expected schools',
  listIntro: 'Import the list of schools this bureau expects to screen (Excel or CSV) with columns school code, school name, school type (小学/初中/普通高中/中职/九年一贯制/完全中学… or primary, junior, senior, vocational…), district, and optionally enrolment. The dashboard then shows which schools reported, which did not, and participation against enrolment.',
  listChoose: 'Import school list',
  listReading: 'Reading the list…',
  listSummary: (n: number, source: string, imported: string) => `List: ${n} schools (from "${source}", imported ${imported}).`,
  listNone: 'No school list imported yet.',
  listRefused: 'The list was not imported (the list before stays):',
  listClear: 'Remove list',

  demoTitle: 'Demo county',
  demoIntro: 'Loads a fictional county: a list of 42 schools and three school years of anonymous aggregates (synthetic answers scored by the scoring engine, small groups hidden by the real publishing path). Replaces the files and list loaded now.',
  demoOpen: 'Open demo county',
  demoLoading: 'Loading the demo county…',
  demoFailed: 'The demo county could not be loaded:',
  demoLoaded: (files: number, years: number) => `Demo county loaded: ${years} school years, ${files} files.`,

  reportingTitle: 'Reporting',
  reportingSummary: (reported: number, expected: number, year: string) => `${year}: ${reported} of the ${expected} listed schools reported, ${expected - reported} did not.`,
  countyParticipation: 'Participation against enrolment (schools that did not report count as 0)',
  withoutEnrolment: (n: number) => `${n} more schools have no enrolment on the list and are left out.`,
  mergedUnknown: (n: number) => `${n} schools are inside a lower bureau's merged file; their own participation is not known.`,
  missingTitle: 'Schools that have not reported (reminder list)',
  noneMissing: 'Every listed school has reported.',
  unlistedTitle: 'Schools not on the list',
  exportReminderCsv: 'Export reminder list as CSV',
  exportReminderXlsx: 'Export reminder list as Excel',
  code: 'Code', status: 'Status', reported: 'reported', notReported: 'not reported', enrolment: 'Enrolment', type: 'Type', district: 'District', completed: 'Completed', participation: 'Participation', file: 'File',
  showAll: (n: number) => `Show all ${n} schools`,

  trendTitle: 'Trends over school years',
  trendIntro: 'One column per loaded school year; 95 % Wilson intervals after each rate. General senior and vocational schools are told apart by the type on the school list.',
  trendNeedsYears: 'Load files of two or more school years to see trends ("More school years" takes any number of years).',
  trendCounty: 'County',
  trendGeneral: 'General senior',
  trendVocational: 'Vocational',
  trendSchool: 'School',
  trendPick: 'Show school',
  trendAllSchools: '(whole county)',

  followTitle: 'Follow-up of flags',
  followIntro: 'What followed for high-risk students (anonymous counts per school; a count below k, and any count it could be worked out from, is hidden). 95 % Wilson intervals; covers: high-risk students of the schools that reported the measure.',
  followNone: 'The loaded files carry no follow-up counts (older files, or schools have not filled them in).',
  followMeasures: { interviewed: 'interviewed', parentsInformed: 'parents informed', referred: 'referred', within7Days: 'interviewed within 7 days', closed: 'closed' },
  followCovers: 'Covers',
  followRate: 'Rate',
};

export const COUNTY_TEXT: Readonly<Record<Locale, CountyText>> = { 'zh-CN': zh, en };
