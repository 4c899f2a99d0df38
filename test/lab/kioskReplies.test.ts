import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { KIOSK_ERROR_CODES, KIOSK_LAB_API, KIOSK_LAB_PROTOCOL, asDraftUpload, asHello, asReceipts, asStored, asStudentState, isLabError } from '../../src/lab/kioskReplies.ts';
import { LAB_API, LAB_ERROR_CODES, LAB_PROTOCOL_VERSION, ZDraftUpload, ZHello, ZLabError, ZReceipts, ZStored, ZStudentState } from '../../src/lab/protocol.ts';

const LOOKUP = 'a'.repeat(64);
const ID = '0123abcd-0000-4000-8000-0123456789ab';
const hello = { server: 'psyscreen-lab', protocol: 1, plan: { ref: 'demo-2026@1.0.0', digest: 'f'.repeat(64) }, kioskUrls: ['http://192.168.1.20:8080/kiosk.html'], time: '2026-11-22T02:00:00.000Z' };
const draft = { plan: 'demo-2026@1.0.0', entry: LOOKUP, machine: 'lab-0a1b2c3d', savedAt: '2026-11-22T10:00:00+08:00', answered: 3, sealed: { iv: 'AAAAAAAAAAAAAAAA', data: 'YWJj' } };

type Row = readonly [string, unknown, boolean];
const cases: { name: string; check: (value: unknown) => unknown; schema: z.ZodType; rows: readonly Row[] }[] = [
  { name: 'Hello', check: asHello, schema: ZHello, rows: [
    ['a server with a plan', hello, true],
    ['a server without a plan', { ...hello, plan: null }, true],
    ['no kiosk urls yet', { ...hello, kioskUrls: [] }, true],
    ['offset time', { ...hello, time: '2026-11-22T10:00:00+08:00' }, true],
    ['time without seconds', { ...hello, time: '2026-11-22T10:00Z' }, false],
    ['time on 30 February', { ...hello, time: '2026-02-30T10:00:00Z' }, false],
    ['time without zone', { ...hello, time: '2026-11-22T10:00:00' }, false],
    ['another server', { ...hello, server: 'nginx' }, false],
    ['another protocol', { ...hello, protocol: 2 }, false],
    ['plan ref without version', { ...hello, plan: { ref: 'demo', digest: 'f'.repeat(64) } }, false],
    ['upper-case digest', { ...hello, plan: { ref: 'demo@1.0.0', digest: 'F'.repeat(64) } }, false],
    ['extra plan field', { ...hello, plan: { ...hello.plan, name: 'x' } }, false],
    ['a url that is not one', { ...hello, kioskUrls: ['kiosk.html'] }, false],
    ['extra field', { ...hello, debug: true }, false],
    ['missing time', { server: hello.server, protocol: 1, plan: null, kioskUrls: [] }, false],
    ['an HTML page (static host)', '<!doctype html>', false],
    ['null', null, false],
  ] },
  { name: 'Stored', check: asStored, schema: ZStored, rows: [
    ['stored', { ok: true, id: ID, duplicate: false }, true],
    ['duplicate', { ok: true, id: 'x', duplicate: true }, true],
    ['not ok', { ok: false, id: ID, duplicate: false }, false],
    ['duplicate as text', { ok: true, id: ID, duplicate: 'no' }, false],
    ['extra', { ok: true, id: ID, duplicate: false, at: 1 }, false],
    ['array', [], false],
  ] },
  { name: 'StudentState', check: asStudentState, schema: ZStudentState, rows: [
    ['new student', { finished: false, lastDraft: null }, true],
    ['in progress elsewhere', { finished: false, lastDraft: { machine: 'lab-0a1b2c3d', savedAt: '2026-11-22T02:00:00Z' } }, true],
    ['finished', { finished: true, lastDraft: null }, true],
    ['bad machine', { finished: false, lastDraft: { machine: 'pc-7', savedAt: '2026-11-22T02:00:00Z' } }, false],
    ['lastDraft missing', { finished: false }, false],
    ['finished as 1', { finished: 1, lastDraft: null }, false],
  ] },
  { name: 'DraftUpload', check: asDraftUpload, schema: ZDraftUpload, rows: [
    ['a draft', draft, true],
    ['nothing answered', { ...draft, answered: 0 }, true],
    ['negative count', { ...draft, answered: -1 }, false],
    ['fractional count', { ...draft, answered: 1.5 }, false],
    ['too many', { ...draft, answered: 10_001 }, false],
    ['non-canonical base64', { ...draft, sealed: { iv: 'AAA', data: 'YWJj' } }, false],
    ['empty data', { ...draft, sealed: { iv: '', data: '' } }, true],
    ['huge data', { ...draft, sealed: { iv: 'AAAA', data: 'A'.repeat(64 * 1024 * 2 + 4) } }, false],
    ['upper-case entry', { ...draft, entry: 'A'.repeat(64) }, false],
    ['extra sealed field', { ...draft, sealed: { ...draft.sealed, tag: 'x' } }, false],
  ] },
  { name: 'Receipts', check: asReceipts, schema: ZReceipts, rows: [
    ['none', { imported: [] }, true],
    ['some', { imported: [ID, ID.replace('0123abcd', 'ffffffff')] }, true],
    ['an id not a uuid', { imported: ['sub-1'] }, false],
    ['upper-case uuid', { imported: [ID.toUpperCase()] }, false],
    ['not a list', { imported: ID }, false],
  ] },
  { name: 'LabError', check: (value) => (isLabError(value) ? value : undefined), schema: ZLabError, rows: [
    ['disk full', { ok: false, issues: [{ code: 'disk_full', path: [] }] }, true],
    ['with a path', { ok: false, issues: [{ code: 'bad_request', path: ['body', 0] }] }, true],
    ['no issues', { ok: false, issues: [] }, false],
    ['issue with params', { ok: false, issues: [{ code: 'x', path: [], params: {} }] }, false],
    ['ok true', { ok: true, issues: [{ code: 'x', path: [] }] }, false],
  ] },
];

describe.each(cases)('$name: the kiosk check gives zod\'s verdict', ({ check, schema, rows }) => {
  it.each(rows)('%s', (_label, value, expected) => {
    expect(check(value) !== undefined).toBe(expected);
    expect(schema.safeParse(value).success).toBe(expected);
  });

  it('on random JSON and random edits of valid replies', () => {
    const valid = rows.filter((row) => row[2]).map((row) => row[1] as Record<string, unknown>);
    const edited = fc.tuple(fc.constantFrom(...valid), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([base, key, value]) => ({ ...base, [key in base ? key : Object.keys(base)[key.length % Object.keys(base).length] ?? key]: value }));
    fc.assert(fc.property(fc.oneof(fc.jsonValue({ maxDepth: 3 }), edited), (value) => {
      expect(check(value) !== undefined).toBe(schema.safeParse(value).success);
    }), { numRuns: 300 });
  });
});

describe('kiosk lab constants', () => {
  it('match the protocol', () => {
    expect(KIOSK_LAB_API).toBe(LAB_API);
    expect(KIOSK_LAB_PROTOCOL).toBe(LAB_PROTOCOL_VERSION);
    expect([...KIOSK_ERROR_CODES]).toEqual([...LAB_ERROR_CODES]);
  });
});
