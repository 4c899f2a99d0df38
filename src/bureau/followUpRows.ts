import { FOLLOW_UP_MEASURES, type FollowUpMeasure } from '../../scoring/aggregate/schema.ts';
import { rateOf, type Aggregate, type RateEstimate } from '../../scoring/index.ts';
import type { LoadedFile } from './fileSet.ts';
import { unitRow } from './unitRows.ts';

export interface FollowUpRow {
  readonly measure: FollowUpMeasure;
  /** count / of with its Wilson interval; undefined when no producer published the measure. */
  readonly rate: RateEstimate | undefined;
  /** High-risk students of the producers that sent follow-up, of which `rate.n` published this measure. */
  readonly flagged: number;
  /** Producers that withheld it, by reason. */
  readonly withheld: number;
}

export interface FollowUpView {
  readonly rows: readonly FollowUpRow[];
  /** High-risk students in the published cells of all loaded files (with follow-up or not): what `flagged` covers of. */
  readonly highInCells: number;
}

/** The follow-up rates of a file (a school's or a merged set's), each over the producers that published the measure. */
export function followUpOf(aggregate: Aggregate): FollowUpView | undefined {
  const summary = aggregate.followUp;
  if (!summary) return undefined;
  const highInCells = aggregate.cells.reduce((sum, cell) => sum + cell.tiers.high, 0);
  const rows = FOLLOW_UP_MEASURES.map((measure): FollowUpRow => {
    const published = summary.rates.find((rate) => rate.measure === measure);
    return {
      measure, flagged: summary.flagged,
      rate: published && published.of > 0 ? rateOf(published.count, published.of) : undefined,
      withheld: summary.withheld.filter((entry) => entry.measure === measure || entry.measure === 'flagged').length,
    };
  });
  return { rows, highInCells };
}

/** Per unit (school or lower bureau) the rate of one measure, for the follow-up table. */
export function followUpByUnit(files: readonly LoadedFile[], measure: FollowUpMeasure): { code: string; name: string; rate: RateEstimate | undefined; hasFollowUp: boolean }[] {
  return files.map((file) => {
    const unit = unitRow(file);
    const view = followUpOf(file.aggregate);
    return { code: unit.code, name: unit.name, rate: view?.rows.find((row) => row.measure === measure)?.rate, hasFollowUp: view !== undefined };
  }).sort((a, b) => a.code.localeCompare(b.code));
}
