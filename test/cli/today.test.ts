import { afterEach, describe, expect, it, vi } from 'vitest';
import { processIo } from '../../src/cli/io.ts';

afterEach(() => { vi.useRealTimers(); });

describe('the command line\'s today', () => {
  it('is the local day (Asia/Shanghai in tests), not the UTC one: 07:30 Beijing time on 1 September is 1 September', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-08-31T23:30:00Z'));
    expect(processIo().today()).toBe('2026-09-01');
  });
});
