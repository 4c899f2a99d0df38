/**
 * Writes the demo roster a new user can import (public/demo/): the same 40 fictional students as a
 * GBK "CSV" the way Chinese Excel saves it (CRLF, no BOM, dates as 2012/11/2) and as an .xlsx with
 * numeric student numbers and real date cells. Names are invented. Run: npx tsx scripts/make-roster-demo.ts
 */
import { writeFileSync } from 'node:fs';
import writeExcelFile from 'write-excel-file/node';
import { encodeGbk } from './encodeGbk.ts';

interface DemoStudent {
  readonly number: number;
  readonly name: string;
  readonly sex: '男' | '女';
  /** [year, month, day] */
  readonly born: readonly [number, number, number];
  readonly grade: string;
  readonly className: string;
}

/**
 * name, sex, birth date; grade-8 students were born Sept 2012 – Aug 2013, grade-5 ones Sept 2015 – Aug 2016.
 * Two two-character names are padded with an ideographic space (U+3000), as real class lists do.
 */
type Entry = readonly [string, '男' | '女', number, number, number];

const CLASSES: readonly { readonly grade: string; readonly className: string; readonly firstNumber: number; readonly students: readonly Entry[] }[] = [
  {
    grade: '八年级', className: '1班', firstNumber: 20250101, students: [
      ['陈梓涵', '女', 2012, 9, 14], ['李浩宇', '男', 2012, 10, 3], ['王思远', '男', 2012, 11, 2], ['张雨桐', '女', 2012, 12, 19],
      ['刘俊熙', '男', 2013, 1, 8], ['杨欣怡', '女', 2013, 2, 27], ['赵子墨', '男', 2013, 3, 15], ['黄诗涵', '女', 2013, 4, 6],
      ['周博文', '男', 2013, 5, 21], ['吴若曦', '女', 2013, 6, 30], ['徐　磊', '男', 2013, 7, 11], ['孙语嫣', '女', 2013, 8, 2],
      ['马天佑', '男', 2012, 9, 28], ['朱可欣', '女', 2013, 1, 17],
    ],
  },
  {
    grade: '八年级', className: '2班', firstNumber: 20250201, students: [
      ['胡一帆', '男', 2012, 10, 22], ['郭梦琪', '女', 2012, 11, 9], ['何泽宇', '男', 2012, 12, 1], ['高雅琳', '女', 2013, 2, 14],
      ['林子轩', '男', 2013, 3, 3], ['罗佳怡', '女', 2013, 4, 25], ['郑皓然', '男', 2013, 5, 7], ['梁静怡', '女', 2013, 6, 12],
      ['谢明哲', '男', 2013, 7, 29], ['宋　悦', '女', 2013, 8, 16], ['唐嘉诚', '男', 2012, 9, 5], ['韩舒窈', '女', 2012, 12, 24],
      ['冯宇航', '男', 2013, 1, 30], ['邓晓晴', '女', 2013, 5, 18],
    ],
  },
  {
    grade: '五年级', className: '1班', firstNumber: 20220101, students: [
      ['曹乐萱', '女', 2015, 9, 20], ['彭俊杰', '男', 2015, 10, 11], ['曾一诺', '女', 2015, 11, 27], ['萧子豪', '男', 2016, 1, 4],
      ['田甜甜', '女', 2016, 2, 29], ['董浩然', '男', 2016, 3, 22], ['袁梓萌', '女', 2016, 4, 9], ['潘宇轩', '男', 2016, 5, 31],
      ['蒋欣然', '女', 2016, 6, 15], ['蔡明轩', '男', 2016, 7, 7], ['余思彤', '女', 2016, 8, 23], ['杜嘉乐', '男', 2015, 12, 13],
    ],
  },
];

const students: DemoStudent[] = CLASSES.flatMap((group) => group.students.map(([name, sex, year, month, day], index) => ({
  number: group.firstNumber + index, name, sex, born: [year, month, day] as const, grade: group.grade, className: group.className,
})));

const HEADER = ['学号', '姓名', '性别', '出生日期', '年级', '班级'];

const csvLines = [HEADER, ...students.map((student) => [
  String(student.number), student.name, student.sex, student.born.join('/'), student.grade, student.className,
])].map((cells) => cells.join(','));
writeFileSync('public/demo/roster-demo.csv', encodeGbk(`${csvLines.join('\r\n')}\r\n`));

const sheet = [
  HEADER.map((value) => ({ value, fontWeight: 'bold' as const })),
  ...students.map((student) => [
    { value: student.number },
    { value: student.name },
    { value: student.sex },
    { value: new Date(Date.UTC(student.born[0], student.born[1] - 1, student.born[2])), format: 'yyyy/m/d' },
    { value: student.grade },
    { value: student.className },
  ]),
];
await writeExcelFile(sheet, { sheet: '学生名单', columns: [{ width: 12 }, { width: 10 }, { width: 6 }, { width: 12 }, { width: 8 }, { width: 8 }] })
  .toFile('public/demo/roster-demo.xlsx');
process.stdout.write(`demo roster written: ${students.length} students\n`);
