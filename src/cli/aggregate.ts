import { canonicalAggregate } from '../../scoring/aggregate/canonical.ts';
import { addAggregates } from '../../scoring/aggregate/merge.ts';
import { FOLLOW_UP_MEASURES } from '../../scoring/aggregate/schema.ts';
import {
  LEVELS, incompatibilities, parseAggregate, rateOf, parseJsonText, stampAggregate, tableRows,
  type Aggregate, type Level, type RateEstimate, type TableRow,
} from '../../scoring/index.ts';
import { csvLine, type CsvCell } from '../common/index.ts';
import type { Signer } from '../bureau/admit.ts';
import { checkSigningKey, type KeyRegistry, type KnownKey } from '../bureau/keyRegistry.ts';
import { formatKeyId } from '../records/keyId.ts';
import { isSignedFile } from '../records/signedFile.ts';
import { readJson, reportIssues, type CliIo } from './io.ts';
import { parseKeysFile, writeKeysFile } from './keysFile.ts';
import { openSignedSync } from './signed.ts';

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
