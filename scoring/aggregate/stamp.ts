import { fail, issue, succeed, type Outcome } from '../outcome.ts';
import { parseWith } from '../schema/parse.ts';
import { canonicalAggregate } from './canonical.ts';
import { LEVELS, ZStamp, type Aggregate, type Level, type Stamp } from './schema.ts';

/**
 * A bureau signs off a merged file for the next level by adding its stamp (level, code, name, when).
 * Stamps are a set, so stamping stays compatible with the merge laws.
 */
export function stampAggregate(aggregate: Aggregate, stamp: Stamp): Outcome<Aggregate> {
  const parsed = parseWith(ZStamp, stamp);
  if (!parsed.ok) return fail(parsed.issues.map((found) => ({ ...found, path: ['stamp', ...found.path] })));
  const below = LEVELS.indexOf(parsed.value.level) < LEVELS.indexOf(levelOf(aggregate));
  if (below) return fail([issue('stamp_below_level', ['stamp', 'level'], { level: parsed.value.level, current: levelOf(aggregate) })]);
  return succeed(canonicalAggregate({ ...aggregate, provenance: { ...aggregate.provenance, stamps: [...aggregate.provenance.stamps, parsed.value] } }));
}

/** The highest level that issued the file: a bureau's stamp, else "school". */
export function levelOf(aggregate: Aggregate): Level {
  return aggregate.provenance.stamps.reduce<Level>((level, stamp) => (LEVELS.indexOf(stamp.level) > LEVELS.indexOf(level) ? stamp.level : level), 'school');
}

/** Who issued the file: the latest stamp of the highest level, or the school when it is one school's file. */
export function producerOf(aggregate: Aggregate): { level: Level; code: string; name: string; created: string } | undefined {
  const level = levelOf(aggregate);
  if (level === 'school') {
    const [only, ...others] = aggregate.provenance.schools;
    return only && others.length === 0 ? { level, code: only.code, name: only.name, created: only.created } : undefined;
  }
  const top = aggregate.provenance.stamps.filter((stamp) => stamp.level === level).sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  return top.at(-1);
}
