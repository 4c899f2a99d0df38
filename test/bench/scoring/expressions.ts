import { scoredValues, type Condition, type CriticalItem, type Instrument, type Item, type Option, type Scale } from '../../../scoring/index.ts';
import type { Battery } from './battery.ts';
import { COMPARED_TOTALS } from './summary.ts';

/**
 * The battery's scoring written as SurveyJS expressions, built from the same instrument definitions
 * and policy PsyScreen compiles. Each expression may read the values named before it, as SurveyJS
 * calculated values do. Only what the comparison needs is translated: the compared scales and those
 * the policy's rules read (sum/mean with prorating), raw-score tier rules and critical items; a rule
 * on another measure throws rather than being skipped.
 */
export interface NamedExpression {
  readonly name: string;
  readonly expression: string;
}

export interface ScoringExpressions {
  readonly expressions: readonly NamedExpression[];
  /** Name of the value holding each compared total (`phq9.total` → `score_phq9_total`). */
  readonly totals: Readonly<Record<string, string>>;
}

export const OUTPUT = { tier: 'tier', urgent: 'urgent', acute: 'acute' } as const;

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9_]/g, '_');
const ref = (itemId: string): string => `{${itemId}}`;
const scoreName = (instrumentId: string, scaleId: string): string => `score_${safeName(instrumentId)}_${safeName(scaleId)}`;

function optionsOf(instrument: Instrument, item: Item): readonly Option[] {
  return instrument.optionSets[item.options] ?? [];
}

function itemOf(instrument: Instrument, itemId: string): Item {
  const item = instrument.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new Error(`${instrument.id}: unknown item ${itemId}`);
  return item;
}

/** PsyScreen's condition semantics: an unanswered item satisfies nothing, not even `ne`. */
export function conditionExpression(condition: Condition): string {
  if ('any' in condition) return `(${condition.any.map(conditionExpression).join(' or ')})`;
  if ('all' in condition) return `(${condition.all.map(conditionExpression).join(' and ')})`;
  const answered = `${ref(condition.item)} notempty`;
  switch (condition.op) {
    case 'eq': return `(${answered} and ${ref(condition.item)} = ${condition.value})`;
    case 'ne': return `(${answered} and ${ref(condition.item)} <> ${condition.value})`;
    case 'gte': return `(${answered} and ${ref(condition.item)} >= ${condition.value})`;
    case 'lte': return `(${answered} and ${ref(condition.item)} <= ${condition.value})`;
    case 'in': return `(${answered} and (${condition.values.map((value) => `${ref(condition.item)} = ${value}`).join(' or ')}))`;
  }
}

function conditionItemIds(condition: Condition): string[] {
  if ('any' in condition) return condition.any.flatMap(conditionItemIds);
  if ('all' in condition) return condition.all.flatMap(conditionItemIds);
  return [condition.item];
}

const refusalValues = (options: readonly Option[]): number[] => options.filter((option) => option.refusal === true).map((option) => option.value);

/** The item's scored value (reverse keyed where marked), or undefined when unanswered or refused. */
function scoredTerm(instrument: Instrument, itemId: string): string {
  const item = itemOf(instrument, itemId);
  const options = optionsOf(instrument, item);
  const refusals = refusalValues(options);
  if (refusals.length === 0 && item.reverse !== true) return ref(itemId);
  const values = scoredValues(options);
  const value = item.reverse === true ? `${Math.min(...values) + Math.max(...values)} - ${ref(itemId)}` : ref(itemId);
  const scored = [`${ref(itemId)} notempty`, ...refusals.map((refusal) => `${ref(itemId)} <> ${refusal}`)].join(' and ');
  return `iif(${scored}, ${value})`;
}

/** sum() and count() skip undefined, so unanswered and refused items drop out of both. */
function scaleExpressions(instrument: Instrument, scale: Scale): NamedExpression[] {
  const name = scoreName(instrument.id, scale.id);
  const terms = scale.items.map((itemId) => scoredTerm(instrument, itemId)).join(', ');
  const length = scale.items.length;
  const allowedMissing = scale.missing.rule === 'prorate' ? scale.missing.maxMissing : 0;
  const answered = `{${name}_answered}`;
  const sum = `{${name}_sum}`;
  const raw = scale.method === 'mean' ? `${sum} / ${answered}` : `iif(${answered} = ${length}, ${sum}, round(${sum} / ${answered} * ${length}))`;
  const scaled = scale.multiplier === undefined ? raw : `(${raw}) * ${scale.multiplier}`;
  return [
    { name: `${name}_answered`, expression: `count(${terms})` },
    { name: `${name}_sum`, expression: `sum(${terms})` },
    { name, expression: `iif(${answered} > 0 and ${answered} >= ${length - allowedMissing}, ${scaled})` },
  ];
}

