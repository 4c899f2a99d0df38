import {
  DEFAULT_BANDS, buildPlan, fail, findInstrument, issue, latestInstruments, normsFor, parsePlan, checkPlanVectors, vectorsFor, refOf, shortRefOf, succeed,
  type BandChoice, type Catalog, type Instrument, type Issue, type LocalizedText, type NormTable, type Outcome, type Plan,
} from '../../../scoring/index.ts';
import { DEFAULT_CONSENT, DEFAULT_TEXTS, buildKioskPlan } from '../../kiosk/buildKioskPlan.ts';
import type { RosterSealer } from '../../kiosk/rosterEntry.ts';
import { ZKioskPlan, type KioskPlan } from '../../kiosk/kioskPlan.ts';
import type { StudentRecord } from '../../records/index.ts';
import { assignCodes } from '../roster/index.ts';
import { generateSessionCode } from '../../kiosk/signInCode.ts';
import type { ScryptCost } from '../../crypto/index.ts';

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
  /**
   * Per grade band (by DEFAULT_BANDS id): the instruments, norm tables and tier policy chosen.
   * Without it, every band gets the default battery, the library's norm tables and the default policy.
   */
  readonly bands?: Readonly<Record<string, BandSetup>>;
  /** The students' words: consent per band and the thank-you and help texts; defaults where left out. */
  readonly texts?: PlanTexts;
}

export interface PlanTexts {
  readonly consent?: Readonly<Record<string, LocalizedText>>;
  readonly thankYou?: LocalizedText;
  readonly help?: LocalizedText;
}

/** The texts the kiosk shows for these bands: the teacher's where given (and not blank), else the defaults. */
export function planTexts(bandIds: readonly string[], texts: PlanTexts = {}): { consent: Record<string, LocalizedText>; thankYou: LocalizedText; help: LocalizedText } {
  const given = (text: LocalizedText | undefined): text is LocalizedText => text !== undefined && text['zh-CN'].trim() !== '';
  const consent = Object.fromEntries(bandIds.map((id) => {
    const chosen = texts.consent?.[id];
    return [id, given(chosen) ? chosen : DEFAULT_CONSENT[id] ?? DEFAULT_CONSENT.junior ?? DEFAULT_TEXTS.help];
  }));
  return { consent, thankYou: given(texts.thankYou) ? texts.thankYou : DEFAULT_TEXTS.thankYou, help: given(texts.help) ? texts.help : DEFAULT_TEXTS.help };
}

/** Where the workspace keeps a plan's lab-session code (encrypted, like the sign-in codes); the plan file never holds it. */
export const sessionCodeSecret = (plan: string): string => `session-code:${plan}`;

export interface BuiltScreeningPlan {
  readonly kioskPlan: KioskPlan;
  /** Student number → sign-in code, including codes kept from earlier plans. */
  readonly codes: ReadonlyMap<string, string>;
  /** Sign-in lookup (code or details) → student number: how a lab machine's drafts name students here. */
  readonly lookups: Readonly<Record<string, string>>;
  readonly students: number;
  /** With details sign-in: the lab-session code the teacher writes on the board (it is not in the plan file). */
  readonly sessionCode?: string;
}

/** What the teacher chose for one grade band; anything left out is the default. */
export interface BandSetup {
  /** Instrument ids (the library's newest published version is pinned); ASQ is always given last. */
  readonly instruments?: readonly string[];
  /** Norm tables, `id@version`; for a student's group the first table listed that has one is used. */
  readonly norms?: readonly string[];
  /** The tier policy, `id@version`. */
  readonly policy?: string;
}

export const DEFAULT_POLICY = { id: 'default', version: '1.0.0' } as const;
const SELF_HARM_SCREEN = 'asq';

/** The default bands that hold at least one of the grades. */
export const bandsForGrades = (grades: readonly number[]): BandChoice[] => DEFAULT_BANDS.filter((band) => band.grades.some((grade) => grades.includes(grade)));

/** An instrument fits a band when every grade of the band is in the instrument's grade range. */
export const fitsBand = (def: Instrument, band: Pick<BandChoice, 'grades'>): boolean => band.grades.every((grade) => grade >= def.grades.min && grade <= def.grades.max);

