import { fail, issue, stampAggregate, succeed, type Aggregate, type Level, type Outcome } from '../../scoring/index.ts';
import type { FileSet } from './fileSet.ts';

export interface BureauStamp {
  readonly level: Exclude<Level, 'school'>;
  readonly code: string;
  readonly name: string;
}

/**
 * The merged file of a set, stamped with this bureau (level, code, name, date) for the next level,
 * and the name to save it under (`<code>-<school year>.psyagg`).
 */
export function mergedForNextLevel(set: FileSet, stamp: BureauStamp, created: string): Outcome<{ aggregate: Aggregate; fileName: string }> {
  if (!set.merged) return fail([issue('bureau_nothing_loaded', [])]);
  const stamped = stampAggregate(set.merged, { ...stamp, code: stamp.code.trim(), name: stamp.name.trim(), created });
  if (!stamped.ok) {
    const shape = stamped.issues.some((found) => found.path[1] === 'code' || found.path[1] === 'name');
    return fail(shape ? [issue('bureau_stamp_invalid', ['stamp']), ...stamped.issues] : stamped.issues);
  }
  return succeed({ aggregate: stamped.value, fileName: `${stamp.code.trim()}-${stamped.value.schoolYear}.psyagg` });
}
