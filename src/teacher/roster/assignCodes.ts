import { generateCode, normalizeCode } from '../../kiosk/signInCode.ts';

/**
 * Gives every student a sign-in code, unique within the roster. `existingCodes` (student number →
 * code, from earlier imports) are kept: slips already printed must keep working when the teacher
 * re-imports an updated roster. New codes also avoid every earlier code, including those of students
 * who have since left, so an old slip can never open a new student's entry.
 */
export function assignCodes<Student extends { readonly studentNumber: string }>(
  students: readonly Student[],
  randomBytes: (length: number) => Uint8Array,
  existingCodes: ReadonlyMap<string, string> = new Map(),
): (Student & { readonly code: string })[] {
  const used = new Set<string>();
  for (const code of existingCodes.values()) {
    const normalized = normalizeCode(code);
    if (normalized) used.add(normalized);
  }
  const given = new Set<string>();
  const freshCode = (): string => {
    // 25^8 possible codes: a repeat is rare even for a county-sized roster; loop until unused.
    for (;;) {
      const code = generateCode(randomBytes);
      if (!used.has(code)) return code;
    }
  };
  return students.map((student) => {
    const kept = normalizeCode(existingCodes.get(student.studentNumber) ?? '');
    // A kept code that another student in this roster already holds (a corrupted list) is replaced.
    const code = kept !== undefined && !given.has(kept) ? kept : freshCode();
    used.add(code);
    given.add(code);
    return { ...student, code };
  });
}
