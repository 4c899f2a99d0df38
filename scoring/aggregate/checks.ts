import type { z } from 'zod';
import { parseRef } from '../library/ref.ts';
import { reportCrossField, reportDuplicates, type CrossFieldContext } from '../schema/common.ts';
import { checkFollowUp } from './followUpChecks.ts';
import { groupContains, groupKey, isCell } from './groups.ts';
import { bandCeiling, bandFloor, bandHolding, histogramTotal, isCanonicalScoreKey, pooledTotal } from './histogram.ts';
import type { AggregateCell, BandCount, InstrumentSummary, ScaleSummary, TierCounts, ZAggregateShape } from './schema.ts';

type Shape = z.infer<typeof ZAggregateShape>;
type Path = (string | number)[];

const tierSum = (tiers: TierCounts): number => tiers.low + tiers.medium + tiers.high;

/**
 * The rules a well-formed aggregate keeps, each with a stable code: counts that add up, one hash per
 * instrument version, each school once, and in a published file no group, instrument, scale or
 * histogram bin smaller than k.
 */
export function checkAggregate(aggregate: Shape, ctx: CrossFieldContext): void {
  checkProvenance(aggregate, ctx);
  checkInstrumentList(aggregate.instruments, ctx);
  reportDuplicates(ctx, aggregate.cells.map(groupKey), (i) => ['cells', i], 'cell');
  reportDuplicates(ctx, aggregate.margins.map(groupKey), (i) => ['margins', i], 'total');
  const listed = new Set(aggregate.instruments);
  aggregate.cells.forEach((cell, index) => checkCell(cell, ['cells', index], listed, aggregate, ctx));
  aggregate.margins.forEach((margin, index) => {
    if (isCell(margin)) reportCrossField(ctx, ['margins', index], 'margin_not_a_total', { grade: margin.grade, sex: margin.sex });
    checkParticipation(margin, ['margins', index], ctx);
    if (aggregate.stage === 'published') checkGroupSize(margin.completed, aggregate.k, ['margins', index, 'completed'], ctx);
  });
  checkMarginsAddUp(aggregate, ctx);
  checkSuppressed(aggregate, listed, ctx);
  checkFollowUp(aggregate, ctx);
  if (aggregate.stage === 'exact') checkExact(aggregate, ctx);
}

function checkProvenance(aggregate: Shape, ctx: CrossFieldContext): void {
  const seen = new Map<string, number>();
  aggregate.provenance.schools.forEach((school, index) => {
    const first = seen.get(school.code);
    if (first === undefined) seen.set(school.code, index);
    else reportCrossField(ctx, ['provenance', 'schools', index, 'code'], 'duplicate_school', { code: school.code, first });
  });
  if (aggregate.provenance.schools.length === 0 && aggregate.cells.length + aggregate.margins.length > 0) {
    reportCrossField(ctx, ['provenance', 'schools'], 'counts_without_school');
  }
  reportDuplicates(ctx, aggregate.plans, (i) => ['plans', i], 'plan');
}

function checkInstrumentList(refs: readonly string[], ctx: CrossFieldContext): void {
  const hashes = new Map<string, string>();
  refs.forEach((ref, index) => {
    const parsed = parseRef(ref);
    if (!parsed?.hash) return;
    const version = `${parsed.id}@${parsed.version}`;
    const other = hashes.get(version);
    if (other === undefined) hashes.set(version, parsed.hash);
    else reportCrossField(ctx, ['instruments', index], 'instrument_hash_conflict', { instrument: version, a: other, b: parsed.hash });
  });
}

function checkParticipation(group: { roster: number; completed: number; declined: number }, path: Path, ctx: CrossFieldContext): void {
  if (group.completed + group.declined > group.roster) {
    reportCrossField(ctx, [...path, 'roster'], 'completed_exceeds_roster', { completed: group.completed, declined: group.declined, roster: group.roster });
  }
}

function checkTiers(tiers: TierCounts, completed: number, urgent: number, path: Path, ctx: CrossFieldContext): void {
  if (tierSum(tiers) !== completed) reportCrossField(ctx, [...path, 'tiers'], 'tiers_do_not_sum', { sum: tierSum(tiers), completed });
  // a positive critical item always makes the tier high
  if (urgent > tiers.high) reportCrossField(ctx, [...path, 'urgent'], 'urgent_exceeds_high', { urgent, high: tiers.high });
}

