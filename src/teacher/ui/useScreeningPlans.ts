import { useEffect, useState } from 'react';
import { ZPlan, parseWith, type Plan } from '../../../scoring/index.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';

export interface ScreeningPlan {
  /** `id@version` */
  readonly id: string;
  readonly plan: Plan;
  /** The grades on the plan's roster; undefined in rows written before grades were kept. */
  readonly grades: readonly number[] | undefined;
  readonly created: string;
}

/** The plans this workspace built (newest first), each with the plan itself read back from its kiosk plan file. */
export function useScreeningPlans(db: TeacherDb): readonly ScreeningPlan[] | undefined {
  const [plans, setPlans] = useState<readonly ScreeningPlan[] | undefined>();
  useEffect(() => {
    let current = true;
    void db.plans.toArray().then((rows) => {
      const read = rows.flatMap((row): ScreeningPlan[] => {
        const kiosk = row.kioskPlan as { plan?: unknown } | undefined;
        const parsed = parseWith(ZPlan, kiosk?.plan);
        return parsed.ok ? [{ id: row.id, plan: parsed.value, grades: Array.isArray(row.grades) ? row.grades : undefined, created: row.created }] : [];
      });
      if (current) setPlans(read.sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0)));
    });
    return () => { current = false; };
  }, [db]);
  return plans;
}
