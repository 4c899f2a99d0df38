import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../scripts/encodeGbk.ts';
import { admitFiles } from '../../src/bureau/admit.ts';
import { EMPTY_SET } from '../../src/bureau/fileSet.ts';
import { readSchoolList } from '../../src/bureau/schoolList/readSchoolList.ts';
import { reportingOf } from '../../src/bureau/schoolList/reporting.ts';
import { trackOf } from '../../src/bureau/schoolList/schema.ts';
import { describeIssue } from '../../src/issueMessages.ts';
import { incoming, schoolA, schoolB } from './support.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const LIST = [
  '学校代码,学校名称,学校类型,所属区县,在校生数',
  '3301060001,演示第一中学,初中,西湖区,"1,200"',
  '3301060002,演示实验小学,小学,西湖区,',
  '3301060003,演示职业高级中学,中职,西湖区,800',
  '3301060004,演示高级中学,普通高中,西湖区,950',
].join('\r\n');

describe('reading the expected-school list', () => {
  it('reads a UTF-8 CSV: codes, names, types, districts and the optional enrolment', async () => {
    const read = await readSchoolList(utf8(LIST));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.schools).toEqual([
      { code: '3301060001', name: '演示第一中学', type: 'junior', district: '西湖区', enrolment: 1200 },
      { code: '3301060002', name: '演示实验小学', type: 'primary', district: '西湖区' },
      { code: '3301060003', name: '演示职业高级中学', type: 'vocational', district: '西湖区', enrolment: 800 },
      { code: '3301060004', name: '演示高级中学', type: 'senior', district: '西湖区', enrolment: 950 },
    ]);
    expect(read.value.rows).toEqual([2, 3, 4, 5]);
    expect(read.value.schools.map((school) => trackOf(school.type))).toEqual([undefined, undefined, 'vocational', 'general']);
  });

  it('reads the same list from a GBK CSV as Chinese Excel saves it, and from an .xlsx with a title row above the header', async () => {
    const gbk = await readSchoolList(encodeGbk(LIST));
    const xlsx = await readSchoolList(new Uint8Array(await writeExcelFile([
      ['西湖区 2026 学年应测学校名单'], [null],
      ['学校标识码', '学校名称', '办学类型', '区县', '学生数'],
      ['3301060001', '演示第一中学', '初级中学', '西湖区', 1200],
      ['3301060005', '演示九年一贯制学校', '九年一贯制', '西湖区', 640],
    ]).toBuffer()));
    expect(gbk.ok && gbk.value.schools[0]?.name).toBe('演示第一中学');
    if (!xlsx.ok) throw new Error(JSON.stringify(xlsx.issues));
    expect(xlsx.value.schools).toEqual([
      { code: '3301060001', name: '演示第一中学', type: 'junior', district: '西湖区', enrolment: 1200 },
      { code: '3301060005', name: '演示九年一贯制学校', type: 'nineYear', district: '西湖区', enrolment: 640 },
    ]);
    expect(xlsx.value.rows).toEqual([4, 5]);
  });

  it('refuses the whole list with one message per bad row, naming row and column, in zh-CN and en', async () => {
    const read = await readSchoolList(utf8([
      '学校代码,学校名称,学校类型,所属区县,在校生数',
      '3301060001,一中,初中,西湖区,1200',
      '33 0106,二中,初中,西湖区,',
      '3301060003,三中,大学,西湖区,',
      '3301060004,,初中,西湖区,',
      '3301060005,五中,初中,西湖区,-3',
      '3301060001,一中分校,初中,西湖区,',
    ].join('\n')));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((found) => [found.code, found.path])).toEqual([
      ['school_list_value_invalid', ['rows', 3, 'code']],
      ['school_list_type_unknown', ['rows', 4, 'type']],
      ['school_list_value_missing', ['rows', 5, 'name']],
      ['school_list_enrolment_invalid', ['rows', 6, 'enrolment']],
      ['school_list_duplicate_code', ['rows', 7, 'code']],
    ]);
    const [, type, , , duplicate] = read.issues;
    expect(describeIssue(type!, 'zh-CN')).toBe('学校名单第 4 行“学校类型”列的“大学”不是可识别的学校类型。请填写：小学、初中、普通高中、中职、九年一贯制、完全中学、十二年一贯制或特殊教育。');
    expect(describeIssue(duplicate!, 'en')).toBe('School list row 7: school code "3301060001" is already used in row 2. List each school once.');
  });

  it('names every required column a list lacks, and refuses what is not a list', async () => {
    const read = await readSchoolList(utf8('学校代码,学校名称,备注\n1,一中,\n'));
    expect(read.ok ? [] : read.issues.map((found) => found.params?.field)).toEqual(['type', 'district']);
    const empty = await readSchoolList(new Uint8Array());
    expect(empty.ok ? '' : empty.issues[0]?.code).toBe('roster_file_empty');
  });
});

describe('who reported', () => {
  const list = [
    { code: '3301060001', name: 'A', type: 'junior' as const, district: 'X', enrolment: 160 },
    { code: '3301060002', name: 'B', type: 'primary' as const, district: 'X' },
    { code: '3301060009', name: 'Missing', type: 'junior' as const, district: 'X', enrolment: 240 },
  ];

  it('lists the schools with no file, the files of schools not on the list, and participation against the list\'s enrolment', () => {
    const set = admitFiles(EMPTY_SET, [incoming('a.psyagg', schoolA), incoming('b.psyagg', schoolB)]).set;
    const reporting = reportingOf(list.filter((school) => school.code !== '3301060002'), set);
    expect(reporting.reported).toBe(1);
    expect(reporting.missing.map((school) => school.code)).toEqual(['3301060009']);
    expect(reporting.unlisted).toEqual([{ code: '3301060002', name: 'School 3301060002', file: 'b.psyagg' }]);
    const completedA = set.files[0]!.aggregate.margins.find((margin) => margin.grade === 'all' && margin.sex === 'all')!.completed;
    expect(reporting.rows[0]).toMatchObject({ file: 'a.psyagg', completed: completedA, participation: { count: completedA, n: 160 } });
    // the school that sent nothing counts as nobody screened: (completed of A + 0) / (160 + 240)
    expect(reporting.participation).toMatchObject({ count: completedA, n: 400 });
    expect(reporting.participation!.interval!.low).toBeLessThan(completedA / 400);
  });

  it('leaves schools without an enrolment out of the county participation and says how many', () => {
    const set = admitFiles(EMPTY_SET, [incoming('b.psyagg', schoolB)]).set;
    const reporting = reportingOf(list, set);
    expect(reporting.withoutEnrolment).toBe(1);
    expect(reporting.participation).toMatchObject({ count: 0, n: 400 });
    expect(reporting.missing.map((school) => school.code)).toEqual(['3301060001', '3301060009']);
  });
});
