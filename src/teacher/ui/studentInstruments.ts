import { parseRef, refOf, type Condition, type CriticalItem, type Instrument } from '../../../scoring/index.ts';
import { bundledCatalog } from '../../library/bundled.ts';

/**
 * Instrument definitions for a wave's pinned refs (`id@version#sha256`). Only the exact version a
 * student answered explains their answers; a definition with another hash is not used.
 */
let byRef: ReadonlyMap<string, Instrument> | undefined;

export function instrumentOfRef(ref: string): Instrument | undefined {
  // Hashing every definition takes a few milliseconds; do it once, on the first student page opened.
  byRef ??= new Map(bundledCatalog.instruments.map((def) => [refOf(def), def]));
  return byRef.get(ref);
}

/** "phq9@1.0.0" for a ref the library does not hold. */
export const shortRef = (ref: string): string => {
  const parsed = parseRef(ref);
  return parsed ? `${parsed.id}@${parsed.version}` : ref;
};

/** Item ids follow `<instrument id without hyphens>_`, so a wave's answers can be split by instrument even without the definition. */
export const itemPrefixOf = (ref: string): string => `${(parseRef(ref)?.id ?? ref).replaceAll('-', '')}_`;

function itemsRead(condition: Condition): string[] {
  if ('any' in condition) return condition.any.flatMap(itemsRead);
  if ('all' in condition) return condition.all.flatMap(itemsRead);
  return [condition.item];
}

/** The critical-item rules that read each item (an item can feed more than one rule). */
export function criticalRulesByItem(def: Instrument): Map<string, CriticalItem[]> {
  const rules = new Map<string, CriticalItem[]>();
  for (const rule of def.critical ?? []) {
    for (const item of new Set(itemsRead(rule.when))) rules.set(item, [...(rules.get(item) ?? []), rule]);
  }
  return rules;
}
