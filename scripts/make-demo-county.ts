/**
 * Writes the demo county the bureau page opens with "打开演示区县" (public/demo/demo-county.json):
 * a list of 42 fictional schools and three school years of their published aggregates. Every number
 * comes from the scoring engine: synthetic answer sets (seeded, test/scoring/aggregate/cohort.ts) are
 * scored by the shipped battery, aggregated by buildAggregate and published by publishAggregate, the
 * same path a school's export takes, so small groups are hidden as they would be. Deterministic: the
 * same seeds give the same file. Run: npx tsx scripts/make-demo-county.ts
 */
import { writeFileSync } from 'node:fs';
import { buildAggregate, publishAggregate, type Plan } from '../scoring/index.ts';
import { demoCounty, demoParticipants, DEMO_COUNTY_YEARS } from '../test/bureau/demoCountySpec.ts';
import { shippedPlan } from '../test/scoring/aggregate/cohort.ts';

const started = performance.now();
const { list, reports } = demoCounty();
const years = DEMO_COUNTY_YEARS.map((first) => {
  const plan: Plan = { ...structuredClone(shippedPlan()), id: `demo-county-${first}`, schoolYear: `${first}-${first + 1}`, window: { opens: `${first}-09-01`, closes: `${first + 1}-06-30` } };
  const files = reports(first).map((spec) => {
    const built = buildAggregate({ school: spec.school, plan, created: `${first}-11-20T10:00:00+08:00`, participants: demoParticipants(spec, plan) });
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    const published = publishAggregate(built.value);
    if (!published.ok) throw new Error(JSON.stringify(published.issues));
    return { name: `${spec.school.code}-${plan.schoolYear}.psyagg`, aggregate: published.value };
  });
  return { schoolYear: plan.schoolYear, files };
});
const file = { format: 'psyscreen-demo-county', version: 1, list, years };
writeFileSync('public/demo/demo-county.json', `${JSON.stringify(file)}\n`);
process.stdout.write(`demo county written: ${list.schools.length} schools, ${years.map((year) => `${year.schoolYear}: ${year.files.length} files`).join(', ')} in ${Math.round(performance.now() - started)} ms\n`);