function checkGroupSize(count: number, k: number, path: Path, ctx: CrossFieldContext): void {
  if (count > 0 && count < k) reportCrossField(ctx, path, 'group_below_k', { count, k });
}

function checkCell(cell: AggregateCell, path: Path, listed: ReadonlySet<string>, aggregate: Shape, ctx: CrossFieldContext): void {
  checkParticipation(cell, path, ctx);
  if (cell.invalid > cell.completed) reportCrossField(ctx, [...path, 'invalid'], 'invalid_exceeds_completed', { invalid: cell.invalid, completed: cell.completed });
  checkTiers(cell.tiers, cell.completed, cell.urgent, path, ctx);
  if (aggregate.stage === 'published') checkGroupSize(cell.completed, aggregate.k, [...path, 'completed'], ctx);
  reportDuplicates(ctx, cell.instruments.map((summary) => summary.instrument), (i) => [...path, 'instruments', i, 'instrument'], 'instrument');
  cell.instruments.forEach((summary, index) => checkInstrumentSummary(summary, cell, [...path, 'instruments', index], listed, aggregate, ctx));
}

function checkInstrumentSummary(summary: InstrumentSummary, cell: AggregateCell, path: Path, listed: ReadonlySet<string>, aggregate: Shape, ctx: CrossFieldContext): void {
  if (!listed.has(summary.instrument)) reportCrossField(ctx, [...path, 'instrument'], 'instrument_not_listed', { instrument: summary.instrument });
  if (summary.completed > cell.completed) {
    reportCrossField(ctx, [...path, 'completed'], 'instrument_exceeds_completed', { count: summary.completed, completed: cell.completed });
  }
  checkTiers(summary.tiers, summary.completed, summary.urgent, path, ctx);
  if (aggregate.stage === 'published') checkGroupSize(summary.completed, aggregate.k, [...path, 'completed'], ctx);
  reportDuplicates(ctx, summary.scales.map((scale) => scale.scale), (i) => [...path, 'scales', i, 'scale'], 'scale');
  summary.scales.forEach((scale, index) => checkScale(scale, summary.completed, [...path, 'scales', index], aggregate, ctx));
}

function checkScale(scale: ScaleSummary, completed: number, path: Path, aggregate: Shape, ctx: CrossFieldContext): void {
  const merged = aggregate.provenance.schools.length > 1;
  if (scale.min > scale.max) reportCrossField(ctx, [...path, 'max'], 'range_inverted', { min: scale.min, max: scale.max });
  if (scale.scored > completed) reportCrossField(ctx, [...path, 'scored'], 'scored_exceeds_completed', { scored: scale.scored, completed });
  for (const [key, count] of Object.entries(scale.histogram)) {
    if (!isCanonicalScoreKey(key)) reportCrossField(ctx, [...path, 'histogram', key], 'histogram_bad_key', { key });
    else if (Number(key) < scale.min || Number(key) > scale.max) reportCrossField(ctx, [...path, 'histogram', key], 'score_out_of_range', { score: key, min: scale.min, max: scale.max });
    if (aggregate.stage === 'published' && count < aggregate.k) reportCrossField(ctx, [...path, 'histogram', key], 'bin_below_k', { count, k: aggregate.k });
  }
  scale.pooled.forEach((bin, index) => {
    if (bin.from > bin.to || bin.from < scale.min || bin.to > scale.max) {
      reportCrossField(ctx, [...path, 'pooled', index], 'pooled_range_invalid', { from: bin.from, to: bin.to, min: scale.min, max: scale.max });
    }
    const band = bandHolding(scale, bin.from);
    // In a merged file a school's whole-band pool sits beside the other schools' exact scores of that band.
    const wholeBand = band !== undefined && bin.from === bandFloor(scale, band) && bin.to === bandCeiling(scale, band)
      && (merged || !Object.keys(scale.histogram).some((key) => bandHolding(scale, Number(key)) === band));
    if (band !== undefined && bin.to > bandCeiling(scale, band)) reportCrossField(ctx, [...path, 'pooled', index], 'pooled_crosses_band', { from: bin.from, to: bin.to, band: band.band });
    // A pool smaller than k is allowed only when it is a whole band of one producer, whose band count is published anyway.
    if (aggregate.stage === 'published' && bin.count < aggregate.k && !wholeBand) reportCrossField(ctx, [...path, 'pooled', index, 'count'], 'bin_below_k', { count: bin.count, k: aggregate.k });
  });
  const total = histogramTotal(scale.histogram) + pooledTotal(scale.pooled);
  if (total !== scale.scored) reportCrossField(ctx, [...path, 'scored'], 'histogram_does_not_sum', { sum: total, scored: scale.scored });
  reportDuplicates(ctx, scale.bands.map((band) => band.band), (i) => [...path, 'bands', i, 'band'], 'band');
  if (scale.bands.length > 0) checkBandsMatchHistogram(scale, path, ctx);
  if (aggregate.stage === 'published') checkGroupSize(scale.scored, aggregate.k, [...path, 'scored'], ctx);
}

