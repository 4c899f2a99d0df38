/**
 * 1,000 schools' published `.psyagg` files of realistic size for the aggregate bench. Forty distinct
 * schools are answered through the real scoring engine (upper-primary, junior and senior schools of
 * 400–1,900 students, some more distressed than others); the 1,000 files are those forty under 1,000
 * different school codes, so every file is a real published aggregate and no two share a school.
 */
import { parseAggregate, publishAggregate, type Aggregate } from '../../../scoring/index.ts';
import { exactSchool, seeded, unwrap } from '../../scoring/aggregate/cohort.ts';
import { BenchFailure } from '../support/failure.ts';

const KINDS = [
  { grades: [4, 5, 6], size: [60, 160] },
  { grades: [7, 8, 9], size: [90, 320] },
  { grades: [10, 11, 12], size: [120, 320] },
] as const;

function distinctSchool(index: number): Aggregate {
  const random = seeded(9_000 + index);
  const kind = KINDS[index % KINDS.length] ?? KINDS[0];
  const sizes: Record<string, number> = {};
  for (const grade of kind.grades) {
    for (const sex of ['male', 'female']) sizes[`${grade}/${sex}`] = Math.round(kind.size[0] + random() * (kind.size[1] - kind.size[0]));
  }
  // one school in eight has a tiny group (a few boys in one grade): suppression and partial totals occur
  if (index % 8 === 3) sizes[`${kind.grades[1]}/male`] = 3;
  return unwrap(publishAggregate(exactSchool({ code: `d${index}`, seed: 77 + index, sizes, distress: 0.8 + random() * 0.8 })));
}

/** The same file under another school's code and name (the suppression records name their producer too). */
function renamed(file: Aggregate, code: string): Aggregate {
  const [school] = file.provenance.schools;
  if (!school) throw new BenchFailure('a school file without its school');
  return {
    ...file,
    provenance: { ...file.provenance, schools: [{ ...school, code, name: `第${code.slice(-4)}学校` }] },
    suppressed: file.suppressed.map((entry) => ({ ...entry, by: code })),
  };
}

export interface CountyFiles {
  readonly texts: readonly string[];
  readonly bytes: number;
  readonly distinct: number;
}

/**
 * The files one at a time, so a province of 10,000 can be written to disk without holding every
 * text at once; each comes with the parsed file it is, for the bench's expected sums.
 */
export function* countyFileTexts(count: number, distinct = 40): Generator<{ text: string; file: Aggregate }> {
  const models = Array.from({ length: distinct }, (_, index) => distinctSchool(index));
  for (let index = 0; index < count; index++) {
    const file = renamed(models[index % distinct] ?? models[0]!, `3301${String(index).padStart(6, '0')}`);
    const checked = parseAggregate(file);
    if (!checked.ok) throw new BenchFailure(`bench file ${index} is not a valid aggregate: ${JSON.stringify(checked.issues.slice(0, 3))}`);
    yield { text: JSON.stringify(checked.value, null, 2), file: checked.value };
  }
}

export function countyFiles(count: number, distinct = 40): CountyFiles {
  const texts = Array.from(countyFileTexts(count, distinct), (entry) => entry.text);
  return { texts, bytes: texts.reduce((sum, text) => sum + text.length, 0), distinct };
}
