import { DEFAULT_BANDS, buildPlan, fail, issue, succeed, type Catalog, type Issue, type LocalizedText, type Outcome } from '../../../scoring/index.ts';
import { DEFAULT_CONSENT, DEFAULT_TEXTS, buildKioskPlan } from '../../kiosk/buildKioskPlan.ts';
import { ZKioskPlan, type KioskPlan } from '../../kiosk/kioskPlan.ts';
import type { StudentRecord } from '../../records/index.ts';
import { assignCodes } from '../roster/index.ts';

export interface ScreeningPlanRequest {
  /** Lower-case slug, e.g. "2026-autumn"; the version is 1.0.0 for a first plan. */
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  readonly schoolYear: string;
  readonly opens: string;
  readonly closes: string;
  readonly pin: string;
  readonly layout: 'question' | 'page';
  readonly signInByDetails: boolean;
  /** Only students in these grades are put on the lab machines' roster. */
  readonly grades: readonly number[];
}

export interface BuiltScreeningPlan {
  readonly kioskPlan: KioskPlan;
  /** Student number → sign-in code, including codes kept from earlier plans. */
  readonly codes: ReadonlyMap<string, string>;
  readonly students: number;
}

const SLUG = /^[a-z][a-z0-9-]{1,40}$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkPlanRequest(request: ScreeningPlanRequest): Issue[] {
  const issues: Issue[] = [];
  if (!SLUG.test(request.id)) issues.push(issue('plan_id_invalid', ['id']));
  if (!VERSION.test(request.version)) issues.push(issue('plan_version_invalid', ['version']));
  if (!request.name['zh-CN'].trim()) issues.push(issue('plan_name_missing', ['name']));
  if (!DATE.test(request.opens) || !DATE.test(request.closes) || request.closes < request.opens) issues.push(issue('plan_window_invalid', ['closes']));
  if (!/^\d{4,8}$/.test(request.pin)) issues.push(issue('plan_pin_invalid', ['pin']));
  if (request.grades.length === 0) issues.push(issue('plan_no_grades', ['grades']));
  return issues;
}

export interface PlanDependencies {
  readonly catalog: Catalog;
  readonly recipient: { readonly keyId: string; readonly name: string; readonly publicKey: string };
  readonly randomBytes: (length: number) => Uint8Array<ArrayBuffer>;
  readonly existingCodes: ReadonlyMap<string, string>;
  readonly kdfIterations?: number;
}

/**
 * The kiosk plan file for lab machines: the default battery per grade band from the library, the
 * school's public key (machines can seal, never open), and the roster sealed per sign-in code.
 */
export async function buildScreeningPlan(records: readonly StudentRecord[], request: ScreeningPlanRequest, deps: PlanDependencies): Promise<Outcome<BuiltScreeningPlan>> {
  const problems = checkPlanRequest(request);
  if (problems.length > 0) return fail(problems);
  const grades = new Set(request.grades);
  const students = records.filter((record) => grades.has(record.identity.grade));
  if (students.length === 0) return fail([issue('plan_no_students', ['grades'])]);
  const bands = DEFAULT_BANDS.filter((band) => band.grades.some((grade) => grades.has(grade)));
  const built = buildPlan(deps.catalog, {
    id: request.id, version: request.version, name: request.name, schoolYear: request.schoolYear,
    window: { opens: request.opens, closes: request.closes }, bands, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) return fail([issue('plan_library_missing', [], { missing: built.missing })]);
  const withCodes = assignCodes(students.map((record) => ({ studentNumber: record.identity.studentNumber, record })), deps.randomBytes, deps.existingCodes);
  const consent = Object.fromEntries(bands.map((band) => [band.id, DEFAULT_CONSENT[band.id] ?? DEFAULT_CONSENT.junior ?? DEFAULT_TEXTS.help]));
  const kioskPlan = await buildKioskPlan({
    plan: built.plan, pin: request.pin, layout: request.layout, recipient: deps.recipient, texts: { ...DEFAULT_TEXTS, consent }, returnAfterSeconds: 8,
    signInByDetails: request.signInByDetails, randomBytes: deps.randomBytes, ...(deps.kdfIterations ? { kdfIterations: deps.kdfIterations } : {}),
    roster: withCodes.map(({ code, record }) => ({
      code, birthDate: record.identity.birthDate,
      identity: {
        studentId: record.identity.studentNumber, name: record.identity.name, className: record.identity.className, grade: record.identity.grade, sex: record.identity.sex,
        ...(record.identity.track ? { track: record.identity.track } : {}),
      },
    })),
  });
  const checked = ZKioskPlan.safeParse(kioskPlan);
  if (!checked.success) throw new Error(`buildScreeningPlan made an invalid kiosk plan: ${checked.error.message}`);
  const codes = new Map(deps.existingCodes);
  for (const { code, studentNumber } of withCodes) codes.set(studentNumber, code);
  return succeed({ kioskPlan, codes, students: students.length });
}
