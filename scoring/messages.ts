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
  // aggregates: file shape
  bad_code: { 'zh-CN': '代码只能用字母、数字、点、下划线和连字符（不含空格或逗号），例如学校标识码 "3133001234"。', en: 'Codes use letters, digits, dots, underscores and hyphens (no spaces or commas), e.g. the school identifier "3133001234".' },
  bad_timestamp: { 'zh-CN': '时间应写成 2026-11-22 或 2026-11-22T09:30:00+08:00。', en: 'A time is written 2026-11-22 or 2026-11-22T09:30:00+08:00.' },
  duplicate_school: { 'zh-CN': '学校“{code}”在来源中出现了两次（第一次在第 {first} 项）。同一所学校只能计入一次。', en: 'School "{code}" is listed twice in the provenance (first at entry {first}). A school may be counted only once.' },
  counts_without_school: { 'zh-CN': '文件有统计数据，却没有列出任何来源学校。', en: 'The file has counts but names no contributing school.' },
  instrument_hash_conflict: { 'zh-CN': '量表“{instrument}”出现了两个不同的内容哈希（{a} 与 {b}）。同一版本只能有一种内容。', en: 'Instrument "{instrument}" appears with two different content hashes ({a} and {b}). One version has one content.' },
  margin_not_a_total: { 'zh-CN': '合计行必须是某年级、某性别或全体的合计，而 {grade} 年级 {sex} 是单个格子，应放在 cells 中。', en: 'A total must cover a grade, a sex or everyone; grade {grade}, {sex} is a single cell and belongs in cells.' },
  completed_exceeds_roster: { 'zh-CN': '完成 {completed} 人加拒绝 {declined} 人，超过了名单上的 {roster} 人。', en: '{completed} completed plus {declined} declined is more than the {roster} on the roster.' },
  invalid_exceeds_completed: { 'zh-CN': '无效作答 {invalid} 人，多于完成的 {completed} 人。', en: '{invalid} invalid results is more than the {completed} who completed.' },
  tiers_do_not_sum: { 'zh-CN': '低、中、高风险人数之和为 {sum}，应等于完成人数 {completed}。', en: 'Low, medium and high add up to {sum}; they must add up to the {completed} who completed.' },
  urgent_exceeds_high: { 'zh-CN': '紧急标记 {urgent} 人，多于高风险的 {high} 人；紧急标记总是伴随高风险。', en: '{urgent} urgent flags but only {high} high tiers; an urgent flag always makes the tier high.' },
  instrument_not_listed: { 'zh-CN': '量表“{instrument}”没有列在文件的 instruments 中。', en: 'Instrument "{instrument}" is not listed in the file\u2019s instruments.' },
  instrument_exceeds_completed: { 'zh-CN': '该量表有 {count} 份结果，多于本组完成的 {completed} 人。', en: 'This instrument has {count} results, more than the {completed} in the group who completed.' },
  scored_exceeds_completed: { 'zh-CN': '有分数的 {scored} 人，多于完成该量表的 {completed} 人。', en: '{scored} scores is more than the {completed} who completed the instrument.' },
  histogram_bad_key: { 'zh-CN': '分数“{key}”的写法不规范，应与数字的标准写法一致（如 "12"、"1.5"）。', en: 'Score "{key}" is not written the standard way for a number (e.g. "12", "1.5").' },
  score_out_of_range: { 'zh-CN': '分数 {score} 超出量表可能的范围 {min}–{max}。', en: 'Score {score} is outside the scale\u2019s possible range {min}\u2013{max}.' },
  histogram_does_not_sum: { 'zh-CN': '直方图人数之和为 {sum}，应等于有分数的 {scored} 人。', en: 'The histogram holds {sum} students; it must hold the {scored} with a score.' },
  band_does_not_match_histogram: { 'zh-CN': '分段“{band}”记为 {count} 人，而直方图中落在该段的有 {sum} 人。', en: 'Band "{band}" says {count}, but the histogram has {sum} scores in it.' },
  pooled_range_invalid: { 'zh-CN': '合并区间 {from}–{to} 无效：应满足 {min} ≤ 下限 ≤ 上限 ≤ {max}。', en: 'Pooled range {from}\u2013{to} is invalid: it must satisfy {min} <= from <= to <= {max}.' },
  pooled_crosses_band: { 'zh-CN': '合并区间 {from}–{to} 跨越了分段“{band}”的边界；合并只能在同一分段内进行。', en: 'Pooled range {from}\u2013{to} crosses the edge of band "{band}"; pooling stays within one band.' },
  margin_mismatch: { 'zh-CN': '合计的 {field} 为 {total}，但所含格子之和为 {sum}。', en: 'The total\u2019s {field} is {total}, but its cells add up to {sum}.' },
  exact_with_suppression: { 'zh-CN': '精确（未抑制）文件不应含有 {field}；这些只属于已发布文件。', en: 'An exact (unsuppressed) file has no {field}; those belong to published files only.' },
  // aggregates: small-cell protection
  group_below_k: { 'zh-CN': '已发布文件中有一组只有 {count} 人，少于 k = {k}。小于 k 的组必须被抑制。', en: 'A published group has only {count} students, fewer than k = {k}. Groups under k must be suppressed.' },
  bin_below_k: { 'zh-CN': '已发布的直方图中有一栏只有 {count} 人，少于 k = {k}，可能暴露个人分数。', en: 'A published histogram bin holds only {count} students, fewer than k = {k}; it could reveal a student\u2019s score.' },
  suppressed_by_unknown: { 'zh-CN': '抑制记录出自“{by}”，但它既不是来源学校，也不是盖章的教育局。', en: 'A suppression is recorded by "{by}", which is neither a contributing school nor a stamping bureau.' },
  suppressed_scale_without_instrument: { 'zh-CN': '抑制了分量表“{scale}”却没有写明是哪个量表。', en: 'Scale "{scale}" is suppressed without naming its instrument.' },
  suppressed_instrument_in_total: { 'zh-CN': '单个量表的抑制只能针对单个格子，而这里是 {grade} 年级 {sex} 的合计。', en: 'An instrument is suppressed only within a cell, but this is the total for grade {grade}, {sex}.' },
  suppressed_but_published: { 'zh-CN': '{grade} 年级 {sex} 记为已抑制，但文件中仍有它的数据。', en: 'Grade {grade}, {sex} is recorded as suppressed but its counts are still in the file.' },
  // aggregates: building
  participant_bad_grade: { 'zh-CN': '年级 {grade} 无效，应为 1–12 的整数。', en: 'Grade {grade} is not a whole number from 1 to 12.' },
  participant_without_result: { 'zh-CN': '该学生标记为已完成，却没有计分结果。请先导入并计分他的作答。', en: 'This student is marked completed but has no scored result. Import and score the submission first.' },
  result_without_completion: { 'zh-CN': '该学生标记为“{status}”，却带有计分结果。请核对参与状态。', en: 'This student is marked "{status}" but has a scored result. Check the participation status.' },
  result_respondent_mismatch: { 'zh-CN': '名单上为 {grade} 年级 {sex}，结果中却是 {resultGrade} 年级 {resultSex}。', en: 'The roster says grade {grade}, {sex}; the result says grade {resultGrade}, {resultSex}.' },
  result_from_other_plan: { 'zh-CN': '这条结果按计划“{plan}”计分，不是本次筛查的“{expected}”。', en: 'This result was scored with plan "{plan}", not this screening\u2019s "{expected}".' },
  result_unknown_instrument: { 'zh-CN': '结果用到的量表“{instrument}”不在本次筛查计划中。', en: 'The result uses instrument "{instrument}", which is not in this screening\u2019s plan.' },
  // aggregates: merging, publishing, stamping, reading
  aggregate_year_mismatch: { 'zh-CN': '学年不同（{a} 与 {b}），不能合并。', en: 'Different school years ({a} and {b}); they cannot be merged.' },
  aggregate_k_mismatch: { 'zh-CN': '抑制阈值 k 不同（{a} 与 {b}），不能合并。请让各方使用相同的 k。', en: 'Different suppression thresholds k ({a} and {b}); they cannot be merged. Agree on one k.' },
  aggregate_stage_mismatch: { 'zh-CN': '不能把精确文件与已发布文件合并（{a} 与 {b}）。请先发布精确文件。', en: 'An exact file cannot be merged with a published one ({a} and {b}). Publish the exact file first.' },
  aggregate_duplicate_school: { 'zh-CN': '学校 {name}（{code}）已经计入，不能重复合并。', en: 'School {name} ({code}) is already included; it cannot be merged twice.' },
  aggregate_instrument_conflict: { 'zh-CN': '量表“{instrument}”在两份文件中内容不同（哈希 {a} 与 {b}），结果不可相加。', en: 'Instrument "{instrument}" differs between the files (hash {a} and {b}); its results cannot be added.' },
  already_published: { 'zh-CN': '该文件已发布（已抑制），不能再发布。', en: 'This file is already published (suppressed); it cannot be published again.' },
  k_lowered: { 'zh-CN': '阈值 k = {k} 不可用：k 只能提高，最低为 {minimum}。', en: 'k = {k} is not allowed: k can only be raised, to at least {minimum}.' },
  publish_needs_producer: { 'zh-CN': '多校合并的文件发布时须注明发布单位（代码）。', en: 'A file merged from several schools needs the publishing body\u2019s code to be published.' },
  stamp_below_level: { 'zh-CN': '该文件已由 {current} 级盖章，不能再以 {level} 级盖章。', en: 'The file is already stamped at {current} level; it cannot be stamped at {level} level.' },
  not_an_aggregate: { 'zh-CN': '这不是汇总文件（.psyagg）：format 为 {received}，应为 "psyscreen-aggregate"。', en: 'This is not an aggregate file (.psyagg): format is {received}, expected "psyscreen-aggregate".' },
  aggregate_version_unsupported: { 'zh-CN': '汇总文件格式版本 {version} 比本程序支持的 {supported} 新，请升级 PsyScreen。', en: 'Aggregate format version {version} is newer than the {supported} this program reads. Update PsyScreen.' },
  // aggregates: what leaves the school
  outgoing_overview: { 'zh-CN': '本文件汇总 {schools} 所学校 {year} 学年的筛查；少于 {k} 人的组已被抑制。', en: 'This file sums up the {year} screening of {schools} school(s); groups of fewer than {k} students are suppressed.' },
  outgoing_exact_warning: { 'zh-CN': '注意：这是未经抑制的精确文件，只应保存在学校内部，不应外发。', en: 'Warning: this is the exact, unsuppressed file; it stays in the school and must not be sent out.' },
  outgoing_school: { 'zh-CN': '学校：{name}（代码 {code}，{county}），文件生成于 {created}。', en: 'School: {name} (code {code}, {county}), file made {created}.' },
  outgoing_stamp: { 'zh-CN': '{level} 级盖章：{name}（代码 {code}），{created}。', en: 'Stamped at {level} level by {name} (code {code}), {created}.' },
  outgoing_plan: { 'zh-CN': '筛查计划：{plan}。', en: 'Screening plan: {plan}.' },
  outgoing_instrument: { 'zh-CN': '量表：{instrument}。', en: 'Instrument: {instrument}.' },
  outgoing_cell: { 'zh-CN': '{group}：名单 {roster} 人，完成 {completed}，拒绝 {declined}，无效 {invalid}；低 {low}、中 {medium}、高 {high} 风险，紧急 {urgent}。', en: '{group}: {roster} on roster, {completed} completed, {declined} declined, {invalid} invalid; tiers low {low}, medium {medium}, high {high}; urgent {urgent}.' },
  outgoing_cell_instrument: { 'zh-CN': '{group}，{instrument}：{completed} 份；低 {low}、中 {medium}、高 {high}，紧急 {urgent}。', en: '{group}, {instrument}: {completed} results; low {low}, medium {medium}, high {high}; urgent {urgent}.' },
  outgoing_scale: { 'zh-CN': '{group}，{instrument} 的 {scale}：{scored} 个分数；精确分数（分数:人数）{exact}；合并区间 {pooled}；分段 {bands}。', en: '{group}, {instrument} {scale}: {scored} scores; exact (score:count) {exact}; pooled ranges {pooled}; bands {bands}.' },
  outgoing_margin: { 'zh-CN': '{group}合计：名单 {roster} 人，完成 {completed}，拒绝 {declined}（仅参与情况）。', en: 'Total for {group}: {roster} on roster, {completed} completed, {declined} declined (participation only).' },
  outgoing_suppressed_primary: { 'zh-CN': '{group}：不足 {k} 人，所有数字均不外发。', en: '{group}: fewer than {k} students; none of its numbers leave the school.' },
  outgoing_suppressed_complementary: { 'zh-CN': '{group}：一并隐藏，以免由合计反推出小组的人数。', en: '{group}: also hidden, so that a small group cannot be worked out from the totals.' },
  outgoing_suppressed_instrument: { 'zh-CN': '{group}，{instrument}：不足 {k} 人作答，该量表的结果不外发。', en: '{group}, {instrument}: fewer than {k} answered it; its results do not leave the school.' },
  outgoing_suppressed_scale: { 'zh-CN': '{group}，{instrument} 的 {scale}：不足 {k} 个有效分数，分数分布不外发。', en: '{group}, {instrument} {scale}: fewer than {k} valid scores; its distribution does not leave the school.' },
  outgoing_nothing_personal: { 'zh-CN': '文件不含姓名、学号、出生日期、班级，也没有任何逐个学生的记录。', en: 'The file holds no names, student codes, birth dates or classes, and no row about any one student.' },
};

/** The message a user reads for an issue, with its path, in their language. */
export function formatIssue(found: Issue, locale: Locale, catalogue: Readonly<Record<string, Template>> = MESSAGES): string {
  const template = catalogue[found.code]?.[locale] ?? found.code;
  const params = found.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const formatIssueWithPath = (found: Issue, locale: Locale): string => `${formatPath(found.path)}: ${formatIssue(found, locale)}`;
