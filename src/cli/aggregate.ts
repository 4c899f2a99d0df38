import { resolve } from 'node:path';
import { canonicalAggregate } from '../../scoring/aggregate/canonical.ts';
import { addAggregates } from '../../scoring/aggregate/merge.ts';
import { FOLLOW_UP_MEASURES } from '../../scoring/aggregate/schema.ts';
import {
  LEVELS, incompatibilities, parseAggregate, rateOf, parseJsonText, stampAggregate, tableRows,
  type Aggregate, type Level, type TableRow,
} from '../../scoring/index.ts';
import { csvLine, type CsvCell } from '../common/index.ts';
import { isSignedFile } from '../records/signedFile.ts';
import { readJson, reportIssues, type CliIo } from './io.ts';
import { openSignedSync } from './signed.ts';
import { rateText, TABLE_COLUMN_SPECS, type TableColumn } from './tableColumns.ts';
import { tableParquet } from './tableParquet.ts';

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

export const TABLE_COLUMNS: readonly string[] = TABLE_COLUMN_SPECS.map((column) => column.name);

const number = (value: number | undefined): CsvCell => value ?? '';
const rate = (value: number | undefined): CsvCell => (value === undefined ? '' : rateText(value));

function csvValue(column: TableColumn, row: TableRow): CsvCell {
  const value = column.value(row);
  if (value === undefined) return '';
  return column.kind === 'rate' && typeof value === 'number' ? rateText(value) : value;
}

export const tableLine = (row: TableRow): string => csvLine(TABLE_COLUMN_SPECS.map((column) => csvValue(column, row)));

export type TableFormat = 'csv' | 'parquet';

export interface TableOptions {
  readonly format?: string;
  readonly out?: string;
}

const TABLE_USAGE = 'usage: psyscreen aggregate table FILE [--format csv|parquet] [--out OUT]';

/** The table's arguments checked before anything is read: one line each, in the user's language. */
function checkTableArguments(io: CliIo, files: readonly string[], options: TableOptions): { path: string; format: TableFormat; out?: string } | undefined {
  const [path, ...extra] = files;
  if (path === undefined) {
    say(io, `用法：psyscreen aggregate table 文件 [--format csv|parquet] [--out 输出文件]`, TABLE_USAGE);
    return undefined;
  }
  if (extra.length > 0) {
    say(io, `aggregate table 只读取一个文件，却给了 ${files.length} 个；请先用 aggregate merge 合并。`, `aggregate table reads one file, not ${files.length}; merge them first with aggregate merge.`);
    return undefined;
  }
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'parquet') {
    say(io, `--format 应为 csv 或 parquet，而不是“${format}”`, `--format must be csv or parquet, not "${format}"`);
    return undefined;
  }
  const { out } = options;
  if (out !== undefined && (out.trim() === '' || out === '-')) {
    say(io, '--out 需要一个文件名（省略 --out 则 CSV 输出到标准输出）。', '--out needs a file name (without --out the CSV goes to standard output).');
    return undefined;
  }
  if (format === 'parquet' && out === undefined) {
    say(io, 'Parquet 是二进制文件，不输出到终端：请用 --out 文件.parquet 指定要写入的文件。', 'Parquet is binary and is not printed: name the file to write with --out FILE.parquet.');
    return undefined;
  }
  if (out !== undefined && resolve(out) === resolve(path)) {
    say(io, `--out 与输入文件相同（${path}），不会覆盖输入文件。`, `--out is the input file (${path}); it is not overwritten.`);
    return undefined;
  }
  return { path, format, ...(out === undefined ? {} : { out }) };
}

function writeOut(io: CliIo, out: string, bytes: Uint8Array): boolean {
  try {
    io.writeBytes(out, bytes);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    say(io, `${out}：无法写入文件（${code}），未写出任何结果。`, `${out}: cannot write the file (${code}); nothing was written.`);
    return false;
  }
}

/**
 * `psyscreen aggregate table FILE`: one row per group × (battery | instrument), for a spreadsheet or
 * a warehouse: CSV on stdout, or with `--out` a file, CSV or (`--format parquet`) Parquet. Counts
 * not published are empty cells (CSV) or nulls (Parquet); the `note` column says why (see README).
 */
export function aggregateTableCommand(io: CliIo, files: readonly string[], options: TableOptions = {}): number {
  const checked = checkTableArguments(io, files, options);
  if (!checked) return 1;
  const file = readAggregate(io, checked.path);
  if (!file) return 1;
  const rows = tableRows(file);
  if (checked.out === undefined) {
    io.out(TABLE_COLUMNS.join(','));
    for (const row of rows) io.out(tableLine(row));
    return 0;
  }
  const bytes = checked.format === 'parquet'
    ? tableParquet(rows, 'psyscreen aggregate table')
    : new TextEncoder().encode([TABLE_COLUMNS.join(','), ...rows.map(tableLine)].map((line) => `${line}\n`).join(''));
  if (!writeOut(io, checked.out, bytes)) return 1;
  const kind = checked.format === 'parquet' ? 'Parquet' : 'CSV';
  say(io, `已写入 ${checked.out}（${kind}，${rows.length} 行）。`, `Wrote ${checked.out} (${kind}, ${rows.length} rows).`);
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
