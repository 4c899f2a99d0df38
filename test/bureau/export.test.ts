import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelOf, parseAggregate, tableRows } from '../../scoring/index.ts';
import { admitFiles } from '../../src/bureau/admit.ts';
import { toCsv } from '../../src/bureau/csv.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import { funnelOf } from '../../src/bureau/funnel.ts';
import { groupRows } from '../../src/bureau/groupRows.ts';
import { BUREAU_MESSAGES } from '../../src/bureau/messages.ts';
import { mergedForNextLevel } from '../../src/bureau/nextLevel.ts';
import { noteText } from '../../src/bureau/noteText.ts';
import { shownCount, shownText } from '../../src/bureau/shown.ts';
import { dashboardTables, groupTable, unitsTable } from '../../src/bureau/tables.ts';
import { BUREAU_TEXT } from '../../src/bureau/ui/bureauText.ts';
import { unitRows } from '../../src/bureau/unitRows.ts';
import { incoming, schoolA, schoolB, schoolC } from './support.ts';

const set = admitFiles(EMPTY_SET, [incoming('a.psyagg', schoolA), incoming('b.psyagg', schoolB), incoming('c.psyagg', schoolC)]).set;
const merged = set.merged!;
const en = BUREAU_TEXT.en;
const zh = BUREAU_TEXT['zh-CN'];

describe('showing what an aggregate does not publish', () => {
  it('shows a small group as <k, a complement as suppressed, a partial count as a lower bound: never 0', () => {
    expect(shownText(shownCount(undefined, 'suppressed:primary', 'results'), 5, en)).toBe('<5');
    expect(shownText(shownCount(undefined, 'suppressed:complementary', 'results'), 5, en)).toBe('suppressed');
    expect(shownText(shownCount(undefined, 'suppressed:3', 'participation'), 5, zh)).toBe('已隐藏');
    expect(shownText(shownCount(120, 'partial:2', 'participation'), 5, en)).toBe('≥ 120');
    expect(shownText(shownCount(120, 'results-partial:1', 'participation'), 5, en)).toBe('120');
    expect(shownText(shownCount(80, 'results-partial:1', 'results'), 5, en)).toBe('≥ 80');
    expect(shownText(shownCount(0, '', 'results'), 5, en)).toBe('0');
    expect(noteText('partial:2', 5, en.notes)).toBe('lower bound: 2 suppressed group(s) not included');
    expect(noteText('suppressed:primary', 10, zh.notes)).toBe('不足 10 人，已隐藏');
  });
});

describe('tables for CSV and Excel', () => {
  const units = unitRows(set.files);
  const groups = groupRows(merged);

  it('has one row per school with rates in percent and the note in words', () => {
    const table = unitsTable(units, 5, en);
    expect(table.rows).toHaveLength(3);
    expect(table.header).toHaveLength(table.rows[0]!.length);
    const a = table.rows.find((row) => row[0] === '3301060001')!;
    const total = tableRows(schoolA).find((row) => row.instrument === 'battery' && row.grade === 'all' && row.sex === 'all')!;
    expect(a[4]).toBe(total.completed);
    expect(a[table.header.indexOf('High risk (%)')]).toBe(Math.round((total.high?.rate ?? 0) * 10_000) / 100);
    expect(a.at(-1)).toMatch(/^participation complete; risk counts leave out \d+ suppressed group\(s\)$/);
  });

  it('writes a suppressed cell as <k and never as 0 or an empty number', () => {
    const table = groupTable('cells', groups.cells, 5, en);
    const boys8 = table.rows.find((row) => row[0] === 'Grade 8 Boys')!;
    expect(boys8.slice(1, 4)).toEqual(['<5', '<5', '<5']);
    expect(boys8).not.toContain(0);
  });

  it('quotes CSV fields that need it, starts with a BOM and ends lines with CRLF', () => {
    const csv = toCsv({ name: 'x', header: ['名称', 'note'], rows: [['School "A", east', 3], ['b', 4.5]] });
    expect(csv).toBe('\uFEFF名称,note\r\n"School ""A"", east",3\r\nb,4.5\r\n');
  });

  it('gives every dashboard table a sheet name, in both languages', () => {
    const data = { units, groups, funnel: funnelOf(units), yoy: undefined, k: 5 };
    expect(dashboardTables(data, en).map((table) => table.name)).toEqual(['Units', 'By grade', 'By sex', 'Grade x sex', 'Funnel outliers']);
    expect(dashboardTables(data, zh).map((table) => table.name)).toEqual(['各单位', '按年级', '按性别', '年级×性别', '漏斗图异常']);
  });
});

describe('the merged file for the next level', () => {
  it('is the sum of the files, stamped by this bureau', () => {
    const outcome = mergedForNextLevel(set, { level: 'county', code: '330106', name: '西湖区教育局' }, '2026-12-01');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.value.fileName).toBe('330106-2026-2027.psyagg');
    const parsed = parseAggregate(JSON.parse(JSON.stringify(outcome.value.aggregate)));
    expect(parsed.ok).toBe(true);
    expect(levelOf(outcome.value.aggregate)).toBe('county');
    expect(outcome.value.aggregate.provenance.stamps).toEqual([{ level: 'county', code: '330106', name: '西湖区教育局', created: '2026-12-01' }]);
    const total = (file: typeof schoolA) => file.margins.find((margin) => margin.grade === 'all' && margin.sex === 'all')!;
    expect(total(outcome.value.aggregate).completed).toBe(total(schoolA).completed + total(schoolB).completed + total(schoolC).completed);
  });

  it('asks for the bureau\'s code and name, and refuses when nothing is loaded', () => {
    const missing = mergedForNextLevel(set, { level: 'county', code: ' ', name: '' }, '2026-12-01');
    expect(missing.ok ? [] : missing.issues[0]?.code).toBe('bureau_stamp_invalid');
    const empty = mergedForNextLevel(EMPTY_SET, { level: 'county', code: '330106', name: 'x' }, '2026-12-01');
    expect(empty.ok ? [] : empty.issues.map((found) => found.code)).toEqual(['bureau_nothing_loaded']);
  });
});

describe('bureau messages', () => {
  it('has a zh-CN and an en message for every code the bureau emits, and nothing unused', () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [readFileSync(join(dir, entry.name), 'utf8')] : []);
    const emitted = new Set<string>();
    for (const text of sources('src/bureau')) for (const match of text.matchAll(/issue\('([a-z_]+)'/g)) if (match[1]) emitted.add(match[1]);
    expect([...emitted].sort()).toEqual(Object.keys(BUREAU_MESSAGES).sort());
    for (const [code, template] of Object.entries(BUREAU_MESSAGES)) {
      expect(template['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      expect(template.en, code).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
