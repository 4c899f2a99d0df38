import { boundsOf, groupKey, type Aggregate, type Group, type GroupTable, type SuppressionReason } from '../../../scoring/index.ts';

/**
 * An attacker who knows everything a published file says — every published count, every total, which
 * groups were suppressed and why (primary: 1..k−1; complementary: k or more) — and tries every filling
 * of the suppressed cells that agrees with all of it. It shares no code with the suppression itself.
 * Returns the values each suppressed group can still take (up to `cap`).
 */
export function feasibleValues(table: GroupTable, hidden: ReadonlyMap<string, SuppressionReason>, k: number, cap: number): Map<string, Set<number>> {
  const cells = table.groups.filter((group) => group.grade !== 'all' && group.sex !== 'all');
  const unknown = cells.filter((group) => hidden.has(groupKey(group)));
  const domain = (key: string): number[] => {
    const { low, high } = boundsOf(hidden.get(key) ?? 'primary', k);
    return Array.from({ length: Math.max(0, Math.min(high, cap) - low + 1) }, (_, i) => low + i);
  };
  const known = (key: string): number => table.counts.get(key) ?? 0;
  const totals = table.groups.filter((group) => group.grade === 'all' || group.sex === 'all');
  const found = new Map<string, Set<number>>([...hidden.keys()].map((key) => [key, new Set<number>()]));
  const value = new Map<string, number>(cells.filter((g) => !hidden.has(groupKey(g))).map((g) => [groupKey(g), known(groupKey(g))]));

  const totalOf = (total: Group): number => cells.filter((cell) => (total.grade === 'all' || total.grade === cell.grade) && (total.sex === 'all' || total.sex === cell.sex))
    .reduce((sum, cell) => sum + (value.get(groupKey(cell)) ?? 0), 0);
  const fits = (total: Group): boolean => {
    const key = groupKey(total);
    const sum = totalOf(total);
    if (!hidden.has(key)) return sum === known(key);
    const { low, high } = boundsOf(hidden.get(key) ?? 'primary', k);
    return sum >= low && sum <= high;
  };
  const complete = (total: Group): boolean => cells.every((cell) => !((total.grade === 'all' || total.grade === cell.grade) && (total.sex === 'all' || total.sex === cell.sex)) || value.has(groupKey(cell)));
  const overshoots = (total: Group): boolean => !hidden.has(groupKey(total)) && totalOf(total) > known(groupKey(total));

  const search = (index: number): void => {
    if (index === unknown.length) {
      if (!totals.every(fits)) return;
      for (const key of hidden.keys()) {
        const group = table.groups.find((candidate) => groupKey(candidate) === key);
        if (group) found.get(key)?.add(group.grade === 'all' || group.sex === 'all' ? totalOf(group) : (value.get(key) ?? -1));
      }
      return;
    }
    const cell = unknown[index];
    if (!cell) return;
    const key = groupKey(cell);
    for (const candidate of domain(key)) {
      value.set(key, candidate);
      // prune: a finished line must fit, and no published total may be exceeded
      if (totals.every((total) => (complete(total) ? fits(total) : !overshoots(total)))) search(index + 1);
    }
    value.delete(key);
  };
  search(0);
  return found;
}

/** The attacker's view of a published single-school file: its table, with suppressed counts unknown. */
export function knowledgeOf(file: Aggregate): { table: GroupTable; hidden: Map<string, SuppressionReason>; truthUnknown: true } {
  const hidden = new Map(file.suppressed.filter((entry) => entry.instrument === undefined).map((entry) => [groupKey(entry), entry.reason] as const));
  const grades = [...new Set([...file.cells, ...file.margins, ...file.suppressed].map((group) => group.grade).filter((grade) => grade !== 'all'))].sort((a, b) => a - b);
  const groups: Group[] = [
    ...grades.flatMap((grade) => (['male', 'female', 'all'] as const).map((sex) => ({ grade, sex }))),
    ...(['male', 'female', 'all'] as const).map((sex) => ({ grade: 'all' as const, sex })),
  ];
  const counts = new Map<string, number>();
  for (const group of groups) {
    const published = [...file.cells, ...file.margins].find((candidate) => candidate.grade === group.grade && candidate.sex === group.sex);
    counts.set(groupKey(group), published?.completed ?? 0);
  }
  return { table: { grades, groups, counts }, hidden, truthUnknown: true };
}
