import { ageOn } from './parseDate.ts';

/**
 * Chinese children start grade 1 in the September after they turn 6, so on 1 September a student in
 * grade g is usually g + 5. Early entry makes a year younger ordinary, repeating a year or starting
 * late two years older; beyond that the birth date or the grade is probably mistyped.
 */
const USUAL_AGE_OVER_GRADE = 5;
const YEARS_YOUNGER_ACCEPTED = 1;
const YEARS_OLDER_ACCEPTED = 2;

/** 1 September of the school year that `today` (YYYY-MM-DD) falls in. */
export function schoolYearStart(today: string): string {
  const year = Number(today.slice(0, 4));
  return `${Number(today.slice(5, 7)) >= 9 ? year : year - 1}-09-01`;
}

export interface AgeCheck {
  /** Age on 1 September of the current school year. */
  readonly age: number;
  readonly usualAge: number;
  readonly fits: boolean;
}

export function checkAgeForGrade(birthDate: string, grade: number, today: string): AgeCheck {
  const age = ageOn(birthDate, schoolYearStart(today));
  const usualAge = grade + USUAL_AGE_OVER_GRADE;
  return { age, usualAge, fits: age >= usualAge - YEARS_YOUNGER_ACCEPTED && age <= usualAge + YEARS_OLDER_ACCEPTED };
}
