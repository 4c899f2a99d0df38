import { describe, expect, it } from 'vitest';
import { guessColumnMapping } from '../../../src/teacher/roster/index.ts';

describe('guessing which column is which', () => {
  it('reads the headers of a Chinese 学籍 export', () => {
    expect(guessColumnMapping(['序号', '全国学籍号', '学号', '姓名', '性别', '出生日期', '年级', '班级', '学段', '家长电话'])).toEqual({
      nationalId: 1, studentNumber: 2, name: 3, sex: 4, birthDate: 5, grade: 6, className: 7, track: 8,
    });
  });

  it('reads English headers in any case and spacing', () => {
    expect(guessColumnMapping(['Student No.', 'Full Name', 'Gender', 'Date of Birth', 'Grade', 'Class'])).toEqual({
      studentNumber: 0, name: 1, sex: 2, birthDate: 3, grade: 4, className: 5,
    });
  });

  it('ignores required-field stars, full-width brackets and notes, and finds names inside longer headers', () => {
    expect(guessColumnMapping(['*姓名', '学号（必填）', '学生性别', '出生年月日', '所在年级', '班级名称', '学生类别'])).toEqual({
      name: 0, studentNumber: 1, sex: 2, birthDate: 3, grade: 4, className: 5, track: 6,
    });
  });

  it('does not take 学籍号 for 学号, and gives each column one field', () => {
    expect(guessColumnMapping(['学籍号', '姓名'])).toEqual({ nationalId: 0, name: 1 });
    expect(guessColumnMapping(['姓名', '姓名'])).toEqual({ name: 0 });
  });

  it('leaves unknown columns unmapped for the teacher to choose', () => {
    expect(guessColumnMapping(['A', 'B', ''])).toEqual({});
  });
});