/** The rule fires on the answer, or (if the rule says so) on an asked item left unanswered or refused. */
function criticalExpression(instrument: Instrument, rule: CriticalItem): NamedExpression {
  const parts = [conditionExpression(rule.when)];
  if (rule.positiveIfUnanswered) {
    for (const itemId of conditionItemIds(rule.when)) {
      const item = itemOf(instrument, itemId);
      const unanswered = [`${ref(itemId)} empty`, ...refusalValues(optionsOf(instrument, item)).map((value) => `${ref(itemId)} = ${value}`)].join(' or ');
      parts.push(item.showIf ? `((${unanswered}) and ${conditionExpression(item.showIf)})` : `(${unanswered})`);
    }
  }
  return { name: `critical_${safeName(instrument.id)}_${safeName(rule.id)}`, expression: parts.join(' or ') };
}

const anyOf = (names: readonly string[]): string => (names.length === 0 ? 'false' : names.map((name) => `{${name}}`).join(' or '));

export function buildScoringExpressions(battery: Battery): ScoringExpressions {
  const expressions: NamedExpression[] = [];
  const needed = new Set<string>([...COMPARED_TOTALS, ...battery.policy.rules.map((rule) => `${rule.instrument}.${rule.scale}`)]);
  for (const instrument of battery.instruments) {
    for (const scale of instrument.scales) if (needed.has(`${instrument.id}.${scale.id}`)) expressions.push(...scaleExpressions(instrument, scale));
  }

  const urgentNames: string[] = [];
  const acuteNames: string[] = [];
  for (const instrument of battery.instruments) {
    for (const rule of instrument.critical ?? []) {
      const critical = criticalExpression(instrument, rule);
      expressions.push(critical);
      urgentNames.push(critical.name);
      if (rule.flag === 'acute') acuteNames.push(critical.name);
    }
  }
  // Any critical hit, whatever its flag, makes the result urgent (and high), as BatteryResult.flags does.
  expressions.push({ name: OUTPUT.urgent, expression: anyOf(urgentNames) }, { name: OUTPUT.acute, expression: anyOf(acuteNames) });

  const ruleTests = { medium: [] as string[], high: [] as string[] };
  for (const rule of battery.policy.rules) {
    const instrument = battery.instruments.find((candidate) => candidate.id === rule.instrument);
    if (!instrument?.scales.some((scale) => scale.id === rule.scale)) continue; // not in this battery, as bindPolicy drops it
    if (rule.measure !== 'raw') throw new Error(`policy rule ${rule.id}: measure '${rule.measure}' is not translated (the bench passes no norms)`);
    const score = `{${scoreName(rule.instrument, rule.scale)}}`;
    const bounds = [`${score} notempty`, ...(rule.gte === undefined ? [] : [`${score} >= ${rule.gte}`]), ...(rule.lt === undefined ? [] : [`${score} < ${rule.lt}`])];
    ruleTests[rule.tier].push(`(${bounds.join(' and ')})`);
  }
  const high = [`{${OUTPUT.urgent}}`, ...ruleTests.high].join(' or ');
  const medium = ruleTests.medium.length === 0 ? 'false' : ruleTests.medium.join(' or ');
  expressions.push({ name: OUTPUT.tier, expression: `iif(${high}, 'high', iif(${medium}, 'medium', 'low'))` });

  const totals = Object.fromEntries(COMPARED_TOTALS.map((key) => {
    const [instrumentId = '', scaleId = ''] = key.split('.');
    const name = scoreName(instrumentId, scaleId);
    if (!expressions.some((expression) => expression.name === name)) throw new Error(`the battery has no scale ${key}`);
    return [key, name];
  }));
  return { expressions, totals };
}
