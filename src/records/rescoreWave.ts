import { canonicalJson, compileBattery, fail, instrumentByRef, issue, succeed, type Instrument, type NormTable, type Outcome, type Respondent, type ScoringEngine, type TierPolicy } from '../../scoring/index.ts';
import { storedResult } from './batteryResult.ts';
import { ORIGINAL_RESULT, type Wave } from './studentRecord.ts';
import { ZTimestamp } from './schemaParts.ts';

const isTableList = (norms: NormTable | readonly NormTable[]): norms is readonly NormTable[] => Array.isArray(norms);

export interface RescoreLabel {
  /** Shown next to the result, e.g. "2027 本地常模". Must differ from every earlier label of the wave. */
  readonly label: string;
  /** ISO timestamp from the caller's clock. */
  readonly at: string;
}

/**
 * Scores a wave's raw answers again, with the exact instrument versions it pinned and a newer norm
 * table (or policy), and adds the result under its label. The original result stays first and
 * unchanged. Running the same re-scoring again changes nothing. Callers re-scoring many waves with the
 * same norms and policy pass one `engines` map, so each battery is compiled once, not once per wave.
 */
export function rescoreWave(wave: Wave, instruments: readonly Instrument[], norms: NormTable | readonly NormTable[], policy: TierPolicy, label: RescoreLabel, engines?: Map<string, ScoringEngine>): Outcome<Wave> {
  const original = wave.results[0];
  if (wave.status === 'declined' || !original) return fail([issue('rescore_declined_wave', ['status'], { wave: wave.id })]);
  if (!ZTimestamp.safeParse(label.at).success) throw new RangeError(`rescoreWave: ${JSON.stringify(label.at)} is not an ISO timestamp`);
  if (label.label.trim() === '') return fail([issue('rescore_label_missing', ['label'])]);
  if (label.label === ORIGINAL_RESULT) return fail([issue('rescore_label_taken', ['label'], { label: label.label })]);
  const batteryKey = wave.instruments.join('|');
  let engine = engines?.get(batteryKey);
  if (!engine) {
    const battery: Instrument[] = [];
    for (const [index, ref] of wave.instruments.entries()) {
      const definition = instrumentByRef({ instruments }, ref);
      if (!definition) return fail([issue('rescore_instrument_missing', ['instruments', index], { ref })]);
      battery.push(definition);
    }
    engine = compileBattery({ instruments: battery, norms: isTableList(norms) ? norms : [norms], policy });
    engines?.set(batteryKey, engine);
  }
  const { id, grade, sex, track } = original.result.respondent;
  const respondent: Respondent = track === undefined ? { id, grade, sex } : { id, grade, sex, track };
  const scored = engine.score({ respondent, answers: wave.answers, seconds: wave.seconds });
  if (!scored.ok) return scored;
  const result = storedResult(scored.value);
  const earlier = wave.results.find((candidate) => candidate.label === label.label);
  if (earlier) {
    return canonicalJson(earlier.result) === canonicalJson(result) ? succeed(wave) : fail([issue('rescore_label_taken', ['label'], { label: label.label })]);
  }
  return succeed({ ...wave, results: [...wave.results, { label: label.label, at: label.at, result }] });
}
