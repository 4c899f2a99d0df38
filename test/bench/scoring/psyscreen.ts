import { compileBattery, formatIssueWithPath, type BatteryResult, type ResponseInput } from '../../../scoring/index.ts';
import type { Battery } from './battery.ts';
import { COMPARED_TOTALS, type Summary } from './summary.ts';

/** PsyScreen's engine, compiled once; each call scores one response and reads the compared fields. */
export function psyScreenScorer(battery: Battery): (input: ResponseInput) => Summary {
  const engine = compileBattery({ instruments: battery.instruments, norms: [], policy: battery.policy });
  const positions = COMPARED_TOTALS.map((key) => {
    const [instrumentId, scaleId] = key.split('.');
    const instrumentIndex = engine.instruments.findIndex((compiled) => compiled.definition.id === instrumentId);
    const scaleIndex = engine.instruments[instrumentIndex]?.scales.findIndex((scale) => scale.id === scaleId) ?? -1;
    if (scaleIndex < 0) throw new Error(`the battery has no scale ${key}`);
    return { key, instrumentIndex, scaleIndex };
  });
  const summarize = (result: BatteryResult): Summary => {
    const totals: Record<string, number | null> = {};
    for (const { key, instrumentIndex, scaleIndex } of positions) totals[key] = result.instruments[instrumentIndex]?.scales[scaleIndex]?.raw ?? null;
    return { totals, tier: result.tier, urgent: result.flags.urgent, acute: result.flags.acute };
  };
  return (input) => {
    const outcome = engine.score(input);
    if (!outcome.ok) throw new Error(`generated response ${input.respondent.id} was rejected: ${outcome.issues.map((found) => formatIssueWithPath(found, 'en')).join('; ')}`);
    return summarize(outcome.value);
  };
}
