import { z } from 'zod';
import { ZItemId } from './common.ts';

const ZCompare = z.strictObject({
  item: ZItemId,
  op: z.enum(['eq', 'ne', 'gte', 'lte']),
  value: z.number(),
});
const ZMembership = z.strictObject({
  item: ZItemId,
  op: z.literal('in'),
  values: z.array(z.number()).min(1),
});

export type Condition =
  | z.infer<typeof ZCompare>
  | z.infer<typeof ZMembership>
  | { readonly any: readonly Condition[] }
  | { readonly all: readonly Condition[] };

/** A condition over answers: used for `showIf` and for critical items. */
export const ZCondition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    ZCompare,
    ZMembership,
    z.strictObject({ any: z.array(ZCondition).min(1) }),
    z.strictObject({ all: z.array(ZCondition).min(1) }),
  ]),
);
