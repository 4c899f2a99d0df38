import type { ResponseInput } from '../../../scoring/index.ts';
import { differences, type Summary } from './summary.ts';

export interface VariantResults {
  readonly name: string;
  readonly summaries: readonly Summary[];
}

export interface Comparison {
  /** Responses on which at least one variant differs from the reference. */
  readonly disagreeing: number;
  readonly perVariant: readonly { readonly name: string; readonly disagreeing: number; readonly examples: readonly string[] }[];
}

const EXAMPLES_PER_VARIANT = 5;

/** Compares every variant with the reference, response by response, on every compared field. */
export function compareVariants(responses: readonly ResponseInput[], reference: VariantResults, others: readonly VariantResults[]): Comparison {
  const disagreeing = new Set<number>();
  const perVariant = others.map((other) => {
    let count = 0;
    const examples: string[] = [];
    responses.forEach((response, index) => {
      const expected = reference.summaries[index];
      const actual = other.summaries[index];
      const found = expected && actual ? differences(expected, actual) : ['missing result'];
      if (found.length === 0) return;
      count += 1;
      disagreeing.add(index);
      if (examples.length < EXAMPLES_PER_VARIANT) examples.push(`${response.respondent.id} ${JSON.stringify(response.answers)}\n      ${reference.name} vs ${other.name}: ${found.join('; ')}`);
    });
    return { name: other.name, disagreeing: count, examples };
  });
  return { disagreeing: disagreeing.size, perVariant };
}
