/**
 * Export throughput: `exportRecords` (one ECDH per export, a per-file HKDF key, AES-256-GCM, PSYE
 * header, stored zip entry, progress and yielding) on 3,000 student records of ~4 KB JSON, against
 * the floor measured in the same run: the same JSON bytes AES-GCM-encrypted with one key and zipped
 * with fflate. Both seal 16 records at a time. The one-off PBKDF2 unlock (600,000 iterations) is
 * timed and printed separately, outside the ratio. A sample of the exported files is opened again
 * and compared with the input; a mismatch fails the bench. The same pair is then measured in
 * headless Chromium (the app's real home), where WebCrypto's costs differ from Node's. Speeds are
 * printed, never asserted.
 */
import { zipSync, type Zippable } from 'fflate';
import { createOpener, createSchoolKey, exportRecords, importRecipient, readRecordExport, unlockKey, type StudentRecord } from '../../src/records/index.ts';
import { smallRecord } from '../records/support.ts';
import { BenchFailure } from './support/failure.ts';
import { runBundleInChromium } from './support/bundleInChromium.ts';
import type { BrowserTimings } from './records/browserBench.ts';
import { formatRate, formatRatio, measureThroughput, median } from './support/timing.ts';

const RECORDS = 3_000;
const TARGET_RATIO = 2;
const TIMING = { warmupRounds: 1, rounds: 7 };
const GROUP = 16;
const created = '2026-11-22T00:00:00.000Z';

async function floorExport(plain: readonly Uint8Array<ArrayBuffer>[], key: CryptoKey): Promise<Uint8Array> {
  const files: Zippable = {};
  for (let start = 0; start < plain.length; start += GROUP) {
    const group = plain.slice(start, start + GROUP);
    const sealed = await Promise.all(group.map((bytes) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, bytes)));
    sealed.forEach((bytes, index) => { files[`records/${start + index}.bin`] = new Uint8Array(bytes); });
  }
  return zipSync(files, { level: 0 });
}

async function verify(zip: Uint8Array, records: readonly StudentRecord[], unlock: Parameters<typeof createOpener>[0]): Promise<void> {
  const read = await readRecordExport(zip, createOpener(unlock));
  if (!read.ok) throw new BenchFailure(`export did not read back: ${JSON.stringify(read.issues)}`);
  if (read.value.records.length !== records.length || read.value.damaged.length > 0) throw new BenchFailure(`read back ${read.value.records.length} records, ${read.value.damaged.length} damaged`);
  const byId = new Map(records.map((one) => [one.id, JSON.stringify(one)]));
  for (const opened of read.value.records) {
    if (byId.get(opened.record.id) !== JSON.stringify(opened.record)) throw new BenchFailure(`record ${opened.record.id} changed on the way`);
  }
}

/** Bundles browserBench.ts, opens it in Chromium on a localhost page (WebCrypto needs a secure context), runs it. */
async function inChromium(records: readonly StudentRecord[]): Promise<BrowserTimings | undefined> {
  return runBundleInChromium<BrowserTimings>('test/bench/records/browserBench.ts', 'recordsBench', records, TIMING.rounds);
}

export async function run(): Promise<void> {
  const records = Array.from({ length: RECORDS }, (_, i) => smallRecord(i));
  const plain = records.map((one) => new TextEncoder().encode(JSON.stringify(one)));
  const meanBytes = plain.reduce((sum, bytes) => sum + bytes.length, 0) / plain.length;

  const passphrase = '基准测试用的口令 2026';
  const made = await createSchoolKey({ name: '基准学校', passphrase, created });
  if (!made.ok) throw new BenchFailure('key creation failed');
  const unlockStart = performance.now();
  const unlocked = await unlockKey(made.value.stored, passphrase);
  const unlockMs = performance.now() - unlockStart;
  if (!unlocked.ok) throw new BenchFailure('unlock failed');
  const recipient = await importRecipient(made.value.publicKeyFile);
  if (!recipient.ok) throw new BenchFailure('recipient failed');

  let exported: Uint8Array | undefined;
  let progressCalls = 0;
  const ours = await measureThroughput('exportRecords (ECDH once + one AES key per export (record v3) + AES-GCM + zip)', RECORDS, TIMING, async () => {
    const outcome = await exportRecords(records, { key: recipient.value }, { created, onProgress: () => { progressCalls += 1; } });
    if (!outcome.ok) throw new BenchFailure(JSON.stringify(outcome.issues));
    exported = outcome.value;
  });
  const floorKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  let floorZip: Uint8Array | undefined;
  const floor = await measureThroughput('floor (same bytes, one AES-GCM key, fflate zip)', RECORDS, TIMING, async () => {
    floorZip = await floorExport(plain, floorKey);
  });
  if (!exported || !floorZip) throw new BenchFailure('nothing was exported');
  await verify(exported, records, { key: unlocked.value });

  const ratio = floor.perSecond / ours.perSecond;
  console.log(`${RECORDS} records, mean ${Math.round(meanBytes)} bytes of JSON each; export ${(exported.length / 1e6).toFixed(1)} MB, floor zip ${(floorZip.length / 1e6).toFixed(1)} MB`);
  console.log(`one-off unlock (PBKDF2-SHA-256, 600,000 iterations): ${unlockMs.toFixed(0)} ms (not in the ratio)`);
  for (const result of [ours, floor]) console.log(`${result.name.padEnd(62)} ${formatRate(result.perSecond).padStart(12)}   median ${result.medianMs.toFixed(0)} ms / ${RECORDS}`);
  console.log(`Node ${process.versions.node}: ratio exportRecords / floor ${formatRatio(ratio)} (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}); progress callbacks per export: ${progressCalls / (TIMING.warmupRounds + TIMING.rounds)}`);

  const browser = await inChromium(records);
  if (!browser) {
    console.log("Chromium not found at /usr/bin/chromium: browser measurement skipped");
    return;
  }
  const oursMs = median(browser.oursMs);
  const floorMs = median(browser.floorMs);
  const browserRatio = oursMs / floorMs;
  console.log(`Chromium: exportRecords ${formatRate((RECORDS / oursMs) * 1000)} (median ${oursMs.toFixed(0)} ms), floor ${formatRate((RECORDS / floorMs) * 1000)} (median ${floorMs.toFixed(0)} ms)`);
  console.log(`Chromium: ratio exportRecords / floor ${formatRatio(browserRatio)} (target ≤ ${TARGET_RATIO}×: ${browserRatio <= TARGET_RATIO ? 'met' : 'NOT met'}); export ${(browser.exportBytes / 1e6).toFixed(1)} MB`);
}
