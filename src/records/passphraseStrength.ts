import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/*
 * The strength estimator and its word lists (~1 MB). Loaded only when a passphrase is being set
 * (passphrasePolicy.ts imports this module on demand), so no page that never sets one, the kiosk
 * above all, carries the dictionary.
 */

/**
 * What the shipped lists miss for Chinese users, most common first: pinyin and digit favourites, and
 * well-known phrases a teacher might type as "a sentence only I know". zxcvbn matches them anywhere
 * inside a passphrase; a passphrase of other Chinese characters is judged by its length as usual.
 */
const CHINESE_COMMON = [
  'woaini', '5201314', '1314', '520', 'woaini1314', 'iloveyou', 'nihao', 'mima', 'zhongguo', 'beijing', 'shanghai', 'aini', 'wangyi', 'baidu', 'qq',
  '一二三四五六七八九十', '一二三四五六', '我爱你', '我爱你中国', '中华人民共和国', '密码', '口令', '心理健康', '心理老师', '心理筛查', '好好学习天天向上',
  '床前明月光疑是地上霜举头望明月低头思故乡', '春眠不觉晓处处闻啼鸟夜来风雨声花落知多少', '白日依山尽黄河入海流欲穷千里目更上一层楼',
  '锄禾日当午汗滴禾下土谁知盘中餐粒粒皆辛苦', '鹅鹅鹅曲项向天歌白毛浮绿水红掌拨清波', '天王盖地虎宝塔镇河妖', '一生一世', '我爱学习',
];

let estimator: ZxcvbnFactory | undefined;

function shared(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary, chineseCommon: CHINESE_COMMON }, graphs: adjacencyGraphs });
  return estimator;
}

export interface Strength {
  /** 0–4: 3 means about 10^8 guesses or more. */
  readonly score: number;
  /** zxcvbn's reason, e.g. `topHundred`, `sequences`, `userInputs`; null when none applies. */
  readonly warning: string | null;
}

/** `userInputs`: words the passphrase must not lean on (the school's or the key's name). */
export function estimateStrength(passphrase: string, userInputs: readonly string[] = []): Strength {
  const result = shared().check(passphrase, [...userInputs]);
  return { score: result.score, warning: result.feedback.warning };
}
