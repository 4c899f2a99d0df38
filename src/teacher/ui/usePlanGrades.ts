import { useEffect, useState } from 'react';
import type { TeacherDb } from '../../store/teacherDb.ts';

/**
 * The grades a screening plan covered, so students of other grades are not counted as absent.
 * Undefined while loading or for a plan this workspace did not build (e.g. records imported from
 * another school): the summary then counts every student who has a wave of that plan.
 */
export function usePlanGrades(db: TeacherDb, plan: string | undefined): ReadonlySet<number> | undefined {
  const [grades, setGrades] = useState<ReadonlySet<number> | undefined>();
  useEffect(() => {
    setGrades(undefined);
    if (!plan) return;
    void db.plans.get(plan).then((row) => setGrades(row ? new Set(row.grades) : undefined));
  }, [db, plan]);
  return grades;
}