/** A published total equals the sum of its cells whenever none of them (nor it) lost anything to suppression. */
function checkMarginsAddUp(aggregate: Shape, ctx: CrossFieldContext): void {
  aggregate.margins.forEach((margin, index) => {
    const touched = aggregate.suppressed.some((entry) => entry.instrument === undefined && groupContains(margin, entry));
    if (touched) return;
    const cells = aggregate.cells.filter((cell) => groupContains(margin, cell));
    for (const field of ['roster', 'completed', 'declined'] as const) {
      const sum = cells.reduce((total, cell) => total + cell[field], 0);
      if (sum !== margin[field]) reportCrossField(ctx, ['margins', index, field], 'margin_mismatch', { field, total: margin[field], sum });
    }
  });
}

function checkSuppressed(aggregate: Shape, listed: ReadonlySet<string>, ctx: CrossFieldContext): void {
  const producers = new Set([...aggregate.provenance.schools.map((school) => school.code), ...aggregate.provenance.stamps.map((stamp) => stamp.code)]);
  const single = aggregate.provenance.schools.length === 1;
  aggregate.suppressed.forEach((entry, index) => {
    const path = ['suppressed', index];
    if (!producers.has(entry.by)) reportCrossField(ctx, [...path, 'by'], 'suppressed_by_unknown', { by: entry.by });
    if (entry.scale !== undefined && entry.instrument === undefined) reportCrossField(ctx, [...path, 'scale'], 'suppressed_scale_without_instrument', { scale: entry.scale });
    if (entry.instrument !== undefined && !listed.has(entry.instrument)) reportCrossField(ctx, [...path, 'instrument'], 'instrument_not_listed', { instrument: entry.instrument });
    if (entry.instrument !== undefined && !isCell(entry)) reportCrossField(ctx, [...path, 'instrument'], 'suppressed_instrument_in_total', { grade: entry.grade, sex: entry.sex });
    // In one school's file a suppressed group is simply absent; in a merged file others may have published theirs.
    if (single && entry.instrument === undefined) {
      const list: readonly { grade: number | 'all'; sex: string }[] = isCell(entry) ? aggregate.cells : aggregate.margins;
      if (list.some((group) => group.grade === entry.grade && group.sex === entry.sex)) {
        reportCrossField(ctx, path, 'suppressed_but_published', { grade: entry.grade, sex: entry.sex });
      }
    }
  });
}

function checkExact(aggregate: Shape, ctx: CrossFieldContext): void {
  if (aggregate.margins.length > 0) reportCrossField(ctx, ['margins'], 'exact_with_suppression', { field: 'margins' });
  if (aggregate.suppressed.length > 0) reportCrossField(ctx, ['suppressed'], 'exact_with_suppression', { field: 'suppressed' });
  aggregate.cells.forEach((cell, c) => cell.instruments.forEach((summary, i) => summary.scales.forEach((scale, s) => {
    if (scale.pooled.length > 0) reportCrossField(ctx, ['cells', c, 'instruments', i, 'scales', s, 'pooled'], 'exact_with_suppression', { field: 'pooled' });
  })));
}

/** The scores of each band (exact and pooled) add up to the band's count. */
function checkBandsMatchHistogram(scale: ScaleSummary, path: Path, ctx: CrossFieldContext): void {
  const inBand = new Map<BandCount, number>(scale.bands.map((band) => [band, 0]));
  const add = (score: number, count: number) => {
    const band = bandHolding(scale, score);
    if (band) inBand.set(band, (inBand.get(band) ?? 0) + count);
  };
  for (const [key, count] of Object.entries(scale.histogram)) add(Number(key), count);
  for (const bin of scale.pooled) add(bin.from, bin.count);
  scale.bands.forEach((band, index) => {
    const sum = inBand.get(band) ?? 0;
    if (sum !== band.count) reportCrossField(ctx, [...path, 'bands', index, 'count'], 'band_does_not_match_histogram', { band: band.band, count: band.count, sum });
  });
}
