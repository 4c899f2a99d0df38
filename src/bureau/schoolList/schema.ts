import { z } from 'zod';
import type { LocalizedText } from '../../../scoring/index.ts';
import { ZCode } from '../../../scoring/aggregate/schema.ts';

/** School types as Chinese education statistics name them; each type says which grades (and track) it teaches. */
export const SCHOOL_TYPES = ['primary', 'junior', 'senior', 'vocational', 'nineYear', 'complete', 'twelveYear', 'special'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SCHOOL_TYPE_LABELS: Readonly<Record<SchoolType, LocalizedText>> = {
  primary: { 'zh-CN': '小学', en: 'primary' },
  junior: { 'zh-CN': '初中', en: 'junior secondary' },
  senior: { 'zh-CN': '普通高中', en: 'general senior secondary' },
  vocational: { 'zh-CN': '中职', en: 'vocational secondary' },
  nineYear: { 'zh-CN': '九年一贯制', en: 'nine-year school' },
  complete: { 'zh-CN': '完全中学', en: 'complete secondary' },
  twelveYear: { 'zh-CN': '十二年一贯制', en: 'twelve-year school' },
  special: { 'zh-CN': '特殊教育', en: 'special education' },
};

/** Senior grades come in two tracks; a school's type says which (a list names no school twice). */
export type Track = 'general' | 'vocational';
const SENIOR_TYPES: ReadonlySet<SchoolType> = new Set(['senior', 'complete', 'twelveYear']);
export const trackOf = (type: SchoolType): Track | undefined => (type === 'vocational' ? 'vocational' : SENIOR_TYPES.has(type) ? 'general' : undefined);

/** What a school list's cell may say for each type, normalized (no spaces, lower case). */
export const TYPE_NAMES: Readonly<Record<SchoolType, readonly string[]>> = {
  primary: ['小学', '完全小学', '中心小学', 'primary', 'primaryschool'],
  junior: ['初中', '初级中学', '独立初中', 'junior', 'juniorsecondary', 'middleschool'],
  senior: ['高中', '普通高中', '高级中学', '独立高中', 'senior', 'seniorsecondary', 'highschool'],
  vocational: ['中职', '中等职业学校', '职业高中', '职高', '中专', '技工学校', 'vocational', 'vocationalsecondary'],
  nineYear: ['九年一贯', '九年一贯制', '九年一贯制学校', 'nineyear', 'nineyearschool'],
  complete: ['完全中学', '完中', 'complete', 'completesecondary'],
  twelveYear: ['十二年一贯', '十二年一贯制', '十二年一贯制学校', 'twelveyear', 'twelveyearschool'],
  special: ['特殊教育', '特殊教育学校', '特教', 'special', 'specialeducation'],
};

export const ZExpectedSchool = z.strictObject({
  code: ZCode,
  name: z.string().trim().min(1).max(200),
  type: z.enum(SCHOOL_TYPES),
  district: z.string().trim().min(1).max(200),
  /** Students the school should screen; absent when the list does not say. */
  enrolment: z.number().int().min(0).max(1_000_000).optional(),
});
export type ExpectedSchool = z.infer<typeof ZExpectedSchool>;

export const ZSchoolList = z.strictObject({
  format: z.literal('psyscreen-school-list'),
  version: z.literal(1),
  /** The file it was read from, and when (shown above the dashboard). */
  source: z.string().max(300),
  imported: z.string().max(40),
  schools: z.array(ZExpectedSchool).max(100_000),
}).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.schools.forEach((school, index) => {
    if (seen.has(school.code)) ctx.addIssue({ code: 'custom', path: ['schools', index, 'code'], message: 'duplicate_school' });
    seen.add(school.code);
  });
});
export type SchoolList = z.infer<typeof ZSchoolList>;
