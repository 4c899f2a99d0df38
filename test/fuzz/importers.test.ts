/**
 * Every importer, fed altered and random files (fast-check, fixed seed, bounded runs): none throws, and
 * every refusal is issues whose codes have a zh-CN and an en message. Mutations start from a real file
 * of each kind, so most runs get past the first checks and reach the deeper ones.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAggregateText, parseDefinition, parseJsonText, publishAggregate, type Issue, type Outcome } from '../../scoring/index.ts';
import { openSignedSync } from '../../src/cli/signed.ts';
import { parseKeysFile } from '../../src/cli/keysFile.ts';
import { ALL_MESSAGES } from '../../src/issueMessages.ts';
import { readKioskPlan } from '../../src/kiosk/planFile.ts';
import {
  createKeyBackup, createOpener, exportRecords, importBatch, importSealedFile, openSignedText, readKeyBackup, readPublicKeyFile,
  readRecordExport, readRecordFile, sealRecordWithPassphrase, sealSubmission, signText, writeBatch, writeKeyFile, writePublicKeyFile, publicKeyFileOf,
} from '../../src/records/index.ts';
import { readRosterFile } from '../../src/teacher/roster/readRosterFile.ts';
import { readInstrumentFile } from '../../src/teacher/workspace/instrumentFile.ts';
import { TEST_KDF, record, submission, testKey, type TestKey } from '../records/support.ts';
import { exactSchool, unwrap } from '../scoring/aggregate/cohort.ts';

const SEED = 20_261_122;
const RUNS = 40;

type Mutation = { kind: 'flip' | 'cut' | 'insert' | 'replace'; at: number; byte: number; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'cut', 'insert', 'replace'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), length: fc.integer({ min: 1, max: 64 }),
});

function mutate(bytes: Uint8Array, changes: readonly Mutation[]): Uint8Array<ArrayBuffer> {
  let out = new Uint8Array(bytes);
  for (const change of changes) {
    const at = out.length === 0 ? 0 : change.at % out.length;
    if (change.kind === 'flip') out[at] = (out[at] ?? 0) ^ (1 << (change.byte % 8));
    else if (change.kind === 'cut') out = out.slice(0, at);
    else if (change.kind === 'insert') out = new Uint8Array([...out.slice(0, at), ...new Array<number>(change.length).fill(change.byte), ...out.slice(at)]);
    else out.fill(change.byte, at, at + change.length);
  }
  return out;
}

/** A mutated copy of the sample, or plain random bytes now and then. */
const variants = (sample: Uint8Array): fc.Arbitrary<Uint8Array<ArrayBuffer>> => fc.oneof(
  { weight: 5, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map((changes) => mutate(sample, changes)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array(bytes)) },
);

