import { describe, expect, it } from 'vitest';
import { runBundleInChromium } from '../bench/support/bundleInChromium.ts';

describe('kiosk shared folder', () => {
  it('copies each stored submission into the chosen folder as <id>.psysealed, and does nothing without a folder', async () => {
    const result = await runBundleInChromium<{ before: string; outcome: string; names: string[]; bytes: number[] }>('test/e2e/sharedFolder/inPage.ts', 'sharedFolderTest', null, 1);
    expect(result).toEqual({ before: 'no_folder', outcome: 'written', names: ['sub-1.psysealed'], bytes: [80, 83, 89, 69, 9, 8, 7] });
  });
});
