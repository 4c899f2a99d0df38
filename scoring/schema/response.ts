import { z } from 'zod';
import type { ResponseInput } from '../score/types.ts';
import { ZGrade, ZSex } from './common.ts';
import { TRACKS } from './vocabulary.ts';

/** One response as the command line and batch files carry it: who, and answers by item id. */
export const ZResponseRecord = z.strictObject({
  id: z.string().trim().min(1),
  grade: ZGrade,
  sex: ZSex,
  track: z.enum(TRACKS).optional(),
  answers: z.record(z.string(), z.number().int().nullable()),
  seconds: z.record(z.string(), z.number().min(0)).optional(),
});
export type ResponseRecord = z.infer<typeof ZResponseRecord>;

export function toResponseInput(record: ResponseRecord): ResponseInput {
  const respondent = { id: record.id, grade: record.grade, sex: record.sex, ...(record.track ? { track: record.track } : {}) };
  return record.seconds ? { respondent, answers: record.answers, seconds: record.seconds } : { respondent, answers: record.answers };
}
