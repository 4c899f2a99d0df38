import {
  ZResponseRecord, compileBattery, compilePlan, issue, parseInstrument, parseNormTable, parsePlan, parseTierPolicy, parseWith,
  toResponseInput, type BatteryResult, type Outcome, type ResponseInput,
} from '../../scoring/index.ts';
import { LIBRARY_DIR } from '../library/disk.ts';
import { readJson, reportIssues, splitLines, type CliIo } from './io.ts';

export interface ScoreOptions {
  readonly instruments: readonly string[];
  readonly norms: readonly string[];
  readonly policy?: string;
  readonly plan?: string;
  readonly input: string;
}

export const DEFAULT_POLICY_PATH = `${LIBRARY_DIR}policies/default/1.0.0.json`;

function load<T>(io: CliIo, path: string, parse: (json: unknown) => Outcome<T>): T | undefined {
  const json = readJson(io, path);
  if (json === undefined) return undefined;
  const parsed = parse(json);
  if (!parsed.ok) reportIssues(io, path, parsed.issues);
  return parsed.ok ? parsed.value : undefined;
}

type Scorer = (input: ResponseInput) => Outcome<BatteryResult>;

function buildScorer(io: CliIo, options: ScoreOptions): Scorer | undefined {
  if (options.plan !== undefined) {
    if (options.instruments.length > 0 || options.norms.length > 0 || options.policy !== undefined) {
      io.err('--plan brings its own instruments, norms and policy; do not combine it with --instrument, --norms or --policy');
      return undefined;
    }
    const plan = load(io, options.plan, parsePlan);
    if (!plan) return undefined;
    const scorer = compilePlan(plan);
    return (input) => scorer.score(input);
  }
  if (options.instruments.length === 0) {
    io.err('usage: psyscreen score (--instrument FILE… [--norms FILE…] [--policy FILE] | --plan FILE) [RESPONSES.jsonl|-]');
    return undefined;
  }
  const instruments = options.instruments.map((path) => load(io, path, parseInstrument));
  const norms = options.norms.map((path) => load(io, path, parseNormTable));
  const policy = load(io, options.policy ?? DEFAULT_POLICY_PATH, parseTierPolicy);
  if (!policy || instruments.some((x) => x === undefined) || norms.some((x) => x === undefined)) return undefined;
  const engine = compileBattery({ instruments: instruments.filter((x) => x !== undefined), norms: norms.filter((x) => x !== undefined), policy });
  return (input) => engine.score(input);
}

function scoreLine(line: string, score: Scorer): Outcome<BatteryResult> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, issues: [issue('bad_line_json', [], { detail: (error as Error).message })] };
  }
  const record = parseWith(ZResponseRecord, json);
  return record.ok ? score(toResponseInput(record.value)) : record;
}

/**
 * `psyscreen score`: one result per input line. A bad line is reported on stderr with its line number
 * and the rest go on; exit 2 when any line was bad, 1 when the definitions themselves are unusable.
 */
export function scoreCommand(io: CliIo, options: ScoreOptions): number {
  const score = buildScorer(io, options);
  if (!score) return 1;
  let text: string;
  try {
    text = io.readText(options.input);
  } catch (error) {
    io.err(`${options.input}: ${(error as Error).message}`);
    return 1;
  }
  let badLines = 0;
  splitLines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    const result = scoreLine(line, score);
    if (result.ok) io.out(JSON.stringify(result.value));
    else {
      badLines += 1;
      reportIssues(io, `line ${index + 1}`, result.issues);
    }
  });
  return badLines > 0 ? 2 : 0;
}
