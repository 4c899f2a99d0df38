import type { LocalizedText } from '../../../scoring/index.ts';
import { formatCode } from '../../kiosk/signInCode.ts';

export interface SlipStudent {
  readonly name: string;
  readonly studentNumber: string;
  readonly className: string;
  readonly grade: number;
  readonly code: string;
}

export interface SignInSlip {
  readonly className: string;
  readonly name: string;
  readonly studentNumber: string;
  /** As the student types it: ACDE-3479. */
  readonly code: string;
  readonly kioskAddress: string;
  readonly instructions: LocalizedText;
}

/** One class's slips: what the teacher prints and cuts for one class visit to the computer lab. */
export interface ClassSlips {
  readonly className: string;
  readonly grade: number;
  readonly slips: readonly SignInSlip[];
}

/** The words on every slip; they match the kiosk's own sign-in screen (src/kiosk/ui/text.ts). */
export function slipInstructions(kioskAddress: string): LocalizedText {
  return {
    'zh-CN': `在机房电脑上打开 ${kioskAddress}，输入下面的登录码（大小写都可以）。登录码只属于你，请不要给别人看；用完后把纸条交还老师。`,
    en: `On a lab computer, open ${kioskAddress} and type the sign-in code below (capitals or not). The code is yours alone: do not show it to anyone, and hand the slip back to your teacher afterwards.`,
  };
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The slips for a roster with codes, a group per class: classes by grade then name, students by
 * student number (the order class teachers hand things out in). Pure: the page only renders it.
 */
export function buildSignInSlips(students: readonly SlipStudent[], kioskAddress: string): ClassSlips[] {
  const instructions = slipInstructions(kioskAddress);
  const byClass = new Map<string, SlipStudent[]>();
  for (const student of students) {
    const members = byClass.get(student.className);
    if (members) members.push(student);
    else byClass.set(student.className, [student]);
  }
  return [...byClass.entries()]
    .map(([className, members]) => ({
      className,
      grade: Math.min(...members.map((member) => member.grade)),
      slips: [...members]
        .sort((a, b) => collator.compare(a.studentNumber, b.studentNumber))
        .map((member) => ({ className, name: member.name, studentNumber: member.studentNumber, code: formatCode(member.code), kioskAddress, instructions })),
    }))
    .sort((a, b) => a.grade - b.grade || collator.compare(a.className, b.className));
}
