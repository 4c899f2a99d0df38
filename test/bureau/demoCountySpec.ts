import type { AggregateParticipant, Plan } from '../../scoring/index.ts';
import type { ExpectedSchool, SchoolList, SchoolType } from '../../src/bureau/schoolList/schema.ts';
import { participantsOf, seeded } from '../scoring/aggregate/cohort.ts';

/**
 * The fictional county of the bureau demo (scripts/make-demo-county.ts): 42 schools of every type in
 * five towns, screened over three school years. Sizes, who reports and how distressed each school's
 * students answer come from one seeded generator, so the demo is the same on every build.
 */
export const DEMO_COUNTY_YEARS = [2024, 2025, 2026] as const;
export const DEMO_COUNTY = '演示县';
const TOWNS = ['城关镇', '东湖街道', '青山镇', '西岭乡', '南溪镇'] as const;
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八'] as const;

const PLAN: readonly { type: SchoolType; count: number; grades: readonly number[]; suffix: string }[] = [
  { type: 'primary', count: 16, grades: [4, 5, 6], suffix: '小学' },
  { type: 'junior', count: 10, grades: [7, 8, 9], suffix: '中学' },
  { type: 'nineYear', count: 5, grades: [4, 5, 6, 7, 8, 9], suffix: '九年一贯制学校' },
  { type: 'complete', count: 2, grades: [7, 8, 9, 10, 11, 12], suffix: '完全中学' },
  { type: 'senior', count: 5, grades: [10, 11, 12], suffix: '高级中学' },
  { type: 'vocational', count: 4, grades: [10, 11, 12], suffix: '职业技术学校' },
];

export interface DemoSchool {
  readonly school: { readonly code: string; readonly name: string; readonly county: string };
  readonly type: SchoolType;
  readonly town: string;
  readonly grades: readonly number[];
  /** Students per grade and sex (before the yearly drift). */
  readonly perCell: number;
  readonly distress: number;
  readonly seed: number;
}

export interface DemoReport extends DemoSchool {
  readonly sizes: Readonly<Record<string, number>>;
  readonly yearSeed: number;
  readonly yearDistress: number;
}

function schools(): DemoSchool[] {
  const random = seeded(20_261_120);
  const all: DemoSchool[] = [];
  for (const kind of PLAN) {
    for (let i = 0; i < kind.count; i++) {
      const town = TOWNS[Math.floor(random() * TOWNS.length)] ?? TOWNS[0];
      const serial = all.length + 1;
      const small = kind.type === 'primary' && random() < 0.3;
      all.push({
        school: { code: `99${String(serial).padStart(8, '0')}`, name: `${DEMO_COUNTY}${town}${ORDINALS[i % ORDINALS.length] ?? ''}${kind.suffix}`, county: DEMO_COUNTY },
        type: kind.type, town, grades: kind.grades,
        perCell: small ? 6 + Math.floor(random() * 10) : 22 + Math.floor(random() * 50),
        // a few schools whose students answer far more distressed, so the funnel plot has something to flag
        distress: random() < 0.08 ? 1.6 : 0.85 + random() * 0.35,
        seed: serial * 1_000,
      });
    }
  }
  return all;
}

/** The county's list and, per school year, the schools that reported and with whom. */
export function demoCounty(): { list: SchoolList; reports: (first: number) => DemoReport[] } {
  const all = schools();
  const sizesOf = (school: DemoSchool, random: () => number) =>
    Object.fromEntries(school.grades.flatMap((grade) => (['male', 'female'] as const).map((sex) => [`${grade}/${sex}`, Math.max(1, Math.round(school.perCell * (0.85 + random() * 0.3)))])));
  const expected: ExpectedSchool[] = all.map((school) => {
    const latest = sizesOf(school, seeded(school.seed + 2026));
    return { code: school.school.code, name: school.school.name, type: school.type, district: school.town, enrolment: Object.values(latest).reduce((sum, n) => sum + n, 0) };
  });
  const reports = (first: number): DemoReport[] => {
    const skip = seeded(first * 7);
    // a few schools miss each year (more in the newest, still being collected)
    const missing = first === 2026 ? 4 : 2;
    const absent = new Set<number>();
    while (absent.size < missing) absent.add(Math.floor(skip() * all.length));
    return all.filter((_, index) => !absent.has(index)).map((school) => ({
      ...school,
      sizes: sizesOf(school, seeded(school.seed + first)),
      yearSeed: school.seed + first,
      // distress creeps up over the years in the senior schools, so the trends show a change
      yearDistress: school.distress * (school.grades.includes(10) ? 1 + (first - 2024) * 0.06 : 1),
    }));
  };
  return { list: { format: 'psyscreen-school-list', version: 1, source: 'demo-county', imported: '2026-11-20', schools: expected }, reports };
}

/** Schools began recording follow-up in the aggregate (format 2) in this year; earlier files are format 1. */
export const FOLLOW_UP_FROM = 2025;

export function demoParticipants(spec: DemoReport, plan: Plan): AggregateParticipant[] {
  const participants = participantsOf({ code: spec.school.code, seed: spec.yearSeed, sizes: spec.sizes, plan, distress: spec.yearDistress, vocational: spec.type === 'vocational' });
  const first = Number(plan.schoolYear.slice(0, 4));
  if (first < FOLLOW_UP_FROM) return participants;
  // each school follows up with its own diligence, a little better in the later year
  const random = seeded(spec.yearSeed * 31 + 5);
  const diligence = Math.min(0.97, 0.55 + random() * 0.4 + (first - FOLLOW_UP_FROM) * 0.05);
  return participants.map((participant) => {
    const interviewed = random() < diligence;
    return {
      ...participant,
      followUp: { interviewed, within7Days: interviewed && random() < diligence, parentsInformed: random() < diligence * 0.9, referred: random() < 0.2, closed: interviewed && random() < 0.45 },
    };
  });
}
