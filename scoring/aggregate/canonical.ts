import { compareGroups, compareText } from './groups.ts';
import { histogramFrom, histogramEntries } from './histogram.ts';
import { FOLLOW_UP_MEASURES, LEVELS, type Aggregate, type AggregateCell, type InstrumentSummary, type ScaleSummary, type Stamp, type SuppressedEntry } from './schema.ts';

/**
 * Every list of an aggregate in one fixed order, so that two aggregates with the same content are
 * deep-equal (and serialize to the same JSON) however they were built or merged.
 */
export function canonicalAggregate(aggregate: Aggregate): Aggregate {
  return {
    ...aggregate,
    provenance: {
      schools: [...aggregate.provenance.schools].sort((a, b) => compareText(a.code, b.code)),
      stamps: uniqueSorted(aggregate.provenance.stamps, compareStamps),
    },
    plans: uniqueSorted(aggregate.plans, compareText),
    instruments: uniqueSorted(aggregate.instruments, compareText),
    cells: [...aggregate.cells].sort(compareGroups).map(canonicalCell),
    margins: [...aggregate.margins].sort(compareGroups),
    suppressed: [...aggregate.suppressed].sort(compareSuppressed),
    ...(aggregate.followUp ? {
      followUp: {
        ...aggregate.followUp,
        rates: [...aggregate.followUp.rates].sort((a, b) => FOLLOW_UP_MEASURES.indexOf(a.measure) - FOLLOW_UP_MEASURES.indexOf(b.measure)),
        withheld: [...aggregate.followUp.withheld].sort((a, b) => compareText(a.by, b.by) || compareText(a.measure, b.measure) || compareText(a.reason, b.reason)),
      },
    } : {}),
  };
}

const canonicalCell = (cell: AggregateCell): AggregateCell => ({
  ...cell,
  instruments: [...cell.instruments].sort((a, b) => compareText(a.instrument, b.instrument)).map(canonicalInstrument),
});

const canonicalInstrument = (summary: InstrumentSummary): InstrumentSummary => ({
  ...summary,
  scales: [...summary.scales].sort((a, b) => compareText(a.scale, b.scale)).map(canonicalScale),
});

const canonicalScale = (scale: ScaleSummary): ScaleSummary => ({
  ...scale,
  histogram: histogramFrom(histogramEntries(scale.histogram)),
  pooled: [...scale.pooled].sort((a, b) => a.from - b.from || a.to - b.to),
});

function uniqueSorted<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  const sorted = [...items].sort(compare);
  return sorted.filter((item, index) => index === 0 || compare(sorted[index - 1] as T, item) !== 0);
}

const compareStamps = (a: Stamp, b: Stamp): number =>
  LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || compareText(a.code, b.code) || compareText(a.created, b.created) || compareText(a.name, b.name);

const compareSuppressed = (a: SuppressedEntry, b: SuppressedEntry): number =>
  compareText(a.by, b.by) || compareGroups(a, b) || compareText(a.instrument ?? '', b.instrument ?? '') || compareText(a.scale ?? '', b.scale ?? '') || compareText(a.reason, b.reason);
