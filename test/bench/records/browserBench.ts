/**
 * The records export bench inside Chromium: bundled by records.bench.ts, run with page.evaluate.
 * Same work as in Node: exportRecords against one-key AES-GCM + fflate zip of the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import { toBase64 } from '../../../src/records/base64.ts';
import { exportRecords, importRecipient, keyIdOf, type StudentRecord } from '../../../src/records/index.ts';

const GROUP = 16;

async function floorExport(plain: readonly Uint8Array<ArrayBuffer>[], key: CryptoKey): Promise<number> {
  const files: Zippable = {};
  for (let start = 0; start < plain.length; start += GROUP) {
    const sealed = await Promise.all(plain.slice(start, start + GROUP).map((bytes) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, bytes)));
    sealed.forEach((bytes, index) => { files[`records/${start + index}.bin`] = new Uint8Array(bytes); });
  }
  return zipSync(files, { level: 0 }).length;
}

export interface BrowserTimings {
  readonly oursMs: number[];
  readonly floorMs: number[];
  readonly exportBytes: number;
}

export async function run(records: readonly StudentRecord[], rounds: number): Promise<BrowserTimings> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const recipient = await importRecipient({ keyId: await keyIdOf(raw), name: 'bench', publicKey: toBase64(raw) });
  if (!recipient.ok) throw new Error('recipient');
  const plain = records.map((one) => new TextEncoder().encode(JSON.stringify(one)));
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const oursMs: number[] = [];
  const floorMs: number[] = [];
  let exportBytes = 0;
  for (let round = 0; round <= rounds; round++) {
    let start = performance.now();
    const outcome = await exportRecords(records, { key: recipient.value }, { created: '2026-11-22T00:00:00.000Z' });
    if (!outcome.ok) throw new Error('export failed');
    exportBytes = outcome.value.length;
    if (round > 0) oursMs.push(performance.now() - start);
    start = performance.now();
    await floorExport(plain, key);
    if (round > 0) floorMs.push(performance.now() - start);
  }
  return { oursMs, floorMs, exportBytes };
}
