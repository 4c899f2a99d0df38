import { resolve } from 'node:path';
import { canonicalAggregate } from '../../scoring/aggregate/canonical.ts';
import { addAggregates } from '../../scoring/aggregate/merge.ts';
import { FOLLOW_UP_MEASURES } from '../../scoring/aggregate/schema.ts';
import {
  LEVELS, incompatibilities, parseAggregate, rateOf, parseJsonText, stampAggregate, tableRows,
  type Aggregate, type Level, type TableRow,
} from '../../scoring/index.ts';
import { csvLine, type CsvCell } from '../common/index.ts';
import type { Signer } from '../bureau/admit.ts';
import { checkSigningKey, type KeyRegistry, type KnownKey } from '../bureau/keyRegistry.ts';
import { formatKeyId } from '../records/keyId.ts';
import { isSignedFile } from '../records/signedFile.ts';
import { readJson, reportIssues, type CliIo } from './io.ts';
import { parseKeysFile, writeKeysFile } from './keysFile.ts';
import { openSignedSync } from './signed.ts';
import { rateText, TABLE_COLUMN_SPECS, type TableColumn } from './tableColumns.ts';
import { tableParquet } from './tableParquet.ts';

export interface MergeOptions {
  readonly stamp?: StampOptions;
  /** The keys file (keysFile.ts): senders' keys on record, updated with the first key seen from each. */
  readonly keys?: string;
}

export interface StampOptions {
  readonly level: string;
  readonly code: string;
  readonly name: string;
  readonly created?: string;
}

interface ReadFile {
  readonly aggregate: Aggregate;
  /** What the signature vouches for; undefined for an unsigned file. */
  readonly signer?: Signer;
}

function readFile(io: CliIo, path: string): ReadFile | undefined {
  let json = readJson(io, path);
  if (json === undefined) return undefined;
  let signer: Signer | undefined;
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
    signer = opened.value.keyName === undefined ? { keyId: opened.value.keyId } : { keyId: opened.value.keyId, keyName: opened.value.keyName };
  }
  const parsed = parseAggregate(json);
  if (!parsed.ok) reportIssues(io, path, parsed.issues);
  return parsed.ok ? { aggregate: parsed.value, ...(signer ? { signer } : {}) } : undefined;
}

const readAggregate = (io: CliIo, path: string): Aggregate | undefined => readFile(io, path)?.aggregate;

const say = (io: CliIo, zh: string, en: string) => io.err(io.locale === 'zh-CN' ? zh : en);

/** The keys on record, or undefined (reported) when the keys file exists but cannot be read or is damaged. */
function readKeys(io: CliIo, path: string): { registry: KeyRegistry; exists: boolean } | undefined {
  let text: string | undefined;
  try {
    text = io.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code !== 'ENOENT') {
      say(io, `${path}: 无法读取密钥登记文件（${code}）`, `${path}: cannot read the keys file (${code})`);
      return undefined;
    }
  }
  const parsed = parseKeysFile(text);
  if (!parsed.ok) {
    reportIssues(io, path, parsed.issues);
    return undefined;
  }
  return { registry: parsed.value, exists: text !== undefined };
}

/** Which files came unsigned, and which keys went on record: said on stderr after a merge. */
function sayKeys(io: CliIo, unsigned: readonly string[], learned: readonly { path: string; key: KnownKey }[]): void {
  if (unsigned.length > 0) say(io, `其中 ${unsigned.length} 个文件未签名，无法确认报送后是否被改动：${unsigned.join('、')}`, `${unsigned.length} file(s) unsigned, so there is no way to tell whether they were changed after they were sent: ${unsigned.join(', ')}`);
  for (const { path, key } of learned) {
    const id = formatKeyId(key.keyId);
    const name = key.keyName ?? (io.locale === 'zh-CN' ? '（旧版签名文件，密钥名称不在签名范围内）' : '(older signed file: key name not covered by the signature)');
    say(io, `${path}: 首次收到 ${key.name}（${key.code}）的签名文件，已登记其密钥 ${name}，指纹 ${id}；请与学校核对。`, `${path}: first signed file from ${key.name} (${key.code}); its key ${name}, fingerprint ${id}, is now on record; compare it with the school.`);
  }
}

/**
 * `psyscreen aggregate merge FILE…`: adds the files and prints the merged `.psyagg` on stdout. Every
 * file is checked against the ones before it; any damaged, duplicate or incompatible file is named on
 * stderr and nothing is printed (exit 1), so a script never passes on a partial county file. Each
 * file's signature (or its absence) is said on stderr; with `--keys FILE` each sender is held to the key
 * on record there, as in the bureau workspace, and a first key seen is added to the file (only when the
 * merge succeeds, so a refused run changes nothing).
 */
export function aggregateMergeCommand(io: CliIo, files: readonly string[], options: MergeOptions = {}): number {
  const { stamp } = options;
  if (files.length === 0) {
    io.err('usage: psyscreen aggregate merge FILE… [--keys KEYS.json] [--level county --code CODE --name NAME [--created DATE]]');
    return 1;
  }
  if (stamp && !(LEVELS as readonly string[]).includes(stamp.level)) {
    say(io, `--level 应为 county、city 或 province，而不是“${stamp.level}”`, `--level must be county, city or province, not "${stamp.level}"`);
    return 1;
  }
  const keys = options.keys === undefined ? undefined : readKeys(io, options.keys);
  if (options.keys !== undefined && !keys) return 1;
  let registry = keys?.registry;
  const learned: { path: string; key: KnownKey }[] = [];
  let merged: Aggregate | undefined;
  let refused = 0;
  const unsigned: string[] = [];
  for (const path of files) {
    const file = readFile(io, path);
    if (!file) {
      refused += 1;
      continue;
    }
    const check = registry ? checkSigningKey(registry, file.aggregate, file.signer, path, io.now()) : undefined;
    if (check && !check.ok) {
      refused += 1;
      reportIssues(io, path, check.issues);
      say(io, `（命令行：与该单位核实确实更换了密钥后，从 ${options.keys ?? ''} 中删除其登记，再合并。）`, `(command line: once the sender has confirmed a new key, remove its entry from ${options.keys ?? ''} and merge again.)`);
      continue;
    }
    if (!file.signer) unsigned.push(path);
    if (check?.learned && registry) {
      registry = new Map([...registry, [check.learned.sender, check.learned]]);
      learned.push({ path, key: check.learned });
    }
    if (!merged) {
      merged = file.aggregate;
      continue;
    }
    // Checked like mergeAggregates, added without re-sorting the growing sum each time (a province has 10,000 files).
    const issues = incompatibilities(merged, file.aggregate);
    if (issues.length === 0) merged = addAggregates(merged, file.aggregate);
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
  if (options.keys !== undefined && registry && (learned.length > 0 || !keys?.exists)) {
    try {
      io.writeText(options.keys, writeKeysFile(registry));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      say(io, `${options.keys}: 无法写入密钥登记文件（${code}），未输出任何结果。`, `${options.keys}: cannot write the keys file (${code}); nothing was written.`);
      return 1;
    }
  }
  io.out(JSON.stringify(merged, null, 2));
  sayKeys(io, unsigned, learned);
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
