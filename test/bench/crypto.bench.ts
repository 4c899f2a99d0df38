/**
 * noble (the plain-http fallback) against WebCrypto, in Node and in headless Chromium: sealing a 20 KB
 * submission, bare AES-GCM of 20 KB, one sign-in's PBKDF2 (210,000 rounds), one ECDH agreement.
 * Prints the times and noble's slowdown; nothing here passes or fails on speed.
 */
import { formatRatio } from './support/timing.ts';
import { runBundleInChromium } from './support/bundleInChromium.ts';
import { run as measure, type CryptoBenchInput, type CryptoTimes } from './crypto/measure.ts';

const ROWS: readonly [keyof CryptoTimes, string][] = [
  ['sealSubmissionMs', 'seal a 20 KB submission (ECDH + HKDF + AES-GCM)'],
  ['aesGcm20kMs', 'AES-256-GCM, 20 KB'],
  ['pbkdf2Ms', 'PBKDF2-SHA-256, 210,000 rounds'],
  ['ecdhMs', 'ECDH P-256 (new key + agreement)'],
];

function print(where: string, times: Record<string, CryptoTimes>): void {
  const web = times.webcrypto;
  const noble = times.noble;
  if (!web || !noble) return;
  console.log(`${where}: median ms per operation, WebCrypto | noble | noble ÷ WebCrypto`);
  for (const [key, label] of ROWS) console.log(`  ${label.padEnd(50)} ${web[key].toFixed(3).padStart(9)} | ${noble[key].toFixed(3).padStart(9)} | ${formatRatio(noble[key] / web[key])}`);
}

export async function run(): Promise<void> {
  const input: CryptoBenchInput = { backends: ['webcrypto', 'noble'] };
  print('Node', await measure(input, 8));
  const browser = await runBundleInChromium<Record<string, CryptoTimes>>('test/bench/crypto/measure.ts', 'cryptoBench', input, 8);
  if (browser) print('Chromium', browser);
  else console.log('Chromium not installed: browser figures skipped');
}
