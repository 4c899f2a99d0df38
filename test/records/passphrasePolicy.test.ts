import { describe, expect, it } from 'vitest';
import { checkNewPassphrase } from '../../src/records/index.ts';

const codes = async (passphrase: string, userInputs: readonly string[] = []) => (await checkNewPassphrase(passphrase, ['passphrase'], userInputs)).map((found) => found.code);

describe('new passphrases', () => {
  it('refuses the common passwords and keyboard rows that the length rule let through', async () => {
    expect(await codes('1234567890')).toEqual(['passphrase_common']);
    expect(await codes('password12')).toEqual(['passphrase_common']);
    expect(await codes('qwertyuiop')).toEqual(['passphrase_common']);
    expect(await codes('1qaz2wsx3edc')).toEqual(['passphrase_common']);
    expect(await codes('abcdefghijk')).toEqual(['passphrase_pattern']);
  });

  it('refuses Chinese favourites: counting, repeats, famous poems, pinyin', async () => {
    expect(await codes('一二三四五六七八九十')).toEqual(['passphrase_guessable']);
    expect(await codes('我爱中国我爱中国我爱中国')).toEqual(['passphrase_pattern']);
    expect(await codes('床前明月光疑是地上霜举头望明月低头思故乡')).toEqual(['passphrase_guessable']);
    expect(await codes('woaini1314')).not.toEqual([]);
  });

  it('refuses a passphrase that is just the school\'s or the key\'s name', async () => {
    expect(await codes('青松中学心理健康筛查', ['青松中学心理健康筛查'])).toEqual(['passphrase_personal']);
  });

  it('accepts sentences only the teacher knows, in Chinese, English or both', async () => {
    for (const good of ['校长保险柜里的备份口令', '青松中学心理组 2026 秋季', '森林里的小白兔在跳舞', '家长口令：春眠不觉晓2026', 'correct horse battery', '转介给市精神卫生中心 2026']) {
      expect(await codes(good, ['青松中学 2026 心理筛查']), good).toEqual([]);
    }
  });

  it('still says too short or too few different characters first', async () => {
    expect(await codes('short')).toEqual(['passphrase_too_short']);
    expect(await codes('1111111111111')).toEqual(['passphrase_too_simple']);
  });
});
