import {
  fail, issue, parseTierPolicy,
  type Catalog, type Issue, type LocalizedText, type Outcome, type TierPolicy, type TierRule,
} from '../../../scoring/index.ts';

/**
 * A tier policy as a form: every number is the text the teacher typed, so a half-typed value is
 * kept on screen. `policyOfForm` turns it back into a policy, checked by scoring's schema.
 */

export type RuleMeasure = TierRule['measure'];

export interface RuleRow {
  /** Stable across edits (React key); not part of the policy. */
  readonly key: string;
  /** The rule id; empty for a new rule, which gets one from its instrument, scale and tier. */
  readonly id: string;
  readonly instrument: string;
  readonly scale: string;
  readonly measure: RuleMeasure;
  readonly gte: string;
  readonly lt: string;
  /** Band ids, comma separated, for measure "band". */
  readonly bands: string;
  readonly tier: 'medium' | 'high';
}

export interface PolicyForm {
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly rules: readonly RuleRow[];
  readonly minSecondsPerItem: string;
  readonly fastItemShare: string;
  readonly longStringMinItems: string;
}

const text = (value: number | undefined): string => (value === undefined ? '' : String(value));

export function rowOfRule(rule: TierRule, key: string): RuleRow {
  const base = { key, id: rule.id, instrument: rule.instrument, scale: rule.scale, tier: rule.tier };
  return rule.measure === 'band'
    ? { ...base, measure: 'band', gte: '', lt: '', bands: rule.bands.join(', ') }
    : { ...base, measure: rule.measure, gte: text(rule.gte), lt: text(rule.lt), bands: '' };
}

export function formOfPolicy(policy: TierPolicy, target: { id: string; version: string; name?: LocalizedText }): PolicyForm {
  return {
    id: target.id, version: target.version, name: target.name ?? policy.name,
    ...(policy.description ? { description: policy.description } : {}),
    rules: policy.rules.map((rule, index) => rowOfRule(rule, `rule-${index}`)),
    minSecondsPerItem: String(policy.validity.minSecondsPerItem),
    fastItemShare: String(policy.validity.fastItemShare),
    longStringMinItems: String(policy.validity.longStringMinItems),
  };
}

/** A new row: the first scale of the instrument, raw score at or above nothing yet. */
export function newRuleRow(catalog: Catalog, instrument: string, key: string): RuleRow {
  const def = catalog.instruments.filter((candidate) => candidate.id === instrument).at(-1);
  return { key, id: '', instrument, scale: def?.scales[0]?.id ?? '', measure: 'raw', gte: '', lt: '', bands: '', tier: 'medium' };
}

function numberOf(value: string, path: (string | number)[], issues: Issue[]): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  if (!Number.isFinite(parsed)) issues.push(issue('policy_number_invalid', path, { value: trimmed }));
  return Number.isFinite(parsed) ? parsed : undefined;
}

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n += 1) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

/** The policy the form describes, or every problem with the JSON path of the field it is about. */
export function policyOfForm(form: PolicyForm): Outcome<TierPolicy> {
  const issues: Issue[] = [];
  const taken = new Set(form.rules.map((row) => row.id).filter((id) => id !== ''));
  const rules = form.rules.map((row, index): unknown => {
    const id = row.id !== '' ? row.id : uniqueId(`${row.instrument}-${row.scale}-${row.tier}`, taken);
    const target = { id, tier: row.tier, instrument: row.instrument, scale: row.scale };
    if (row.measure === 'band') return { ...target, measure: 'band', bands: row.bands.split(/[,，\s]+/).filter((band) => band !== '') };
    const gte = numberOf(row.gte, ['rules', index, 'gte'], issues);
    const lt = numberOf(row.lt, ['rules', index, 'lt'], issues);
    return { ...target, measure: row.measure, ...(gte === undefined ? {} : { gte }), ...(lt === undefined ? {} : { lt }) };
  });
  const validity = {
    minSecondsPerItem: numberOf(form.minSecondsPerItem, ['validity', 'minSecondsPerItem'], issues) ?? Number.NaN,
    fastItemShare: numberOf(form.fastItemShare, ['validity', 'fastItemShare'], issues) ?? Number.NaN,
    longStringMinItems: numberOf(form.longStringMinItems, ['validity', 'longStringMinItems'], issues) ?? Number.NaN,
  };
  if (issues.length > 0) return fail(issues);
  return parseTierPolicy({
    kind: 'policy', id: form.id.trim(), version: form.version.trim(), name: form.name,
    ...(form.description ? { description: form.description } : {}), rules, validity,
  });
}

/** Rules that name an instrument or scale the library does not have (a typo would silently never fire). */
export function unknownTargets(policy: TierPolicy, catalog: Catalog): Issue[] {
  return policy.rules.flatMap((rule, index) => {
    const versions = catalog.instruments.filter((def) => def.id === rule.instrument);
    if (versions.length === 0) return [issue('policy_rule_instrument_unknown', ['rules', index, 'instrument'], { instrument: rule.instrument })];
    const scale = versions.flatMap((def) => def.scales).find((candidate) => candidate.id === rule.scale);
    if (!scale) return [issue('policy_rule_scale_unknown', ['rules', index, 'scale'], { instrument: rule.instrument, scale: rule.scale })];
    if (rule.measure !== 'band') return [];
    return rule.bands.filter((band) => !scale.bands?.some((candidate) => candidate.id === band))
      .map((band) => issue('policy_rule_band_unknown', ['rules', index, 'bands'], { instrument: rule.instrument, scale: rule.scale, band }));
  });
}

const versionParts = (version: string): number[] => version.split('.').map(Number);

/** The next free version of an id: 1.0.0 when new, else the newest taken version with its minor part raised. */
export function nextVersion(id: string, taken: readonly { id: string; version: string }[]): string {
  const versions = taken.filter((entry) => entry.id === id).map((entry) => versionParts(entry.version));
  if (versions.length === 0) return '1.0.0';
  const [major = 1, minor = 0] = versions.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0)).at(-1) ?? [];
  return `${major}.${minor + 1}.0`;
}
