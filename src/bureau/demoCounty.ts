import { z } from 'zod';
import { parseWith, type Outcome } from '../../scoring/index.ts';
import type { IncomingFile } from './admit.ts';
import { ZSchoolList, type SchoolList } from './schoolList/schema.ts';

/** public/demo/demo-county.json as scripts/make-demo-county.ts writes it; each aggregate is checked when admitted, like any file. */
const ZDemoCounty = z.strictObject({
  format: z.literal('psyscreen-demo-county'),
  version: z.literal(1),
  list: ZSchoolList,
  years: z.array(z.strictObject({
    schoolYear: z.string().max(20),
    files: z.array(z.strictObject({ name: z.string().min(1).max(200), aggregate: z.unknown() })).max(10_000),
  })).min(1).max(20),
});

export interface DemoCounty {
  readonly list: SchoolList;
  /** Oldest first. */
  readonly years: readonly { readonly schoolYear: string; readonly files: readonly IncomingFile[] }[];
}

export function readDemoCounty(json: unknown): Outcome<DemoCounty> {
  const parsed = parseWith(ZDemoCounty, json);
  if (!parsed.ok) return parsed;
  const years = [...parsed.value.years].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)).map((year) => ({
    schoolYear: year.schoolYear,
    files: year.files.map((file, index): IncomingFile => ({ id: `demo-${year.schoolYear}-${index}`, name: file.name, json: file.aggregate })),
  }));
  return { ok: true, value: { list: parsed.value.list, years } };
}
