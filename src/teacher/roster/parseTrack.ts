import type { Track } from '../../../scoring/index.ts';
import { cleanCell, parsed, rejected, type CellParse } from './cellParse.ts';

const VOCATIONAL = ['中职', '职高', '中专', '职中', '技校', '职业高中', '中等职业', '中等职业教育', '中职学校', 'vocational', 'vet'];
const GENERAL = ['普通', '普高', '普通高中', '高中', '初中', '小学', '义务教育', '普教', 'general', 'academic'];

/** The 学段/类别 column: 中职 and its synonyms → vocational, 普高/初中/小学 → general; empty → undefined. */
export function parseTrack(text: string): CellParse<Track | undefined> {
  const cleaned = cleanCell(text).toLowerCase().replace(/\s+/g, '');
  if (cleaned === '') return parsed(undefined);
  if (VOCATIONAL.includes(cleaned)) return parsed('vocational');
  if (GENERAL.includes(cleaned)) return parsed('general');
  return rejected('roster_track_unknown');
}
