import { describe, expect, it } from 'vitest';
import { FILE_ID_PATTERN, TIMESTAMP_PATTERN, isPlanField } from '../../src/records/patterns.ts';
import { ZId, ZText, ZTimestamp } from '../../src/records/schemaParts.ts';

// The sealer checks header fields with these patterns (no zod on the kiosk); readers use the schemas.
// A field the sealer accepts but a reader refuses would make an unreadable file, so they must agree.

const TIMESTAMPS = [
  '2026-11-22T02:00:00Z', '2026-11-22T02:00:00.123Z', '2026-11-22T10:00:00+08:00', '2024-02-29T00:00:00Z',
  '2026-11-22T02:00Z', '2026-11-22 02:00:00Z', '2026-11-22T02:00:00', '2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z',
  '2026-11-22T24:00:00Z', '2026-11-22T02:00:00+0800', '', 'yesterday', '2026-13-01T00:00:00Z',
];

const IDS = ['sub-1', 'a', 'A0_b-c', 'x'.repeat(100), 'x'.repeat(101), '-lead', '.hidden', 'a/b', 'a.b', '', '中文'];

const PLANS = ['demo-2026@1.0.0', ' ', '', 'x'.repeat(200), 'x'.repeat(201), ' padded '];

describe('header patterns agree with the reading schemas', () => {
  it.each(TIMESTAMPS)('timestamp %j', (text) => {
    expect(TIMESTAMP_PATTERN.test(text)).toBe(ZTimestamp.safeParse(text).success);
  });
  it.each(IDS)('file id %j', (text) => {
    expect(FILE_ID_PATTERN.test(text)).toBe(ZId.safeParse(text).success);
  });
  it.each(PLANS)('plan %j', (text) => {
    expect(isPlanField(text)).toBe(ZText.max(200).safeParse(text).success);
  });
  it('the tables hold both verdicts', () => {
    expect(new Set(TIMESTAMPS.map((text) => TIMESTAMP_PATTERN.test(text)))).toEqual(new Set([true, false]));
    expect(new Set(IDS.map((text) => FILE_ID_PATTERN.test(text)))).toEqual(new Set([true, false]));
  });
});
