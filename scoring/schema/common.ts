import { z } from 'zod';

/** Custom cross-field problems carry our stable code in `params.code` (see zodIssues.ts). */
export interface CrossFieldContext {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string; params: Record<string, string | number> }): void;
}
export function reportCrossField(
  ctx: CrossFieldContext,
  path: (string | number)[],
  code: string,
  params: Record<string, string | number> = {},
): void {
  ctx.addIssue({ code: 'custom', path, message: code, params: { ...params, code } });
}

export const ZSlug = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'bad_slug' });
export const ZSemver = z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'bad_semver' });
export const ZItemId = z.string().regex(/^[a-z][a-z0-9]*_[a-z0-9]+$/, { error: 'bad_item_id' });
export const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'bad_date' })
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    { error: 'impossible_date' });
export const ZGrade = z.number().int().min(1).max(12);
export const ZSex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof ZSex>;

export const ZSource = z.strictObject({
  citation: z.string().trim().min(1),
  translation: z.string().trim().min(1).optional(),
  url: z.string().url().optional(),
});

/** Reports every value that appears more than once, at the path of its second appearance. */
export function reportDuplicates(
  ctx: CrossFieldContext,
  values: readonly string[],
  pathOf: (index: number) => (string | number)[],
  what: string,
): void {
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else reportCrossField(ctx, pathOf(index), 'duplicate_id', { what, id: value, first });
  });
}
