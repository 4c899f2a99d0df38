import { MESSAGES, formatIssue, type Issue, type Locale } from '../../../scoring/index.ts';

type Template = Readonly<Record<Locale, string>>;

/**
 * The roster import's issue codes: what is wrong, where, and what to do, in zh-CN and en (same shape
 * as scoring's MESSAGES). Row issues carry {row} (the spreadsheet row number), {column} (the header
 * as written in the file) and {value} (the cell as read).
 */
export const ROSTER_MESSAGES: Readonly<Record<string, Template>> = {
  // reading the file
  roster_file_too_large: { 'zh-CN': '文件太大（超过 {maxMb} MB），不像一份学生名单，未读取。请只导出名单所在的工作表，或选择正确的文件。', en: 'The file is too large (over {maxMb} MB) for a student roster and was not read. Export only the roster sheet, or choose the right file.' },
  roster_value_too_long: { 'zh-CN': '这个单元格超过 {max} 个字，不像姓名、学号或班级。请检查这一行。', en: 'This cell is longer than {max} characters, which is not a name, student number or class. Check this row.' },
  roster_file_empty: { 'zh-CN': '文件里没有内容。请检查是否选错了文件，或名单是否保存在别的工作表里。', en: 'The file has no content. Check that you chose the right file and that the list is not on another sheet.' },
  roster_old_excel_format: { 'zh-CN': '这是旧版 Excel 文件（.xls）或设有密码的 Excel 文件，无法读取。请在 Excel 中取消密码，并“另存为”Excel 工作簿（.xlsx）或 CSV 后再导入。', en: 'This is an old-format (.xls) or password-protected Excel file, which cannot be read. Remove the password in Excel and "Save As" an Excel workbook (.xlsx) or CSV, then import that.' },
  roster_xlsx_unreadable: { 'zh-CN': '无法读取这个 Excel 文件（{detail}）。请在 Excel 中打开它，另存为新的 .xlsx 或 CSV 文件后再导入。', en: 'This Excel file cannot be read ({detail}). Open it in Excel, save it as a new .xlsx or CSV file, and import that.' },
  roster_unclosed_quote: { 'zh-CN': '第 {row} 行有一个引号（"）没有配对，之后的内容都无法分列。请在 Excel 中打开文件检查该行，或重新从 Excel 另存为 CSV。', en: 'Row {row} has a quotation mark (") that is never closed, so nothing after it can be split into columns. Check that row in Excel, or save the CSV from Excel again.' },
  // choosing columns
  roster_column_missing: { 'zh-CN': '没有找到“{fieldZh}”列。请在列对应中指定哪一列是{fieldZh}，或在表格中加上这一列。', en: 'No column is chosen for {fieldEn}. Pick the column that holds the {fieldEn}, or add such a column to the file.' },
  roster_column_used_twice: { 'zh-CN': '“{column}”列同时被选作“{fieldZh}”和“{otherZh}”。一列只能对应一项，请改选其中一项。', en: 'Column "{column}" is chosen for both {fieldEn} and {otherEn}. A column can hold only one of them; change one choice.' },
  roster_no_students: { 'zh-CN': '表头（第 {header} 行）下面没有学生。请检查是否选错了文件或工作表。', en: 'There are no students below the header (row {header}). Check that you chose the right file or sheet.' },
  roster_no_birth_date_column: { 'zh-CN': '名单中没有出生日期列。学生仍可用登录码登录，但不能用“班级+学号+出生日期”登录，转学时档案也更难核对。如有条件，请补上出生日期。', en: 'The roster has no birth-date column. Students can still sign in with their codes, but not by class, student number and birth date, and records are harder to match when students move schools. Add birth dates if you can.' },
  // cells
  roster_value_missing: { 'zh-CN': '第 {row} 行的“{column}”是空的。请补上后重新导入。', en: 'Row {row}: "{column}" is empty. Fill it in and import again.' },
  roster_value_invalid: { 'zh-CN': '第 {row} 行“{column}”列的“{value}”无效。请核对后重新导入。', en: 'Row {row}: "{value}" in column "{column}" is not valid. Check it and import again.' },
  roster_number_in_exponent_form: { 'zh-CN': '第 {row} 行“{column}”列显示为“{value}”：Excel 把长数字变成了科学计数法，末尾几位已经丢失。请在 Excel 中把该列设为“文本”格式，重新填入完整号码后再导出。', en: 'Row {row}: column "{column}" shows "{value}". Excel turned a long number into exponent form and its last digits are lost. Format the column as Text in Excel, type the full numbers again, and export again.' },
  roster_grade_unreadable: { 'zh-CN': '第 {row} 行“{column}”列的“{value}”不是可识别的年级。请写成数字（4–12），或“四年级”“初二”“高一”“中职一年级”这样的形式。', en: 'Row {row}: "{value}" in column "{column}" is not a grade we can read. Write a number (4–12) or a name such as 四年级, 初二, 高一 or 中职一年级.' },
  roster_grade_out_of_range: { 'zh-CN': '第 {row} 行的年级是 {grade}（“{value}”），不在 4–12 年级之内。本筛查面向小学四年级至高三（含中职）。请核对年级，或把该学生从名单中删去。', en: 'Row {row}: grade {grade} ("{value}") is outside grades 4–12, which this screening serves (upper primary to the last year of senior or vocational school). Check the grade or remove the student from the list.' },
  roster_sex_unknown: { 'zh-CN': '第 {row} 行“{column}”列的“{value}”无法识别为性别。请填写“男”或“女”。', en: 'Row {row}: "{value}" in column "{column}" is not a sex we can read. Write 男/女 or male/female.' },
  roster_track_unknown: { 'zh-CN': '第 {row} 行“{column}”列的“{value}”无法识别。请填写“中职”（中等职业学校）或“普通”，也可以留空。', en: 'Row {row}: "{value}" in column "{column}" is not understood. Write 中职 (vocational) or 普通 (general), or leave it empty.' },
  roster_track_conflict: { 'zh-CN': '第 {row} 行：年级写的是“{grade}”（中职），“{column}”列却写“{value}”。请把两处改为一致。', en: 'Row {row}: the grade "{grade}" is vocational, but column "{column}" says "{value}". Make the two agree.' },
  roster_vocational_grade: { 'zh-CN': '第 {row} 行标为中职，但年级是 {grade}。中职学生应为 10–12 年级（中职一至三年级）。请核对年级或“{column}”列。', en: 'Row {row} is marked vocational but is in grade {grade}. Vocational students are in grades 10–12 (vocational years 1–3). Check the grade or column "{column}".' },
  roster_date_unreadable: { 'zh-CN': '第 {row} 行“{column}”列的“{value}”不是可识别的日期。请写成 2012-11-02 这样的形式（年-月-日）。', en: 'Row {row}: "{value}" in column "{column}" is not a date we can read. Write it year first, e.g. 2012-11-02.' },
  roster_date_no_day: { 'zh-CN': '第 {row} 行“{column}”列的“{value}”只有年和月。请填写完整的出生日期（年-月-日）。', en: 'Row {row}: "{value}" in column "{column}" has a year and month only. Give the full birth date (year-month-day).' },
  roster_date_impossible: { 'zh-CN': '第 {row} 行“{column}”列的日期“{value}”不存在（例如没有 2 月 30 日、13 月）。请核对年月日。', en: 'Row {row}: the date "{value}" in column "{column}" does not exist (there is no 30 February or month 13). Check year, month and day.' },
  roster_birth_date_in_future: { 'zh-CN': '第 {row} 行的出生日期 {date} 晚于今天（{today}）。请核对年份。', en: 'Row {row}: the birth date {date} is after today ({today}). Check the year.' },
  roster_birth_date_implausible: { 'zh-CN': '第 {row} 行的出生日期 {date} 意味着该学生今年 {age} 岁，不可能是在校中小学生。请核对年份。', en: 'Row {row}: the birth date {date} makes the student {age} years old, which cannot be a school student. Check the year.' },
  roster_birth_date_missing: { 'zh-CN': '第 {row} 行没有出生日期。该学生只能用登录码登录；如有条件请补上。', en: 'Row {row} has no birth date. This student can sign in with a code only; add it if you can.' },
  roster_age_unusual_for_grade: { 'zh-CN': '第 {row} 行：按出生日期 {date}，该学生本学年开学时 {age} 岁，而 {grade} 年级学生通常约 {usualAge} 岁。请核对出生日期和年级；如确实无误（如留级、晚入学），可以忽略此提示。', en: 'Row {row}: by the birth date {date} the student was {age} at the start of this school year, while grade {grade} students are usually about {usualAge}. Check the birth date and grade; if both are right (a repeated year, a late start), ignore this note.' },
  // across rows
  roster_student_number_duplicate: { 'zh-CN': '第 {row} 行的学号“{value}”与第 {first} 行重复。每名学生的学号必须唯一，否则档案会混在一起。请改正后重新导入。', en: 'Row {row}: student number "{value}" is already used in row {first}. Every student needs their own number, or their records would be mixed up. Correct it and import again.' },
  roster_national_id_duplicate: { 'zh-CN': '第 {row} 行的全国学籍号“{value}”与第 {first} 行重复。请核对后重新导入。', en: 'Row {row}: national student id "{value}" is already used in row {first}. Check it and import again.' },
  roster_class_in_two_grades: { 'zh-CN': '班级“{className}”在第 {first} 行属于 {firstGrade} 年级，在第 {row} 行却属于 {grade} 年级。请核对年级，或让不同年级的班级名称能区分开（如“八年级(1)班”）。', en: 'Class "{className}" is in grade {firstGrade} in row {first} but in grade {grade} in row {row}. Check the grade, or name the classes so different grades differ (e.g. 八年级(1)班).' },
  roster_same_name_in_class: { 'zh-CN': '第 {row} 行的“{name}”与第 {first} 行同班同名。登录纸条上印有学号，可以区分；请确认不是同一名学生录入了两次。', en: 'Row {row}: "{name}" has the same name as row {first} in the same class. The slips show student numbers to tell them apart; check that the student was not entered twice.' },
};

/** The message for a roster issue (or any scoring issue) in the user's language. */
export const formatRosterIssue = (found: Issue, locale: Locale): string => formatIssue(found, locale, { ...MESSAGES, ...ROSTER_MESSAGES });