/** JSON samples also get structural edits: a field's value replaced by any JSON. */
const jsonVariants = (sample: string): fc.Arbitrary<string> => {
  const parsed = JSON.parse(sample) as Record<string, unknown>;
  const keys = Object.keys(parsed);
  return fc.oneof(
    { weight: 3, arbitrary: variants(new TextEncoder().encode(sample)).map((bytes) => new TextDecoder().decode(bytes)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([key, value]) => JSON.stringify({ ...parsed, [key]: value })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );
};

const unknownCodes = (issues: readonly Issue[]): string[] =>
  issues.filter((found) => !ALL_MESSAGES[found.code]?.['zh-CN'] || !ALL_MESSAGES[found.code]?.en).map((found) => found.code);

/** A refusal is a non-empty list of known issues; an acceptance may carry issues of its own (kept-aside entries). */
function expectWellFormed(outcome: Outcome<unknown>, inner: (value: unknown) => readonly Issue[] = () => []): void {
  if (outcome.ok) {
    expect(unknownCodes(inner(outcome.value))).toEqual([]);
    return;
  }
  expect(outcome.issues.length).toBeGreaterThan(0);
  expect(unknownCodes(outcome.issues)).toEqual([]);
}

const keptAsideIssues = (value: unknown): Issue[] => ((value as { damaged?: { issues: Issue[] }[] }).damaged ?? []).flatMap((entry) => entry.issues);

let school: TestKey;
const samples: Record<string, Uint8Array<ArrayBuffer>> = {};
const texts: Record<string, string> = {};
beforeAll(async () => {
  school = await testKey('模糊测试学校');
  const sub = submission(1);
  const sealed = await sealSubmission(sub, school.recipient);
  samples.sealed = sealed;
  samples.batch = await writeBatch({ plan: sub.plan, machine: sub.machineId, created: sub.finishedAt, submissions: [{ id: sub.id, created: sub.finishedAt, sealed }], drafts: [{ lookup: 'a'.repeat(64), updated: sub.finishedAt }] });
  const exported = await exportRecords([record(1), record(2)], { key: school.recipient }, { created: '2027-07-01T02:00:00.000Z' });
  if (!exported.ok) throw new Error('export');
  samples.export = exported.value;
  const single = await sealRecordWithPassphrase(record(3), '给家长的口令 2027 夏', '2027-07-01T02:00:00.000Z', TEST_KDF);
  if (!single.ok) throw new Error('record');
  samples.record = single.value;
  const backup = await createKeyBackup(school.stored, school.passphrase, '备份口令：校长保险柜 2026', { exported: '2026-11-01T00:00:00.000Z', kdf: TEST_KDF });
  if (!backup.ok) throw new Error('backup');
  texts.backup = writeKeyFile(backup.value);
  texts.publicKey = writePublicKeyFile(publicKeyFileOf(school.stored));
  const aggregate = JSON.stringify(unwrap(publishAggregate(exactSchool({ code: '3301060001', seed: 1, sizes: { '7/male': 30, '7/female': 28 } }))));
  texts.aggregate = aggregate;
  texts.signed = await signText(aggregate, school.unlocked);
  texts.plan = readFileSync('public/demo/kiosk-plan.json', 'utf8');
  texts.instrument = readFileSync('instruments/phq9/1.0.0.json', 'utf8');
  texts.norms = readFileSync('instruments/k10/norms/k10-cn-students-2019.json', 'utf8');
  texts.keys = JSON.stringify({ format: 'psyscreen-bureau-keys', version: 1, keys: [{ sender: 'school:1', level: 'school', code: '1', name: '甲校', keyId: 'aaaaaaaaaaaaaaaa', since: '2026-11-25T08:00:00.000Z' }] });
  samples.rosterCsv = new Uint8Array(readFileSync('public/demo/roster-demo.csv'));
  samples.rosterXlsx = new Uint8Array(readFileSync('public/demo/roster-demo.xlsx'));
}, 60_000);

const check = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;

describe('every importer survives any file', { timeout: 60_000 }, () => {
  it('batch (.psybatch)', async () => {
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => variants(samples.batch!)), async (bytes) => {
      expectWellFormed(await importBatch(new Set(), bytes, school.unlocked), keptAsideIssues);
    }), check);
  });

  it('sealed submission (.psysealed)', async () => {
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => variants(samples.sealed!)), async (bytes) => {
      expectWellFormed(await importSealedFile(new Set(), bytes, school.unlocked), keptAsideIssues);
    }), check);
  });

  it('record file (.psyrec, passphrase) and record export (.zip, key)', async () => {
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => variants(samples.record!)), async (bytes) => {
      expectWellFormed(await readRecordFile(bytes, createOpener({ passphrase: '给家长的口令 2027 夏' })));
    }), { ...check, numRuns: 20 });
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => variants(samples.export!)), async (bytes) => {
      expectWellFormed(await readRecordExport(bytes, createOpener({ key: school.unlocked })), keptAsideIssues);
    }), check);
  });

  it('key backup, public key file, keys file', async () => {
    fc.assert(fc.property(fc.constant(null).chain(() => jsonVariants(texts.backup!)), (text) => {
      expectWellFormed(readKeyBackup(text));
    }), check);
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => jsonVariants(texts.publicKey!)), async (text) => {
      expectWellFormed(await readPublicKeyFile(text));
    }), check);
    fc.assert(fc.property(fc.constant(null).chain(() => jsonVariants(texts.keys!)), (text) => {
      expectWellFormed(parseKeysFile(text));
    }), check);
  });

  it('aggregate and signed file (app and command line)', async () => {
    fc.assert(fc.property(fc.constant(null).chain(() => jsonVariants(texts.aggregate!)), (text) => {
      expectWellFormed(parseAggregateText(text));
    }), check);
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => jsonVariants(texts.signed!)), async (text) => {
      expectWellFormed(await openSignedText(text));
      const json = parseJsonText(text);
      if (json.ok) expectWellFormed(openSignedSync(json.value));
    }), check);
  });

  it('kiosk plan, instrument file, norms', async () => {
    fc.assert(fc.property(fc.constant(null).chain(() => jsonVariants(texts.plan!)), (text) => {
      expectWellFormed(readKioskPlan(text, '2026-11-22'));
    }), { ...check, numRuns: 20 });
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => jsonVariants(texts.instrument!)), async (text) => {
      expectWellFormed((await readInstrumentFile(new TextEncoder().encode(text))).outcome);
    }), check);
    fc.assert(fc.property(fc.constant(null).chain(() => jsonVariants(texts.norms!)), (text) => {
      const json = parseJsonText(text);
      expectWellFormed(json.ok ? parseDefinition(json.value) : json);
    }), check);
  });

  it('roster CSV and xlsx', async () => {
    for (const sample of [samples.rosterCsv!, samples.rosterXlsx!]) {
      await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => variants(sample)), async (bytes) => {
        expectWellFormed(await readRosterFile(bytes));
      }), check);
    }
  });
});