/** The instruments a band may give: newest versions whose grade range fits; the band's defaults first. */
export function instrumentsForBand(catalog: Catalog, band: BandChoice): Instrument[] {
  const fitting = latestInstruments(catalog).filter((def) => fitsBand(def, band));
  const rank = (def: Instrument) => { const index = band.instruments.indexOf(def.id); return index < 0 ? band.instruments.length : index; };
  return fitting.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/** The battery in the order it is given: as chosen, with the self-harm screen moved last so it never primes the others. */
export const batteryOrder = (ids: readonly string[]): string[] => [...ids.filter((id) => id !== SELF_HARM_SCREEN), ...ids.filter((id) => id === SELF_HARM_SCREEN)];

/** Today's choice for a band: its default battery, the norm tables `shipped` has for it, the default policy. */
export function defaultSetup(shipped: Catalog, band: BandChoice): Required<BandSetup> {
  const defs = band.instruments.flatMap((id) => findInstrument(shipped, id) ?? []);
  return { instruments: [...band.instruments], norms: defs.flatMap((def) => normsFor(shipped, def)).map(shortRefOf), policy: shortRefOf(DEFAULT_POLICY) };
}

/**
 * The instruments a plan would give whose zh-CN wording nobody has checked against the publisher's
 * (`wordingVerified: false`), each once, in battery order: the teacher is told before it goes to a lab.
 */
export function unverifiedInPlan(catalog: Catalog, bands: readonly BandChoice[], setups: Readonly<Record<string, BandSetup>>): Instrument[] {
  const found = new Map<string, Instrument>();
  for (const band of bands) {
    for (const id of batteryOrder(setups[band.id]?.instruments ?? band.instruments)) {
      const def = findInstrument(catalog, id);
      if (def && !def.wordingVerified) found.set(shortRefOf(def), def);
    }
  }
  return [...found.values()];
}

const gradeSpan = (band: BandChoice): string => `${Math.min(...band.grades)}–${Math.max(...band.grades)}`;

interface PlanHeader {
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  readonly schoolYear: string;
  readonly window: { readonly opens: string; readonly closes: string };
}

/**
 * A self-contained plan from per-band choices: every instrument, norm table and policy a band uses is
 * embedded and pinned, then the whole plan is checked by scoring's schema (a policy naming a scale the
 * battery lacks, norms for an instrument not given, …) with the path of each problem.
 */
export function assemblePlan(catalog: Catalog, header: PlanHeader, bands: readonly BandChoice[], setups: Readonly<Record<string, BandSetup>>): Outcome<Plan> {
  const issues: Issue[] = [];
  const instruments = new Map<string, Instrument>();
  const norms = new Map<string, NormTable>();
  const policies = new Map<string, Plan['policies'][number]>();
  const gradeBands: Plan['gradeBands'][number][] = [];
  for (const band of bands) {
    const setup = setups[band.id] ?? {};
    const path = ['bands', band.id];
    const ids = batteryOrder(setup.instruments ?? band.instruments);
    if (ids.length === 0) issues.push(issue('plan_band_no_instruments', [...path, 'instruments'], { grades: gradeSpan(band) }));
    const defs: Instrument[] = [];
    ids.forEach((id, index) => {
      const def = findInstrument(catalog, id);
      if (!def) issues.push(issue('plan_library_missing', [...path, 'instruments', index], { missing: id }));
      else if (!fitsBand(def, band)) issues.push(issue('plan_instrument_grades', [...path, 'instruments', index], { instrument: def.abbreviation, grades: gradeSpan(band), min: def.grades.min, max: def.grades.max }));
      else defs.push(def);
    });
    const tables = (setup.norms ?? defs.flatMap((def) => normsFor(catalog, def)).map(shortRefOf)).flatMap((ref, index) => {
      const table = catalog.norms.find((candidate) => shortRefOf(candidate) === ref);
      if (!table) issues.push(issue('plan_library_missing', [...path, 'norms', index], { missing: ref }));
      return table ?? [];
    });
    const policyRef = setup.policy ?? shortRefOf(DEFAULT_POLICY);
    const policy = catalog.policies.find((candidate) => shortRefOf(candidate) === policyRef);
    if (!policy) issues.push(issue('plan_library_missing', [...path, 'policy'], { missing: policyRef }));
    for (const def of defs) instruments.set(shortRefOf(def), def);
    for (const table of tables) norms.set(shortRefOf(table), table);
    if (policy) policies.set(shortRefOf(policy), policy);
    gradeBands.push({
      id: band.id, name: band.name, grades: [...band.grades], ...(band.track ? { track: band.track } : {}),
      instruments: defs.map(refOf), norms: tables.map(shortRefOf), policy: policyRef,
    });
  }
  if (issues.length > 0) return fail(issues);
  const vectors = [...instruments.values()].flatMap((def) => vectorsFor(catalog, def) ?? []);
  const plan = parsePlan({
    kind: 'plan', id: header.id, version: header.version, name: header.name, schoolYear: header.schoolYear, window: header.window,
    gradeBands, instruments: [...instruments.values()], norms: [...norms.values()], policies: [...policies.values()],
    ...(vectors.length > 0 ? { vectors } : {}),
  });
  if (!plan.ok) return plan;
  // A lab machine refuses a plan whose vectors fail; the teacher hears it here first.
  const checked = checkPlanVectors(plan.value);
  return checked.issues.length > 0 ? fail(checked.issues) : plan;
}

const SLUG = /^[a-z][a-z0-9-]{1,40}$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** New plans' kiosk PIN: 6 to 12 digits (a 4-digit PIN fell to an offline search in minutes). */
export const MIN_PIN_DIGITS = 6;

export function checkPlanRequest(request: ScreeningPlanRequest): Issue[] {
  const issues: Issue[] = [];
  if (!SLUG.test(request.id)) issues.push(issue('plan_id_invalid', ['id']));
  if (!VERSION.test(request.version)) issues.push(issue('plan_version_invalid', ['version']));
  if (!request.name['zh-CN'].trim()) issues.push(issue('plan_name_missing', ['name']));
  if (!DATE.test(request.opens) || !DATE.test(request.closes) || request.closes < request.opens) issues.push(issue('plan_window_invalid', ['closes']));
  if (!new RegExp(`^\\d{${MIN_PIN_DIGITS},12}$`).test(request.pin)) issues.push(issue('plan_pin_invalid', ['pin'], { minimum: MIN_PIN_DIGITS }));
  if (request.grades.length === 0) issues.push(issue('plan_no_grades', ['grades']));
  return issues;
}

export interface PlanDependencies {
  readonly catalog: Catalog;
  readonly recipient: { readonly keyId: string; readonly name: string; readonly publicKey: string };
  readonly randomBytes: (length: number) => Uint8Array<ArrayBuffer>;
  readonly existingCodes: ReadonlyMap<string, string>;
  readonly kdfIterations?: number;
  /** Tests only: a cheaper scrypt for details entries. */
  readonly detailsCost?: ScryptCost;
  /** Told after each student's codes are sealed: a large roster takes minutes. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Where the per-student derivations run (the page passes one that uses every core). */
  readonly sealRoster?: RosterSealer;
}

/**
 * The kiosk plan file for lab machines: per grade band the battery, norm tables and tier policy chosen
 * (the defaults when `request.bands` is absent), the school's public key (machines can seal, never
 * open), and the roster sealed per sign-in code.
 */
export async function buildScreeningPlan(records: readonly StudentRecord[], request: ScreeningPlanRequest, deps: PlanDependencies): Promise<Outcome<BuiltScreeningPlan>> {
  const problems = checkPlanRequest(request);
  if (problems.length > 0) return fail(problems);
  const grades = new Set(request.grades);
  const students = records.filter((record) => grades.has(record.identity.grade));
  if (students.length === 0) return fail([issue('plan_no_students', ['grades'])]);
  const bands = bandsForGrades(request.grades);
  const header = { id: request.id, version: request.version, name: request.name, schoolYear: request.schoolYear, window: { opens: request.opens, closes: request.closes } };
  let plan: Plan;
  if (request.bands === undefined) {
    const built = buildPlan(deps.catalog, { ...header, bands, policy: DEFAULT_POLICY });
    if (!('plan' in built)) return fail([issue('plan_library_missing', [], { missing: built.missing })]);
    plan = built.plan;
  } else {
    const assembled = assemblePlan(deps.catalog, header, bands, request.bands);
    if (!assembled.ok) return assembled;
    plan = assembled.value;
  }
  const withCodes = assignCodes(students.map((record) => ({ studentNumber: record.identity.studentNumber, record })), deps.randomBytes, deps.existingCodes);
  const lookups: Record<string, string> = {};
  const sessionCode = request.signInByDetails ? generateSessionCode(deps.randomBytes) : undefined;
  const kioskPlan = await buildKioskPlan({
    ...(sessionCode === undefined ? {} : { sessionCode }), ...(deps.detailsCost ? { detailsCost: deps.detailsCost } : {}),
    onLookup: (studentNumber, lookup) => { lookups[lookup] = studentNumber; },
    plan, pin: request.pin, layout: request.layout, recipient: deps.recipient, texts: planTexts(bands.map((band) => band.id), request.texts), returnAfterSeconds: 8,
    signInByDetails: request.signInByDetails, randomBytes: deps.randomBytes, ...(deps.kdfIterations ? { kdfIterations: deps.kdfIterations } : {}),
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    ...(deps.sealRoster ? { sealRoster: deps.sealRoster } : {}),
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
  return succeed({ kioskPlan, codes, lookups, students: students.length, ...(sessionCode === undefined ? {} : { sessionCode }) });
}
