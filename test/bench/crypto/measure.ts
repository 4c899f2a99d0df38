/**
 * The primitives a lab session leans on, timed under one backend: sealing a 20 KB submission (the
 * kiosk's fresh ECDH key + HKDF + AES-GCM per submission), bare AES-GCM of those 20 KB, one sign-in's
 * PBKDF2 (210,000 rounds) and one ECDH agreement. Runs in Node and, bundled, in Chromium.
 */
import { aesGcmEncrypt, ecdh, generateEcKey, importAesKey, importEcPublicKey, pbkdf2Sha256, randomBytes, useCryptoBackend, type BackendName } from '../../../src/crypto/index.ts';
import { importRecipient, keyIdOf, seal } from '../../../src/records/index.ts';
import { toBase64 } from '../../../src/records/base64.ts';

export interface CryptoTimes {
  /** Median milliseconds per operation. */
  readonly sealSubmissionMs: number;
  readonly aesGcm20kMs: number;
  readonly pbkdf2Ms: number;
  readonly ecdhMs: number;
}

export interface CryptoBenchInput {
  readonly backends: readonly BackendName[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Median milliseconds per operation over `rounds` rounds of `batch` operations (browser clocks are coarse). */
async function timed(rounds: number, batch: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    for (let j = 0; j < batch; j++) await work();
    times.push((performance.now() - started) / batch);
  }
  return median(times);
}

/** A submission-sized JSON object: 20 KB, as a 4-instrument battery with timings comes to. */
const submission = (): object => ({ answers: Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`item_${i}`, i % 4])), note: 'x'.repeat(10_000) });

export async function run(input: CryptoBenchInput, rounds: number): Promise<Record<string, CryptoTimes>> {
  const results: Record<string, CryptoTimes> = {};
  const plaintext = new TextEncoder().encode(JSON.stringify(submission()));
  if (plaintext.length < 20_000) throw new Error(`bench submission is only ${plaintext.length} bytes`);
  for (const backend of input.backends) {
    useCryptoBackend(backend);
    const school = await generateEcKey();
    const recipient = await importRecipient({ keyId: await keyIdOf(school.publicKey), name: 'bench', publicKey: toBase64(school.publicKey) });
    const peer = await importEcPublicKey(school.publicKey);
    if (!recipient.ok || !peer) throw new Error('bench key did not import');
    const aes = await importAesKey(randomBytes(32));
    const fields = { format: 'psyscreen-sealed' as const, created: '2026-11-22T02:00:00.000Z', plan: 'bench@1.0.0' };
    results[backend] = {
      sealSubmissionMs: await timed(rounds, 20, () => seal(plaintext, recipient.value, fields)),
      aesGcm20kMs: await timed(rounds, 100, () => aesGcmEncrypt(aes, randomBytes(12), plaintext)),
      pbkdf2Ms: await timed(Math.max(1, Math.ceil(rounds / 2)), 1, () => pbkdf2Sha256(new TextEncoder().encode('ACDE3479'), randomBytes(16), 210_000, 32)),
      ecdhMs: await timed(rounds, 20, async () => ecdh((await generateEcKey()).privateKey, peer)),
    };
  }
  useCryptoBackend(undefined);
  return results;
}
