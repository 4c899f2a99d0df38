import type { Locale } from '../../../../scoring/index.ts';

/** The words for a possibly duplicated submission (one student finished the same plan twice). */
const zh = {
  reportColumn: '可能重复',
  reportTitle: '可能重复的提交（需要你决定）',
  reportIntro: '以下学生在同一次筛查中已有一份完成的答卷，又收到另一份（例如在两台电脑上各做了一次）。两份都已保存，请到学生页面核对。',
  reportRow: (name: string, className: string) => `${name}（${className}）`,
  waveFlag: '可能重复：这名学生在同一次筛查中已有一份较早收到的完成答卷。请核对两份答卷（时间、电脑），决定是否都保留。',
  earlier: '较早的一份',
  keepBoth: '已核实，两份都保留',
  keeping: '正在保存…',
  keepFailed: '保存失败：',
  auditFlagged: '标记可能重复',
  auditKept: '核实重复并保留',
};
export type DuplicateText = typeof zh;

const en: DuplicateText = {
  reportColumn: 'Possible duplicates',
  reportTitle: 'Possibly duplicated submissions (your decision needed)',
  reportIntro: 'These students already had a completed submission for this screening and another one arrived (e.g. they answered on two PCs). Both are kept; check them on the student page.',
  reportRow: (name, className) => `${name} (${className})`,
  waveFlag: 'Possible duplicate: this student already has an earlier completed submission for the same screening. Compare the two (time, PC) and decide whether to keep both.',
  earlier: 'the earlier one',
  keepBoth: 'Checked: keep both',
  keeping: 'Saving…',
  keepFailed: 'Could not save: ',
  auditFlagged: 'flagged as possible duplicate',
  auditKept: 'duplicate checked and kept',
};

export const DUPLICATE_TEXT: Readonly<Record<Locale, DuplicateText>> = { 'zh-CN': zh, en };
