import type { Sex } from '../../../scoring/index.ts';
import { cleanCell, parsed, rejected, type CellParse } from './cellParse.ts';

/** 1 and 2 are the national standard codes (GB/T 2261.1) that 学籍 system exports use. */
const SEX_WORDS: Readonly<Record<string, Sex>> = {
  男: 'male', 男生: 'male', 男性: 'male', m: 'male', male: 'male', boy: 'male', 1: 'male',
  女: 'female', 女生: 'female', 女性: 'female', f: 'female', female: 'female', girl: 'female', 2: 'female',
};

export function parseSex(text: string): CellParse<Sex> {
  const cleaned = cleanCell(text).toLowerCase().replace(/\s+/g, '');
  if (cleaned === '') return rejected('roster_value_missing');
  const sex = SEX_WORDS[cleaned];
  return sex ? parsed(sex) : rejected('roster_sex_unknown');
}
