/**
 * `psyscreen aggregate table --format parquet`, read back by DuckDB (what a provincial warehouse runs)
 * and compared cell by cell with the CSV the same command prints for the same file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishAggregate, type Aggregate } from '../../scoring/index.ts';
import { TABLE_COLUMN_SPECS } from '../../src/cli/tableColumns.ts';
import { exactSchool, unwrap } from '../scoring/aggregate/cohort.ts';
import { cli, tempFiles } from './harness.ts';

const school = (code: string, seed: number, sizes: Record<string, number>) => unwrap(publishAggregate(exactSchool({ code, seed, sizes })));
const demo = JSON.parse(readFileSync('public/demo/demo-county.json', 'utf8')) as { years: { files: { aggregate: Aggregate }[] }[] };
const files = tempFiles({
  // a group of 3 boys: primary and complementary suppression, partial totals
  'small.psyagg': school('3301060001', 1, { '7/male': 30, '7/female': 28, '8/male': 3, '8/female': 25, '9/male': 33, '9/female': 31 }),
  'plain.psyagg': school('3301060002', 2, { '4/male': 20, '4/female': 18, '5/male': 22, '5/female': 19 }),
  ...Object.fromEntries(demo.years[2]!.files.map((file, index) => [`demo-${index}.psyagg`, file.aggregate])),
});
const path = (name: string): string => files[name] ?? name;
const folder = dirname(path('small.psyagg'));
const demoCounty = join(folder, 'demo-county.psyagg');
writeFileSync(demoCounty, cli(['aggregate', 'merge', ...Object.keys(files).filter((name) => name.startsWith('demo-')).map(path)]).out.join('\n'));

let duck: Awaited<ReturnType<DuckDBInstance['connect']>>;
beforeAll(async () => {
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => duck.closeSync());

type Cell = string | number | null;

/** The CSV as a warehouse should read it: numbers as numbers, an empty count or rate as null, text as is. */
function csvTable(lines: readonly string[]): { header: string[]; rows: Cell[][] } {
  const [header = '', ...rows] = lines;
  // The table's text cells hold codes, ids and notes: no comma, quote or formula start to unescape.
  expect(lines.join('\n')).not.toMatch(/["']/);
  return {
    header: header.split(','),
    rows: rows.map((line) => line.split(',').map((cell, index) => {
      const kind = TABLE_COLUMN_SPECS[index]?.kind;
      if (kind === 'text') return cell;
      return cell === '' ? null : Number(cell);
    })),
  };
}

async function parquetTable(file: string): Promise<{ header: string[]; types: string[]; rows: Cell[][] }> {
  const described = await duck.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
  const columns = described.getRowObjectsJS() as { column_name: string; column_type: string }[];
  const read = await duck.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
  return {
    header: columns.map((column) => column.column_name),
    types: columns.map((column) => column.column_type),
    rows: read.getRowsJS() as Cell[][],
  };
}

async function tableBothWays(input: string, out: string) {
  const csv = cli(['aggregate', 'table', input]);
  expect(csv.code).toBe(0);
  const written = cli(['aggregate', 'table', input, '--format', 'parquet', '--out', out]);
  expect(written.code).toBe(0);
  expect(written.out).toEqual([]);
  expect(written.err).toEqual([`Wrote ${out} (Parquet, ${csv.out.length - 1} rows).`]);
  return { csv: csvTable(csv.out), parquet: await parquetTable(out) };
}

const DUCK_TYPE = { text: 'VARCHAR', count: 'INTEGER', rate: 'DOUBLE' } as const;

describe('psyscreen aggregate table --format parquet, read back by DuckDB', () => {
  it.each([
    ['one school with a suppressed group', 'small.psyagg'],
    ['one school with nothing suppressed', 'plain.psyagg'],
  ])('holds the CSV row for row and column for column: %s', async (_, name) => {
    const { csv, parquet } = await tableBothWays(path(name), join(folder, `${name}.parquet`));
    expect(parquet.header).toEqual(csv.header);
    expect(parquet.types).toEqual(TABLE_COLUMN_SPECS.map((column) => DUCK_TYPE[column.kind]));
    expect(parquet.rows).toHaveLength(csv.rows.length);
    parquet.rows.forEach((row, index) => expect(row).toEqual(csv.rows[index]));
  });

  it('holds a merged county of 42 schools (partial totals, nulls for suppressed cells)', async () => {
    const { csv, parquet } = await tableBothWays(demoCounty, join(folder, 'demo-county.parquet'));
    expect(csv.rows.length).toBeGreaterThan(100);
    expect(parquet.rows).toEqual(csv.rows);
    const note = csv.header.indexOf('note');
    const high = csv.header.indexOf('high');
    expect(parquet.rows.some((row) => String(row[note]).startsWith('partial:'))).toBe(true);
    // a warehouse sums what was published: nulls are left out, never counted as 0
    const summed = await duck.runAndReadAll(`SELECT sum(high)::INTEGER AS high, count(*) FILTER (WHERE high IS NULL)::INTEGER AS hidden FROM read_parquet('${join(folder, 'demo-county.parquet')}')`);
    const [[sum, hidden]] = summed.getRowsJS() as [[number, number]];
    expect(sum).toBe(csv.rows.reduce((total, row) => total + ((row[high] as number | null) ?? 0), 0));
    expect(hidden).toBe(csv.rows.filter((row) => row[high] === null).length);
  });

  it('marks suppressed cells as null with their note, in the same row as the CSV', async () => {
    const out = join(folder, 'small-check.parquet');
    const { parquet } = await tableBothWays(path('small.psyagg'), out);
    const hidden = parquet.rows.find((row) => row.slice(0, 5).join('/') === '3301060001/1/battery/8/male');
    expect(hidden?.slice(5, 20).every((cell) => cell === null)).toBe(true);
    expect(hidden?.[20]).toBe('suppressed:primary');
    expect(parquet.rows.some((row) => row[20] === 'suppressed:complementary')).toBe(true);
  });
});

describe('psyscreen aggregate table: arguments', () => {
  const out = join(folder, 'refused.parquet');
  const refused = (argv: string[], locale: 'en' | 'zh-CN' = 'en') => {
    const run = cli(['aggregate', 'table', ...argv], { locale });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    return run.err[0];
  };

  it('refuses a wrong format, Parquet without --out, an empty --out, two files, and --out on the input', () => {
    expect(refused([path('small.psyagg'), '--format', 'xlsx'])).toBe('--format must be csv or parquet, not "xlsx"');
    expect(refused([path('small.psyagg'), '--format', 'xlsx'], 'zh-CN')).toBe('--format 应为 csv 或 parquet，而不是“xlsx”');
    expect(refused([path('small.psyagg'), '--format', 'parquet'])).toBe('Parquet is binary and is not printed: name the file to write with --out FILE.parquet.');
    expect(refused([path('small.psyagg'), '--format', 'parquet'], 'zh-CN')).toBe('Parquet 是二进制文件，不输出到终端：请用 --out 文件.parquet 指定要写入的文件。');
    expect(refused([path('small.psyagg'), '--format', 'parquet', '--out', ''])).toMatch(/^--out needs a file name/);
    expect(refused([path('small.psyagg'), '--format', 'parquet', '--out', '-'], 'zh-CN')).toMatch(/^--out 需要一个文件名/);
    expect(refused([path('small.psyagg'), path('plain.psyagg'), '--format', 'parquet', '--out', out])).toBe('aggregate table reads one file, not 2; merge them first with aggregate merge.');
    expect(refused([path('small.psyagg'), '--format', 'parquet', '--out', path('small.psyagg')])).toBe(`--out is the input file (${path('small.psyagg')}); it is not overwritten.`);
    expect(refused([])).toBe('usage: psyscreen aggregate table FILE [--format csv|parquet] [--out OUT]');
    expect(existsSync(out)).toBe(false);
    expect(JSON.parse(readFileSync(path('small.psyagg'), 'utf8'))).toHaveProperty('stage', 'published');
  });

  it('says so when the file cannot be written, and leaves nothing behind', () => {
    const missing = join(folder, 'no-such-folder', 'x.parquet');
    expect(refused([path('small.psyagg'), '--format', 'parquet', '--out', missing])).toBe(`${missing}: cannot write the file (ENOENT); nothing was written.`);
    expect(refused([path('small.psyagg'), '--format', 'parquet', '--out', folder], 'zh-CN')).toMatch(/：无法写入文件（(EISDIR|EEXIST|ENOTEMPTY)），未写出任何结果。$/);
    expect(existsSync(missing)).toBe(false);
  });

  it('writes a damaged input as no file at all', () => {
    const damaged = tempFiles({ 'damaged.psyagg': '{"format":' })['damaged.psyagg'] ?? '';
    const run = cli(['aggregate', 'table', damaged, '--format', 'parquet', '--out', out]);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the CSV to a file with --out, the same as on stdout; stamp options are not table options', () => {
    const csvOut = join(folder, 'table.csv');
    const run = cli(['aggregate', 'table', path('plain.psyagg'), '--out', csvOut]);
    expect(run.code).toBe(0);
    expect(readFileSync(csvOut, 'utf8')).toBe(`${cli(['aggregate', 'table', path('plain.psyagg')]).out.join('\n')}\n`);
    expect(cli(['aggregate', 'table', path('plain.psyagg'), '--level', 'county']).code).toBe(1);
    expect(cli(['aggregate', 'followup', path('plain.psyagg'), '--format', 'parquet']).code).toBe(1);
  });
});
