import type { Locale } from '../../scoring/index.ts';

type Template = Readonly<Record<Locale, string>>;

/**
 * The bureau workspace's own issue codes, in zh-CN and en (to be merged into src/issueMessages.ts).
 * Each names the file it is about: a county loads hundreds at once.
 */
export const BUREAU_MESSAGES: Readonly<Record<string, Template>> = {
  bureau_key_changed: { 'zh-CN': '文件“{file}”来自 {name}（{code}），但签名密钥 {keyId} 与本局自 {since} 登记的密钥 {known} 不同，未载入。请先与学校核实是否更换了密钥；确认后在“学校密钥”中删除旧登记，再载入。', en: 'The file "{file}" is from {name} ({code}) but was signed with key {keyId}, not the key {known} this bureau has on record since {since}; it was not loaded. Check with the school whether it made a new key; if so, remove the old entry under "School keys" and load the file again.' },
  bureau_unsigned_from_known: { 'zh-CN': '文件“{file}”来自 {name}（{code}），但没有签名；该校以前的文件都用密钥 {known} 签名，未载入。请让学校从教师端“匿名汇总”重新导出（会自动签名）。', en: 'The file "{file}" is from {name} ({code}) but is not signed, while this school\'s earlier files were signed with key {known}; it was not loaded. Ask the school to export it again from "Aggregate" in the teacher workspace (which signs it).' },
  bureau_signature_invalid: { 'zh-CN': '文件“{file}”的学校签名校验失败：签名后被改动过或已损坏，未载入。请让学校重新导出。', en: 'The school signature of "{file}" does not check out: the file was changed after signing or is damaged, and was not loaded. Ask the school to export it again.' },
  bureau_file_damaged: { 'zh-CN': '文件“{file}”已损坏或不完整，未载入。请让报送单位重新导出后再发一次。', en: 'The file "{file}" is damaged or incomplete and was not loaded. Ask the sender to export it again.' },
  bureau_not_an_aggregate: { 'zh-CN': '文件“{file}”不是匿名汇总文件（.psyagg），未载入。', en: 'The file "{file}" is not an anonymous aggregate (.psyagg) and was not loaded.' },
  bureau_version_unsupported: { 'zh-CN': '文件“{file}”的格式版本（{version}）比本程序新，未载入。请升级 PsyScreen。', en: 'The file "{file}" has a newer format version ({version}) than this program reads and was not loaded. Update PsyScreen.' },
  bureau_exact_file: { 'zh-CN': '文件“{file}”是学校内部的精确文件（未隐藏小组），不应离开学校，未载入。请让学校在“匿名汇总”页导出发布版本。', en: 'The file "{file}" is a school\'s internal exact file (small groups not hidden); it should not have left the school and was not loaded. Ask the school to export the published copy from its "Anonymous aggregate" page.' },
  bureau_wrong_year: { 'zh-CN': '文件“{file}”是 {year} 学年的，而已载入的文件是 {loaded} 学年的，未载入。要比较两个学年，请把它载入“对比学年”。', en: 'The file "{file}" is for school year {year}, but the files already loaded are for {loaded}; it was not loaded. To compare two years, load it as the comparison year.' },
  bureau_same_year_comparison: { 'zh-CN': '文件“{file}”与本学年同为 {year} 学年，不能作为对比学年载入。', en: 'The file "{file}" is for {year}, the same year as the current files; it cannot be the comparison year.' },
  bureau_wrong_county: { 'zh-CN': '文件“{file}”中的学校 {name}（{code}）属于“{county}”，不是本局设定的“{expected}”，未载入。', en: 'In the file "{file}", school {name} ({code}) belongs to "{county}", not to "{expected}" as set here; the file was not loaded.' },
  bureau_duplicate_school: { 'zh-CN': '文件“{file}”中的学校 {name}（{code}）已经由“{other}”载入，未重复载入。', en: 'School {name} ({code}) in the file "{file}" is already loaded from "{other}"; the file was not loaded again.' },
  bureau_instrument_conflict: { 'zh-CN': '文件“{file}”中的量表 {instrument} 与已载入文件中的同名同版本量表内容不同，结果不可相加，未载入。请核对学校使用的量表版本。', en: 'In the file "{file}", instrument {instrument} differs from the one of the same name and version in the files already loaded; results cannot be added, so the file was not loaded. Check which instrument version the school used.' },
  bureau_k_mismatch: { 'zh-CN': '文件“{file}”的最小公开人数 k = {k}，已载入文件为 k = {loaded}，不能合并，未载入。请让各校使用相同的 k。', en: 'The file "{file}" uses k = {k}, the files already loaded use k = {loaded}; they cannot be merged and the file was not loaded. Ask every school to use the same k.' },
  bureau_stamp_invalid: { 'zh-CN': '报送下一级前请填写本局的代码（字母、数字、点、下划线或连字符）和名称。', en: 'Before issuing the file for the next level, enter this bureau\'s code (letters, digits, dots, underscores or hyphens) and name.' },
  bureau_nothing_loaded: { 'zh-CN': '还没有载入任何文件，无法导出合并文件。', en: 'No file is loaded yet, so there is nothing to merge and export.' },
  bureau_year_in_other_set: { 'zh-CN': '文件“{file}”是 {year} 学年的，该学年已在“本学年”或“对比学年”中，未在此重复载入。', en: 'The file "{file}" is for {year}, a year already held as the current or comparison year; it was not loaded here again.' },
  bureau_demo_unavailable: { 'zh-CN': '演示区县文件无法读取（{detail}）。请确认程序完整（public/demo/demo-county.json），或运行 npx tsx scripts/make-demo-county.ts 重新生成。', en: 'The demo county file cannot be read ({detail}). Check that the program is complete (public/demo/demo-county.json), or run npx tsx scripts/make-demo-county.ts to make it again.' },
  school_list_empty: { 'zh-CN': '学校名单文件里没有内容。请检查是否选错了文件。', en: 'The school list has no content. Check that you chose the right file.' },
  school_list_column_missing: { 'zh-CN': '学校名单（表头在第 {row} 行）缺少“{field}”列。名单须有：学校代码、学校名称、学校类型、所属区县；在校生数可选。', en: 'The school list (header in row {row}) has no "{field}" column. A list needs: school code, school name, school type, district; enrolment is optional.' },
  school_list_no_schools: { 'zh-CN': '学校名单的表头（第 {row} 行）下面没有学校。', en: 'There are no schools below the header (row {row}) of the school list.' },
  school_list_value_missing: { 'zh-CN': '学校名单第 {row} 行的“{column}”是空的。请补上后重新导入。', en: 'School list row {row}: "{column}" is empty. Fill it in and import again.' },
  school_list_value_invalid: { 'zh-CN': '学校名单第 {row} 行“{column}”列的“{value}”无效（学校代码只能含字母、数字、点、下划线或连字符，不超过 64 位）。', en: 'School list row {row}: "{value}" in column "{column}" is not valid (a school code holds letters, digits, dots, underscores or hyphens, at most 64).' },
  school_list_type_unknown: { 'zh-CN': '学校名单第 {row} 行“{column}”列的“{value}”不是可识别的学校类型。请填写：小学、初中、普通高中、中职、九年一贯制、完全中学、十二年一贯制或特殊教育。', en: 'School list row {row}: "{value}" in column "{column}" is not a school type we know. Write one of primary, junior, senior, vocational, nine-year, complete, twelve-year, special (or their Chinese names as in the template).' },
  school_list_enrolment_invalid: { 'zh-CN': '学校名单第 {row} 行“{column}”列的“{value}”不是人数。请填写非负整数，或留空。', en: 'School list row {row}: "{value}" in column "{column}" is not a number of students. Write a whole number, or leave it empty.' },
  school_list_duplicate_code: { 'zh-CN': '学校名单第 {row} 行的学校代码“{value}”与第 {first} 行重复。每所学校只能列一次。', en: 'School list row {row}: school code "{value}" is already used in row {first}. List each school once.' },
  school_list_not_saved: { 'zh-CN': '学校名单未能保存到本机浏览器（{detail}），名单未更改。请重试。', en: 'The school list could not be saved in this browser ({detail}); the list is unchanged. Try again.' },
};
