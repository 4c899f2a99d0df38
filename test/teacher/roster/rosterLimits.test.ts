import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { guessColumnMapping, readRosterFile, validateRoster } from '../../../src/teacher/roster/index.ts';
import { MAX_ROSTER_BYTES } from '../../../src/teacher/roster/readRosterFile.ts';

const TODAY = '2026-11-25';
const HEADER = '学号,姓名,性别,出生日期,年级,班级\n';

describe('roster size limits, checked before parsing', () => {
  it('refuses a file over the limit at once, without reading it', async () => {
    const started = performance.now();
    const read = await readRosterFile(new Uint8Array(MAX_ROSTER_BYTES + 1).fill(0x41));
    expect(read.ok ? [] : read.issues.map((found) => found.code)).toEqual(['roster_file_too_large']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an .xlsx that would unpack to over 100 MB (a zip bomb) from its directory', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(120 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(MAX_ROSTER_BYTES);
    const started = performance.now();
    const read = await readRosterFile(bomb);
    expect(read.ok ? [] : read.issues.map((found) => found.code)).toEqual(['roster_file_too_large']);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['a 3,000,000-character name', `D0001,${'张'.repeat(3_000_000)},男,2012-01-01,八年级,1班\n`, '姓名'],
    ['a 200-character student number', `${'1'.repeat(200)},张三,男,2012-01-01,八年级,1班\n`, '学号'],
    ['a 100-character class', `D0001,张三,男,2012-01-01,八年级,${'班'.repeat(100)}\n`, '班级'],
  ])('refuses %s by row and column', async (_, row, column) => {
    const read = await readRosterFile(new TextEncoder().encode(HEADER + row));
    if (!read.ok) expect.fail(JSON.stringify(read.issues));
    const checked = validateRoster(read.value, guessColumnMapping(read.value.header.cells), { today: TODAY });
    const issues = checked.ok ? checked.value.warnings : checked.issues;
    expect(issues.find((found) => found.code === 'roster_value_too_long')?.path).toEqual(['rows', 2, column]);
    expect(String(issues[0]?.params?.value ?? '').length).toBeLessThanOrEqual(60);
  });

  it('still reads names, numbers and classes of ordinary length', async () => {
    const read = await readRosterFile(new TextEncoder().encode(`${HEADER}20250101,欧阳娜娜,女,2012-09-14,八年级,1班\n`));
    if (!read.ok) expect.fail(JSON.stringify(read.issues));
    const checked = validateRoster(read.value, guessColumnMapping(read.value.header.cells), { today: TODAY });
    expect(checked.ok && checked.value.students.map((student) => student.name)).toEqual(['欧阳娜娜']);
  });
});
