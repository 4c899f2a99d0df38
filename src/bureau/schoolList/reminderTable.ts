import type { Locale } from '../../../scoring/index.ts';
import type { ExportTable } from '../tables.ts';
import { SCHOOL_TYPE_LABELS, type ExpectedSchool } from './schema.ts';

const HEADER: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': ['学校代码', '学校名称', '学校类型', '所属区县', '在校生数', '学年'],
  en: ['School code', 'School name', 'Type', 'District', 'Enrolment', 'School year'],
};

/** The schools that have not reported a year: a table for CSV or Excel, to send reminders from. */
export function reminderTable(missing: readonly ExpectedSchool[], schoolYear: string, locale: Locale): ExportTable {
  return {
    name: locale === 'zh-CN' ? `未报送学校 ${schoolYear}` : `Not reported ${schoolYear}`,
    header: HEADER[locale],
    rows: missing.map((school) => [school.code, school.name, SCHOOL_TYPE_LABELS[school.type][locale], school.district, school.enrolment ?? '', schoolYear]),
  };
}
