import { describe, expect, it } from 'vitest';
import { ZRosterIdentity } from '../../../src/kiosk/kioskPlan.ts';
import { CODE_LENGTH, normalizeCode } from '../../../src/kiosk/signInCode.ts';
import { assignCodes, guessColumnMapping, toKioskRoster, validateRoster } from '../../../src/teacher/roster/index.ts';
import { demoFile, seededBytes, tableOf } from './support.ts';

const students = (count: number, prefix = 'S') => Array.from({ length: count }, (_, index) => ({ studentNumber: `${prefix}${String(index).padStart(5, '0')}`, name: `学生${index}` }));

describe('sign-in codes', () => {
  it('gives 5,000 students valid codes, no two alike', () => {
    const withCodes = assignCodes(students(5_000), seededBytes(1));
    expect(withCodes).toHaveLength(5_000);
    expect(new Set(withCodes.map((student) => student.code)).size).toBe(5_000);
    for (const student of withCodes) {
      expect(student.code).toHaveLength(CODE_LENGTH);
      expect(normalizeCode(student.code)).toBe(student.code);
    }
    expect(withCodes[7]).toMatchObject({ studentNumber: 'S00007', name: '学生7' });
  });

  it('keeps the printed codes when an updated roster is imported again', () => {
    const first = assignCodes(students(5_000), seededBytes(2));
    const printed = new Map(first.map((student) => [student.studentNumber, student.code]));
    // Next term: 100 students left, 200 joined, the rest are re-imported in a different order.
    const updated = [...students(200, 'N'), ...students(5_000).slice(100).reverse()];
    const second = assignCodes(updated, seededBytes(2), printed);
    for (const student of second.filter((entry) => entry.studentNumber.startsWith('S'))) expect(student.code).toBe(printed.get(student.studentNumber));
    const codes = second.map((student) => student.code);
    expect(new Set(codes).size).toBe(codes.length);
    // Codes of students who left are never handed to newcomers: an old slip must not open a new entry.
    const everPrinted = new Set(printed.values());
    expect(second.filter((entry) => entry.studentNumber.startsWith('N')).some((entry) => everPrinted.has(entry.code))).toBe(false);
  });

  it('reads kept codes however they were typed, and replaces a kept code two students share', () => {
    const kept = new Map([['S00000', 'acde-3479'], ['S00001', 'ACDE3479'], ['S00002', 'not a code']]);
    const [first, second, third] = assignCodes(students(3), seededBytes(3), kept);
    expect(first?.code).toBe('ACDE3479');
    expect(second?.code).not.toBe('ACDE3479');
    expect(normalizeCode(third?.code ?? '')).toBe(third?.code);
  });

  it('is repeatable for a given source of random bytes', () => {
    expect(assignCodes(students(50), seededBytes(4))).toEqual(assignCodes(students(50), seededBytes(4)));
  });
});

describe('handing the roster to the kiosk plan', () => {
  it('turns imported students with codes into the entries buildKioskPlan seals', async () => {
    const table = await tableOf(demoFile('roster-demo.csv'));
    const imported = validateRoster(table, guessColumnMapping(table.header.cells), { today: '2026-11-25' });
    if (!imported.ok) return expect.fail(JSON.stringify(imported.issues));
    const entries = toKioskRoster(assignCodes(imported.value.students, seededBytes(5)));
    expect(entries).toHaveLength(40);
    for (const entry of entries) expect(ZRosterIdentity.parse(entry.identity)).toEqual(entry.identity);
    expect(entries[0]).toEqual({
      code: expect.stringMatching(/^[A-Z0-9]{8}$/),
      birthDate: '2012-09-14',
      identity: { studentId: '20250101', name: '陈梓涵', className: '八年级(1)班', grade: 8, sex: 'female' },
    });
  });
});
