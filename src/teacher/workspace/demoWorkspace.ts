import { z } from 'zod';
import { fail, issue, parseWith, succeed, type Outcome } from '../../../scoring/index.ts';
import { ZKioskPlan } from '../../kiosk/kioskPlan.ts';
import type { TeacherDb } from '../../store/teacherDb.ts';
import { ZRosterRow } from '../roster/index.ts';
import { applyRoster } from './applyRoster.ts';
import { lookupsSecret } from './partial.ts';
import type { ChangeContext } from './context.ts';
import { installWorkspaceKey, saveRecords, unlockWorkspace, type Workspace } from './workspace.ts';

/** public/demo/demo-workspace.json (scripts/make-demo-workspace.ts): fictional students, a public passphrase. */
export const ZDemoWorkspace = z.object({
  school: z.string().min(1),
  passphrase: z.string().min(10),
  key: z.unknown(),
  roster: z.array(ZRosterRow),
  codes: z.record(z.string(), z.string()),
  lookups: z.record(z.string(), z.string()),
});

export const DEMO_TEACHER = '演示老师';

/** Sets up the demo workspace: the demo key (the one the demo kiosk seals to), its roster, codes and lab plan. */
export async function openDemoWorkspace(db: TeacherDb, demoJson: unknown, kioskPlanJson: unknown, context: Omit<ChangeContext, 'by'>): Promise<Outcome<Workspace>> {
  const demo = parseWith(ZDemoWorkspace, demoJson);
  if (!demo.ok) return demo;
  const plan = parseWith(ZKioskPlan, kioskPlanJson);
  if (!plan.ok) return plan;
  const installed = await installWorkspaceKey(db, demo.value.key, demo.value.school, DEMO_TEACHER);
  if (!installed.ok) return installed;
  await db.keys.update('school', { demoPassphrase: demo.value.passphrase });
  const opened = await unlockWorkspace(db, demo.value.passphrase);
  if (!opened.ok) return opened;
  const roster = applyRoster(opened.value.records, demo.value.roster, demo.value.school, { ...context, by: DEMO_TEACHER });
  if (!roster.ok) return fail([issue('content_invalid', ['roster']), ...roster.issues]);
  await saveRecords(opened.value, roster.value.changed, context.now());
  await opened.value.store.saveSecret('codes', demo.value.codes, context.now());
  await opened.value.store.saveSecret(lookupsSecret(`${plan.value.plan.id}@${plan.value.plan.version}`), demo.value.lookups, context.now());
  const grades = [...new Set(demo.value.roster.map((row) => row.grade))].sort((a, b) => a - b);
  await db.plans.put({ id: `${plan.value.plan.id}@${plan.value.plan.version}`, kioskPlan: plan.value, grades, created: context.now() });
  return succeed(opened.value);
}
