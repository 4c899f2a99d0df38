import { z } from 'zod';
import { deriveNorms, formatIssue, parseInstrument, parseRef, type CohortMember } from '../../scoring/index.ts';
import { readJson, reportIssues, splitLines, type CliIo } from './io.ts';

export interface DeriveOptions {
  readonly instrument: string;
  readonly results: string;
  readonly bySex: boolean;
  readonly gradeGroups?: string;
  readonly minGroupSize: number;
  readonly id?: string;
}

/** Only the fields of a scored result that norms need. */
const ZScoredLine = z.object({
  respondent: z.object({ grade: z.number().int(), sex: z.enum(['male', 'female']) }),
  instruments: z.array(z.object({ instrument: z.string(), scales: z.array(z.object({ id: z.string(), raw: z.number().nullable() })) })),
});

/** "7-9,10-12" → [[7,8,9],[10,11,12]] */
export function parseGradeGroups(text: string): number[][] | undefined {
  const groups = text.split(',').map((part) => {
    const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    return to >= from ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : undefined;
  });
  return groups.every((group) => group !== undefined) ? groups : undefined;
}

/** `psyscreen norms derive --instrument FILE RESULTS.jsonl`: prints a local norm table. */
export function normsDeriveCommand(io: CliIo, options: DeriveOptions): number {
  const json = readJson(io, options.instrument);
  if (json === undefined) return 1;
  const instrument = parseInstrument(json);
  if (!instrument.ok) {
    reportIssues(io, options.instrument, instrument.issues);
    return 1;
  }
  const def = instrument.value;
  const gradeGroups = options.gradeGroups === undefined ? undefined : parseGradeGroups(options.gradeGroups);
  if (options.gradeGroups !== undefined && !gradeGroups) {
    io.err(`--grades "${options.gradeGroups}": use groups like 4-6,7-9,10-12`);
    return 1;
  }
  const cohort: CohortMember[] = [];
  let bad = 0;
  splitLines(io.readText(options.results)).forEach((line, index) => {
    if (line.trim() === '') return;
    let parsedLine: z.infer<typeof ZScoredLine>;
    try {
      parsedLine = ZScoredLine.parse(JSON.parse(line));
    } catch {
      bad += 1;
      io.err(`line ${index + 1}: ${io.locale === 'zh-CN' ? '不是 psyscreen score 输出的结果行' : 'not a result line as psyscreen score prints them'}`);
      return;
    }
    const own = parsedLine.instruments.find((result) => {
      const ref = parseRef(result.instrument);
      return ref?.id === def.id && ref.version === def.version;
    });
    if (!own) return; // results of other instruments or versions do not belong in these norms
    cohort.push({ grade: parsedLine.respondent.grade, sex: parsedLine.respondent.sex, scales: Object.fromEntries(own.scales.map((scale) => [scale.id, scale.raw])) });
  });
  const derived = deriveNorms({
    instrument: def,
    cohort,
    ...(gradeGroups ? { gradeGroups } : {}),
    bySex: options.bySex,
    minGroupSize: options.minGroupSize,
    id: options.id ?? `${def.id}-local-${io.today()}`,
    version: '1.0.0',
    name: { 'zh-CN': `${def.abbreviation} 本地常模（${io.today()}）`, en: `${def.abbreviation} local norms (${io.today()})` },
    date: io.today(),
    from: options.results,
  });
  if (!derived.ok) {
    reportIssues(io, options.results, derived.issues);
    return 1;
  }
  for (const refused of derived.value.refused) io.err(`${options.results}: ${formatIssue(refused, io.locale)}`);
  io.out(JSON.stringify(derived.value.table, null, 2));
  return bad > 0 ? 2 : 0;
}
