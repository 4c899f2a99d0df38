import type { LocalizedText } from '../locale.ts';
import type { Catalog } from './catalog.ts';
import { findInstrument, normsFor, vectorsFor } from './catalog.ts';
import { refOf, shortRefOf } from './ref.ts';
import type { Plan } from '../schema/plan.ts';

export interface BandChoice {
  readonly id: string;
  readonly name: LocalizedText;
  readonly grades: readonly number[];
  readonly track?: 'general' | 'vocational';
  /** Instrument ids in the order students answer them; the library's newest version is pinned. */
  readonly instruments: readonly string[];
}

/**
 * The default battery. Upper primary answers K10 + ASQ; junior, senior and vocational students answer
 * PHQ-9 + GAD-7 + ASQ. The self-harm screen (ASQ) comes last so that it never primes the symptom scales.
 */
export const DEFAULT_BANDS: readonly BandChoice[] = [
  { id: 'upper-primary', name: { 'zh-CN': '小学高年级（4–6 年级）', en: 'Upper primary (grades 4–6)' }, grades: [4, 5, 6], instruments: ['k10', 'asq'] },
  { id: 'junior', name: { 'zh-CN': '初中（7–9 年级）', en: 'Junior secondary (grades 7–9)' }, grades: [7, 8, 9], instruments: ['phq9', 'gad7', 'asq'] },
  { id: 'senior', name: { 'zh-CN': '高中（10–12 年级）', en: 'Senior secondary (grades 10–12)' }, grades: [10, 11, 12], instruments: ['phq9', 'gad7', 'asq'] },
  { id: 'vocational', name: { 'zh-CN': '中职（1–3 年级）', en: 'Secondary vocational (years 1–3)' }, grades: [10, 11, 12], track: 'vocational', instruments: ['phq9', 'gad7', 'asq'] },
];

export interface PlanRequest {
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  readonly schoolYear: string;
  readonly window: { readonly opens: string; readonly closes: string };
  readonly bands: readonly BandChoice[];
  readonly policy: { readonly id: string; readonly version: string };
}

/**
 * A self-contained plan from the library: every instrument, norm table and policy a band uses is
 * embedded and pinned by hash, so a lab machine needs nothing else. Returns undefined for an
 * instrument or policy the library lacks (the caller names it to the user).
 */
export function buildPlan(catalog: Catalog, request: PlanRequest): { plan: Plan } | { missing: string } {
  const policy = catalog.policies.find((p) => p.id === request.policy.id && p.version === request.policy.version);
  if (!policy) return { missing: shortRefOf(request.policy) };
  const instruments = new Map<string, Plan['instruments'][number]>();
  const norms = new Map<string, Plan['norms'][number]>();
  const gradeBands: Plan['gradeBands'][number][] = [];
  for (const band of request.bands) {
    const defs = [];
    for (const id of band.instruments) {
      const def = findInstrument(catalog, id);
      if (!def) return { missing: id };
      defs.push(def);
      instruments.set(shortRefOf(def), def);
    }
    const bandNorms = defs.flatMap((def) => normsFor(catalog, def));
    for (const table of bandNorms) norms.set(shortRefOf(table), table);
    gradeBands.push({
      id: band.id, name: band.name, grades: [...band.grades], ...(band.track ? { track: band.track } : {}),
      instruments: defs.map(refOf), norms: bandNorms.map(shortRefOf), policy: shortRefOf(policy),
    });
  }
  const vectors = [...instruments.values()].flatMap((def) => vectorsFor(catalog, def) ?? []);
  return {
    plan: {
      kind: 'plan', id: request.id, version: request.version, name: request.name, schoolYear: request.schoolYear,
      window: request.window, gradeBands, instruments: [...instruments.values()], norms: [...norms.values()], policies: [policy],
      ...(vectors.length > 0 ? { vectors } : {}),
    },
  };
}
