import { compareGroups } from './groups.ts';
import { arcOf, linesOf, type Arc, type GroupTable } from './groupTable.ts';
import { unprotectedGroups } from './protection.ts';
import type { SuppressionReason } from './schema.ts';

/**
 * Which groups of a table to suppress, and why. Primary: 0 < completed < k. Complementary, until
 * nothing changes: (1) a line with exactly one suppressed group would give it away by subtraction, so
 * its smallest other non-zero group is suppressed too; (2) when every line is safe but the audit
 * (`unprotectedGroups`) can still pin a suppressed count down through a chain of lines and the bounds,
 * the smallest non-zero group sharing a line with it is suppressed. Each round suppresses one more
 * group, so this ends; at worst every non-zero group is suppressed.
 */
export function suppressionPattern(table: GroupTable, k: number): Map<string, SuppressionReason> {
  const hidden = new Map<string, SuppressionReason>();
  for (const group of table.groups) {
    const count = table.counts.get(arcOf(group).key) ?? 0;
    if (count > 0 && count < k) hidden.set(arcOf(group).key, 'primary');
  }
  const lines = linesOf(table);
  const smallestVisible = (arcs: readonly Arc[]): Arc | undefined => arcs
    .filter((arc) => !hidden.has(arc.key) && (table.counts.get(arc.key) ?? 0) > 0)
    .sort((a, b) => (table.counts.get(a.key) ?? 0) - (table.counts.get(b.key) ?? 0) || compareGroups(a.group, b.group))[0];
  for (;;) {
    const exposed = lines.find((line) => line.filter((arc) => hidden.has(arc.key)).length === 1);
    const pinned = exposed ? undefined : unprotectedGroups(table, hidden, k)[0];
    if (!exposed && !pinned) return hidden;
    const near = exposed ?? lines.filter((line) => line.some((arc) => pinned !== undefined && arc.key === arcOf(pinned).key)).flat();
    const pick = smallestVisible(near) ?? smallestVisible(table.groups.map(arcOf));
    if (!pick) return hidden; // everything non-zero is already suppressed
    hidden.set(pick.key, 'complementary');
  }
}
