import type { Locale } from './locale.ts';
import { formatPath, type Issue } from './outcome.ts';

type Template = Readonly<Record<Locale, string>>;

/**
 * Every issue code, with what is wrong and what to do, in zh-CN and en. `{name}` is filled from
 * the issue's params. A test checks that every code the code base emits is listed here.
 */
export const MESSAGES: Readonly<Record<string, Template>> = {
  // shapes
  required: { 'zh-CN': '缺少必填项（应为 {expected}）。请补上此字段。', en: 'This field is required (expected {expected}). Add it.' },
  wrong_type: { 'zh-CN': '类型不对：应为 {expected}，实际是 {received}。', en: 'Wrong type: expected {expected}, got {received}.' },
  unknown_key: { 'zh-CN': '未知字段“{key}”。请检查拼写，或删除此字段。', en: 'Unknown field "{key}". Check the spelling or remove it.' },
  not_allowed: { 'zh-CN': '取值 {received} 不被接受，可选值为：{allowed}。', en: 'Value {received} is not accepted; allowed: {allowed}.' },
  too_few: { 'zh-CN': '至少需要 {minimum} 项。', en: 'Needs at least {minimum} entries.' },
  too_many: { 'zh-CN': '最多允许 {maximum} 项。', en: 'Allows at most {maximum} entries.' },
  too_small: { 'zh-CN': '数值太小：应不小于 {minimum}。', en: 'Too small: must be at least {minimum}.' },
  too_big: { 'zh-CN': '数值太大：应不大于 {maximum}。', en: 'Too large: must be at most {maximum}.' },
  bad_format: { 'zh-CN': '格式不对（{format}）。', en: 'Wrong format ({format}).' },
  invalid: { 'zh-CN': '无效的值。', en: 'Invalid value.' },
  bad_slug: { 'zh-CN': '标识只能用小写字母、数字和连字符，并以字母开头，例如 "phq9"。', en: 'Ids use lower-case letters, digits and hyphens and start with a letter, e.g. "phq9".' },
  bad_semver: { 'zh-CN': '版本号应形如 1.0.0。', en: 'A version looks like 1.0.0.' },
  bad_item_id: { 'zh-CN': '题目标识应形如 "phq9_1"（量表标识_编号）。', en: 'Item ids look like "phq9_1" (instrument id, underscore, number).' },
  bad_date: { 'zh-CN': '日期应写成 YYYY-MM-DD，例如 2026-09-01。', en: 'Dates are written YYYY-MM-DD, e.g. 2026-09-01.' },
  impossible_date: { 'zh-CN': '不存在这个日期，请核对年月日。', en: 'This date does not exist; check year, month and day.' },
  bad_pinned_ref: { 'zh-CN': '引用应形如 "phq9@1.0.0#<64 位 sha-256>"。', en: 'A pinned reference looks like "phq9@1.0.0#<64-hex sha-256>".' },
  bad_version_ref: { 'zh-CN': '引用应形如 "default@1.0.0"。', en: 'A reference looks like "default@1.0.0".' },
  bad_school_year: { 'zh-CN': '学年应写成 2026-2027。', en: 'A school year is written 2026-2027.' },
  json_syntax: { 'zh-CN': '文件不是有效的 JSON：{detail}', en: 'The file is not valid JSON: {detail}' },
  kind_missing: { 'zh-CN': '缺少 "kind" 字段，无法判断文件类型。应为 {allowed} 之一。', en: 'The "kind" field is missing, so the file type is unknown. Use one of {allowed}.' },
  kind_unknown: { 'zh-CN': '文件类型 {received} 未知，应为 {allowed} 之一。', en: 'Unknown file kind {received}; use one of {allowed}.' },
  // instruments
  duplicate_id: { 'zh-CN': '{what}标识“{id}”重复（第一次出现在第 {first} 项）。每个标识只能用一次。', en: 'The {what} id "{id}" is used twice (first at entry {first}). Each id must be unique.' },
  item_id_prefix: { 'zh-CN': '题目“{id}”应以“{prefix}”开头，以便同一套测评中的题目标识不重复。', en: 'Item "{id}" must start with "{prefix}" so item ids stay unique within a battery.' },
  range_inverted: { 'zh-CN': '范围颠倒：最小值 {min} 大于最大值 {max}。', en: 'Range inverted: min {min} is greater than max {max}.' },
  too_few_scored_options: { 'zh-CN': '选项组“{set}”至少需要两个计分选项。', en: 'Option set "{set}" needs at least two scored options.' },
  unknown_option_set: { 'zh-CN': '选项组“{set}”不存在。已有：{known}。', en: 'Option set "{set}" does not exist. Known sets: {known}.' },
  unknown_item: { 'zh-CN': '题目“{item}”不存在。请使用本量表中已定义的题目标识。', en: 'Item "{item}" does not exist. Use an item id defined in this instrument.' },
  show_if_not_earlier: { 'zh-CN': '显示条件引用了“{item}”，但它不在本题之前。条件只能引用前面的题目。', en: 'The condition reads "{item}", which does not come before this item. Conditions may only read earlier items.' },
  max_missing_too_large: { 'zh-CN': '允许缺答的题数最多为 {max}。', en: 'At most {max} items may be allowed missing.' },
  band_empty: { 'zh-CN': '分段为空：下限 {gte} 不小于上限 {lt}。', en: 'Empty band: gte {gte} is not below lt {lt}.' },
  band_open_before_last: { 'zh-CN': '只有最后一个分段可以没有上限（lt）。', en: 'Only the last band may omit its upper bound (lt).' },
  bands_overlap: { 'zh-CN': '分段重叠：上一段“{previous}”到 {lt}（不含）为止，本段却从 {gte} 开始。', en: 'Bands overlap: "{previous}" runs below {lt}, but this band starts at {gte}.' },
  bands_gap: { 'zh-CN': '分段之间有空档：上一段到 {lt}（不含）为止，本段从 {gte} 开始，中间的分数没有归属。', en: 'Gap between bands: the previous band ends below {lt} and this one starts at {gte}; scores in between would have no band.' },
  bands_do_not_cover_min: { 'zh-CN': '第一个分段应从最低可能分 {min} 或更低开始。', en: 'The first band must start at or below the lowest possible score, {min}.' },
  bands_do_not_cover_max: { 'zh-CN': '最后一个分段应覆盖最高可能分 {max}（删去 lt 或把它设为大于 {max}）。', en: 'The last band must cover the highest possible score, {max} (omit lt or set it above {max}).' },
  // norms
  norms_need_one_origin: { 'zh-CN': '常模表必须且只能有 "source"（文献出处）或 "derived"（本地推导）之一。', en: 'A norm table needs exactly one of "source" (publication) or "derived" (local derivation).' },
  norm_groups_overlap: { 'zh-CN': '常模分组重叠：{grade} 年级、性别 {sex} 已属于第 {first} 组。', en: 'Norm groups overlap: grade {grade}, sex {sex} already belongs to group {first}.' },
  percentiles_not_increasing: { 'zh-CN': '百分位表须按原始分递增排列，百分位不能下降。', en: 'Percentile points must be in increasing raw-score order with non-decreasing percentiles.' },
  // policies
  rule_without_bounds: { 'zh-CN': '规则至少需要一个界限：gte（不低于）或 lt（低于）。', en: 'A rule needs at least one bound: gte (at least) or lt (below).' },
  rule_empty_range: { 'zh-CN': '规则范围为空：gte {gte} 不小于 lt {lt}。', en: 'Empty rule range: gte {gte} is not below lt {lt}.' },
  rules_overlap: { 'zh-CN': '本规则与规则“{other}”在同一分数上给出不同等级。请调整界限使它们不重叠。', en: 'This rule and rule "{other}" give different tiers for the same scores. Adjust the bounds so they do not overlap.' },
  // plans
  window_inverted: { 'zh-CN': '筛查结束日期 {closes} 早于开始日期 {opens}。', en: 'The window closes ({closes}) before it opens ({opens}).' },
  grade_in_two_bands: { 'zh-CN': '{grade} 年级已属于学段“{other}”，一个年级只能属于一个学段。', en: 'Grade {grade} already belongs to band "{other}"; a grade belongs to one band only.' },
  unresolved_ref: { 'zh-CN': '找不到“{ref}”。请把它加入计划文件，或改正引用。', en: '"{ref}" is not in the plan. Add it to the plan file or correct the reference.' },
  ref_hash_mismatch: { 'zh-CN': '“{ref}”的内容与其哈希不符（实际为 {actual}）。量表文件被改动过，请使用已发布的版本。', en: 'The content of "{ref}" does not match its hash (actual {actual}). The file was changed; use the published version.' },
  norms_for_other_instrument: { 'zh-CN': '常模表“{ref}”属于量表“{instrument}”，但该学段没有施测这个版本。', en: 'Norm table "{ref}" is for "{instrument}", which this band does not give in a matching version.' },
  policy_unknown_scale: { 'zh-CN': '分级规则“{rule}”引用了量表“{instrument}”中不存在的分量表“{scale}”。', en: 'Tier rule "{rule}" reads scale "{scale}", which "{instrument}" does not have.' },
  policy_unknown_band: { 'zh-CN': '分级规则“{rule}”引用了分量表“{scale}”中不存在的分段“{band}”。', en: 'Tier rule "{rule}" names band "{band}", which scale "{scale}" does not have.' },
  // responses
  bad_line_json: { 'zh-CN': '这一行不是有效的 JSON：{detail}', en: 'This line is not valid JSON: {detail}' },
  answer_unknown_item: { 'zh-CN': '作答中有未知题目“{item}”。请检查题目标识。', en: 'The answers name an unknown item "{item}". Check the item id.' },
  answer_not_an_option: { 'zh-CN': '题目“{item}”的答案 {value} 不是有效选项（可选：{allowed}）。', en: 'Answer {value} to item "{item}" is not one of its options ({allowed}).' },
  no_band_for_grade: { 'zh-CN': '计划中没有适用于 {grade} 年级（{track}）的学段。', en: 'The plan has no grade band for grade {grade} ({track}).' },
  // norms derivation
  norm_group_too_small: { 'zh-CN': '{group} 只有 {n} 人，少于最少 {minimum} 人，不能据此建立常模。', en: '{group} has only {n} students, fewer than the minimum {minimum}; no norm is derived for it.' },
  norm_group_no_spread: { 'zh-CN': '{group}（{n} 人）的分数全都相同，无法建立常模。', en: '{group} ({n} students) all have the same score; no norm can be derived from it.' },
  no_norm_group_large_enough: { 'zh-CN': '没有任何分组达到最少 {minimum} 人，无法推导本地常模。', en: 'No group reaches the minimum of {minimum} students; local norms cannot be derived.' },
  result_wrong_instrument: { 'zh-CN': '这条结果来自“{found}”，不是“{expected}”。', en: 'This result is for "{found}", not "{expected}".' },
};

/** The message a user reads for an issue, with its path, in their language. */
export function formatIssue(found: Issue, locale: Locale, catalogue: Readonly<Record<string, Template>> = MESSAGES): string {
  const template = catalogue[found.code]?.[locale] ?? found.code;
  const params = found.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const formatIssueWithPath = (found: Issue, locale: Locale): string => `${formatPath(found.path)}: ${formatIssue(found, locale)}`;
