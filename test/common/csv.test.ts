import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/bureau/csv.ts';
import { tableLine } from '../../src/cli/aggregate.ts';
import { csvCell, csvFile } from '../../src/common/index.ts';
import { parseDelimited } from '../../src/teacher/roster/parseDelimited.ts';

describe('the one CSV writer', () => {
  it.each([
    ['=HYPERLINK("http://evil","点我")', `"'=HYPERLINK(""http://evil"",""点我"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['普通学校', '普通学校'],
    ['a=b', 'a=b'],
    ['School "A", east', '"School ""A"", east"'],
    ['', ''],
  ])('writes the text cell %j as %j', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it('writes numbers as numbers, negative ones included, and no NaN', () => {
    expect([-3, 0.25, 12, Number.NaN].map(csvCell)).toEqual(['-3', '0.25', '12', '']);
  });

  it('starts with a BOM and ends lines with CRLF', () => {
    expect(csvFile([['名称', 'n'], ['=x', 3]])).toBe("\uFEFF名称,n\r\n'=x,3\r\n");
  });

  it('is what the bureau export and the CLI table write: a school named like a formula stays text', () => {
    expect(toCsv({ name: 'x', header: ['学校'], rows: [['=HYPERLINK("http://evil","点我")']] })).toContain(`"'=HYPERLINK(`);
    const line = tableLine({ scope: '=cmd|calc', schools: 1, instrument: 'k10', grade: 8, sex: 'all', note: '@x' });
    expect(line.startsWith("'=cmd|calc,1,k10,8,all,")).toBe(true);
    expect(line.endsWith(",'@x")).toBe(true);
  });

  it('reads its own neutralised cells back as they were written (the template round trip)', () => {
    const written = csvFile([["=HYPERLINK(1)", '-2', "'quoted text'", '\t=x']]).slice(1);
    const read = parseDelimited(written, ',');
    expect(read.ok && read.value[0]?.cells).toEqual(['=HYPERLINK(1)', '-2', "'quoted text'", '\t=x']);
  });
});
