import { canonicalAggregate } from '../../scoring/aggregate/canonical.ts';
import { addAggregates } from '../../scoring/aggregate/merge.ts';
import { FOLLOW_UP_MEASURES } from '../../scoring/aggregate/schema.ts';
import {
  LEVELS, incompatibilities, parseAggregate, rateOf, parseJsonText, stampAggregate, tableRows,
  type Aggregate, type Level, type RateEstimate, type TableRow,
} from '../../scoring/index.ts';
import { csvLine, type CsvCell } from '../common/index.ts';
import { isSignedFile } from '../records/signedFile.ts';
import { readJson, reportIssues, type CliIo } from './io.ts';
import { openSignedSync } from './signed.ts';

export interface StampOptions {
  readonly level: string;
  readonly code: string;
  readonly name: string;
  readonly created?: string;
}

function readAggregate(io: CliIo, path: string): Aggregate | undefined {
  let json = readJson(io, path);
  if (json === undefined) return undefined;
  if (isSignedFile(json)) {
    const opened = openSignedSync(json);
    if (!opened.ok) {
      reportIssues(io, path, opened.issues);
      return undefined;
    }
    const inner = parseJsonText(opened.value.text);
    if (!inner.ok) {
      reportIssues(io, path, inner.issues);
      return undefined;
    }
    json = inner.value;
  }
  const parsed = parseAggregate(json);
  if (!parsed.ok) reportIssues(io, path, parsed.issues);
  return parsed.ok ? parsed.value : undefined;
}

const say = (io: CliIo, zh: string, en: string) => io.err(io.locale === 'zh-CN' ? zh : en);

/**
 * `psyscreen aggregate merge FILE…`: adds the files and prints the merged `.psyagg` on stdout. Every
 * file is checked against the ones before it; any damaged, duplicate or incompatible file is named on
 * stderr and nothing is printed (exit 1), so a script never passes on a partial county file.
 */
export function aggregateMergeCommand(io: CliIo, files: readonly string[], stamp?: StampOptions): number {
  if (files.length === 0) {
    io.err('usage: psyscreen aggregate merge FILE… [--level county --code CODE --name NAME [--created DATE]]');
    return 1;
  }
  if (stamp && !(LEVELS as readonly string[]).includes(stamp.level)) {
    say(io, `--level 应为 county、city 或 province，而不是“${stamp.level}”`, `--level must be county, city or province, not "${stamp.level}"`);
    return 1;
  }
  let merged: Aggregate | undefined;
  let refused = 0;
  for (const path of files) {
    const file = readAggregate(io, path);
    if (!file) {
      refused += 1;
      continue;
    }
    if (!merged) {
      merged = file;
      continue;
    }
    // Checked like mergeAggregates, added without re-sorting the growing sum each time (a province has 10,000 files).
    const issues = incompatibilities(merged, file);
    if (issues.length === 0) merged = addAggregates(merged, file);
    else {
      refused += 1;
      reportIssues(io, path, issues);
    }
  }
  if (merged) merged = canonicalAggregate(merged);
  if (refused > 0 || !merged) {
    say(io, `${refused} 个文件未能合并，未输出任何结果。`, `${refused} file(s) could not be merged; nothing was written.`);
    return 1;
  }
  if (stamp) {
    const stamped = stampAggregate(merged, { level: stamp.level as Exclude<Level, 'school'>, code: stamp.code, name: stamp.name, created: stamp.created ?? io.today() });
    if (!stamped.ok) {
      reportIssues(io, '--level/--code/--name', stamped.issues);
      return 1;
    }
    merged = stamped.value;
  }
  io.out(JSON.stringify(merged, null, 2));
  say(io, `已合并 ${files.length} 个文件，共 ${merged.provenance.schools.length} 所学校。`, `Merged ${files.length} file(s): ${merged.provenance.schools.length} school(s).`);
  return 0;
}

export const TABLE_COLUMNS = [
  'scope', 'schools', 'instrument', 'grade', 'sex', 'roster', 'completed', 'declined', 'invalid', 'results_n', 'low', 'medium', 'high', 'urgent',
  'participation_rate', 'high_rate', 'high_ci_low', 'high_ci_high', 'medium_rate', 'urgent_rate', 'note',
] as const;

const number = (value: number | undefined): CsvCell => value ?? '';
const rate = (value: number | undefined): CsvCell => (value === undefined ? '' : value.toFixed(4));
const rateOfRow = (estimate: RateEstimate | undefined): CsvCell => rate(estimate?.rate);

export function tableLine(row: TableRow): string {
  const cells: CsvCell[] = [
    row.scope, row.schools, row.instrument, row.grade, row.sex,
    number(row.roster), number(row.completed), number(row.declined), number(row.invalid), number(row.resultsN),
    number(row.tiers?.low), number(row.tiers?.medium), number(row.tiers?.high), number(row.urgent),
    rateOfRow(row.participation), rateOfRow(row.high), rate(row.high?.interval?.low), rate(row.high?.interval?.high),
    rateOfRow(row.medium), rateOfRow(row.urgentRate), row.note,
  ];
  return csvLine(cells);
}

/**
 * `psyscreen aggregate table FILE`: one CSV row per group × (battery | instrument), for a spreadsheet
 * or a warehouse. Counts not published are empty cells; the `note` column says why (see README).
 */
export function aggregateTableCommand(io: CliIo, path: string | undefined): number {
  if (path === undefined) {
    io.err('usage: psyscreen aggregate table FILE');
    return 1;
  }
  const file = readAggregate(io, path);
  if (!file) return 1;
  io.out(TABLE_COLUMNS.join(','));
  for (const row of tableRows(file)) io.out(tableLine(row));
  return 0;
}

export const FOLLOW_UP_COLUMNS = ['scope', 'schools', 'measure', 'count', 'of', 'rate', 'ci_low', 'ci_high', 'flagged', 'withheld_by'] as const;

/**
 * `psyscreen aggregate followup FILE`: what followed the flags (format 2), one CSV row per measure:
 * count of `of` high-risk students of the producers that published it, the rate with its Wilson
 * interval, and the producers that withheld it. A file without follow-up prints the header only.
 */
export function aggregateFollowUpCommand(io: CliIo, path: string | undefined): number {
  if (path === undefined) {
    io.err('usage: psyscreen aggregate followup FILE');
    return 1;
  }
  const file = readAggregate(io, path);
  if (!file) return 1;
  io.out(FOLLOW_UP_COLUMNS.join(','));
  const summary = file.followUp;
  if (!summary) {
    say(io, '该文件没有预警后续计数（版本 1 文件，或学校未填写）。', 'The file has no follow-up counts (a version 1 file, or the school recorded none).');
    return 0;
  }
  const scope = file.provenance.schools.length === 1 ? (file.provenance.schools[0]?.code ?? 'merged') : 'merged';
  for (const measure of FOLLOW_UP_MEASURES) {
    const published = summary.rates.find((entry) => entry.measure === measure);
    const estimate = published && published.of > 0 ? rateOf(published.count, published.of) : undefined;
    const withheld = summary.withheld.filter((entry) => entry.measure === measure || entry.measure === 'flagged').map((entry) => `${entry.by}:${entry.reason}`).join(' ');
    io.out(csvLine([scope, file.provenance.schools.length, measure, number(published?.count), number(published?.of), rate(estimate?.rate), rate(estimate?.interval?.low), rate(estimate?.interval?.high), summary.flagged, withheld]));
  }
  return 0;
}
