import type { ResponseInput } from '../../../scoring/index.ts';
import type { Battery } from './battery.ts';
import { COMPARED_TOTALS, type Summary } from './summary.ts';

/** How often each outcome occurs, so a reader can see the comparison covers every tier and flag. */
export interface OutcomeMix {
  readonly counts: ReadonlyMap<string, number>;
  /** Outcomes the check needs and the generated data never produced. */
  readonly absent: readonly string[];
}

const REQUIRED = [
  'tier low', 'tier medium', 'tier high', 'urgent', 'acute', 'answer null', 'answer refused',
  ...COMPARED_TOTALS.flatMap((key) => [`${key} prorated`, `${key} unscorable`]),
];

export function outcomeMix(battery: Battery, responses: readonly ResponseInput[], summaries: readonly Summary[]): OutcomeMix {
  const refusals = new Set(battery.instruments.flatMap((instrument) =>
    Object.values(instrument.optionSets).flat().filter((option) => option.refusal === true).map((option) => option.value)));
  const scaleItems = new Map(COMPARED_TOTALS.map((key) => {
    const [instrumentId, scaleId] = key.split('.');
    const scale = battery.instruments.find((instrument) => instrument.id === instrumentId)?.scales.find((candidate) => candidate.id === scaleId);
    return [key, scale?.items ?? []];
  }));

  const counts = new Map<string, number>();
  const add = (key: string): void => { counts.set(key, (counts.get(key) ?? 0) + 1); };
  responses.forEach((response, index) => {
    const summary = summaries[index];
    if (!summary) return;
    add(`tier ${summary.tier}`);
    if (summary.urgent) add('urgent');
    if (summary.acute) add('acute');
    for (const key of COMPARED_TOTALS) {
      const missing = (scaleItems.get(key) ?? []).some((id) => typeof response.answers[id] !== 'number');
      if (summary.totals[key] === null) add(`${key} unscorable`);
      else if (missing) add(`${key} prorated`);
    }
    const values = Object.values(response.answers);
    if (values.includes(null)) add('answer null');
    if (values.some((value) => typeof value === 'number' && refusals.has(value))) add('answer refused');
  });
  return { counts, absent: REQUIRED.filter((key) => !counts.has(key)) };
}
