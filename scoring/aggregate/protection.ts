import type { Group } from './groups.ts';
import { arcOf, type Arc, type GroupTable } from './groupTable.ts';
import type { SuppressionReason } from './schema.ts';

/**
 * What a reader of the published file knows about a suppressed count: a primary one lies in
 * [1, k − 1] (that is why it was suppressed); a complementary one is at least k (only counts that are
 * neither zero nor small are chosen as complements).
 */
export function boundsOf(reason: SuppressionReason, k: number): { low: number; high: number } {
  return reason === 'primary' ? { low: 1, high: k - 1 } : { low: k, high: Number.POSITIVE_INFINITY };
}

/**
 * The suppressed groups whose count a reader could work out exactly from the published counts, the
 * totals and the bounds above. Published counts are fixed, so any other table that agrees with the file
 * differs from the true one by a circulation over suppressed arcs; by the conformal decomposition of
 * circulations, a suppressed count can take another value if and only if some cycle through its arc
 * can carry one more (or one less) student within every bound. That is a path search in the residual
 * graph, so this audit is exact, not a heuristic.
 */
export function unprotectedGroups(table: GroupTable, hidden: ReadonlyMap<string, SuppressionReason>, k: number): Group[] {
  const arcs = table.groups.map(arcOf).filter((arc) => hidden.has(arc.key));
  return arcs.filter((arc) => !canShift(table, hidden, arcs, arc, 1, k) && !canShift(table, hidden, arcs, arc, -1, k)).map((arc) => arc.group);
}

function canShift(table: GroupTable, hidden: ReadonlyMap<string, SuppressionReason>, arcs: readonly Arc[], moved: Arc, step: 1 | -1, k: number): boolean {
  const valueOf = (arc: Arc): number => table.counts.get(arc.key) ?? 0;
  const boundsAt = (arc: Arc) => boundsOf(hidden.get(arc.key) ?? 'primary', k);
  const own = boundsAt(moved);
  const shifted = valueOf(moved) + step;
  if (shifted < own.low || shifted > own.high) return false;
  // One more student on u→v must flow from v back to u (one fewer: from u to v) through other suppressed arcs.
  const start = step > 0 ? moved.to : moved.from;
  const goal = step > 0 ? moved.from : moved.to;
  const next = new Map<string, string[]>();
  const link = (from: string, to: string) => next.set(from, [...(next.get(from) ?? []), to]);
  for (const arc of arcs) {
    if (arc === moved) continue;
    const { low, high } = boundsAt(arc);
    if (valueOf(arc) + 1 <= high) link(arc.from, arc.to);
    if (valueOf(arc) - 1 >= low) link(arc.to, arc.from);
  }
  const seen = new Set([start]);
  const queue = [start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === goal) return true;
    for (const to of next.get(node) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return false;
}
