/**
 * Offline guessing of details sign-in (issue 12.6). Someone holds a plan file and knows a student's
 * class and student number, and tries birth dates until a roster entry's details lookup matches.
 * Measured as such a guesser would run it: native code (Node's OpenSSL PBKDF2 / scrypt), one core.
 * Before: PBKDF2-SHA-256, 210,000 rounds, over class + number + birth date. After: scrypt (DETAILS_SCRYPT:
 * 2^15, r 8, 32 MiB) over the same and a 6-character lab-session code that is not in the file. Also prints what
 * one sign-in costs the kiosk in pure JS (a plain-http lab PC), before and after.
 * The correctness check: the guesser's native derivation finds the real entry of a plan built by
 * buildKioskPlan, with the session code, and none without it.
 */
import { hkdfSync, pbkdf2Sync, scryptSync } from 'node:crypto';
import { DEFAULT_BANDS, buildPlan } from '../../scoring/index.ts';
import { useCryptoBackend } from '../../src/crypto/index.ts';
import { DEFAULT_TEXTS, buildKioskPlan } from '../../src/kiosk/buildKioskPlan.ts';
import { CODE_KDF_ITERATIONS, CURRENT_CODE_KEYS, DETAILS_SCRYPT, deriveCodeKeys, deriveDetailsKeys, fromBase64, type DetailsKeying } from '../../src/kiosk/codeVault.ts';
import { CODE_ALPHABET, SESSION_CODE_LENGTH, detailsSecret } from '../../src/kiosk/signInCode.ts';
import { shippedCatalog } from '../support/library.ts';
import type { SignInTimes } from './details/browserSignIn.ts';
import { runBundleInChromium } from './support/bundleInChromium.ts';
import { BenchFailure } from './support/failure.ts';
import { formatRate, formatRatio, measureThroughput } from './support/timing.ts';

const encoder = new TextEncoder();
const SCRYPT_MAXMEM = 64 * 1024 * 1024;
/** Birth dates a guesser tries for one student whose grade (so birth year) is known. */
const DATES_PER_STUDENT = 366;
/** Issue 12.6's estimate of guesses for a whole school (every class × number × date). */
const SCHOOL_GUESSES = 4e7;
const SESSION_CODES = CODE_ALPHABET.length ** SESSION_CODE_LENGTH;
const KEYING: DetailsKeying = { kdf: 'scrypt', ...DETAILS_SCRYPT, sessionCode: true };

const lookupOf = (master: Buffer): string => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'psyscreen code lookup', 32)).toString('hex');
const oldGuess = (secret: string, salt: Uint8Array): string => lookupOf(pbkdf2Sync(encoder.encode(secret), salt, CODE_KDF_ITERATIONS, 32, 'sha256'));
const newGuess = (secret: string, salt: Uint8Array): string =>
  lookupOf(scryptSync(encoder.encode(secret), salt, 32, { N: 2 ** DETAILS_SCRYPT.logN, r: DETAILS_SCRYPT.r, p: 1, maxmem: SCRYPT_MAXMEM }));

const years = (seconds: number): string => `${(seconds / (365.25 * 86_400)).toExponential(1)} years`;
const duration = (seconds: number): string => (seconds < 120 ? `${seconds.toFixed(1)} s` : seconds < 172_800 ? `${(seconds / 3600).toFixed(1)} h` : years(seconds));

async function checkGuesserFindsTheRealEntry(): Promise<void> {
  const built = buildPlan(shippedCatalog(), {
    id: 'bench-plan', version: '1.0.0', name: { 'zh-CN': '测', en: 'B' }, schoolYear: '2026-2027',
    window: { opens: '2026-09-01', closes: '2027-07-15' }, bands: DEFAULT_BANDS, policy: { id: 'default', version: '1.0.0' },
  });
  if (!('plan' in built)) throw new BenchFailure(built.missing);
  const plan = await buildKioskPlan({
    plan: built.plan, pin: '246813', layout: 'question', returnAfterSeconds: 5, randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    recipient: { keyId: 'bench-key-0001', name: 'Bench', publicKey: 'AAAA' }, signInByDetails: true, sessionCode: 'ACDE34', kdfIterations: 1_000,
    texts: { ...DEFAULT_TEXTS, consent: Object.fromEntries(built.plan.gradeBands.map((b) => [b.id, { 'zh-CN': '同意', en: 'Consent' }])) },
    roster: [{ code: 'ACDE3479', birthDate: '2012-05-17', identity: { studentId: 'S001', name: '王小明', className: '八(2)班', grade: 8, sex: 'male' } }],
  });
  const salt = fromBase64(plan.kiosk.salt);
  const secret = detailsSecret({ className: '八(2)班', studentNumber: 'S001', birthDate: '2012-05-17' });
  const lookup = plan.roster[0]?.detailsLookup;
  if (newGuess(`${secret}|ACDE34`, salt) !== lookup) throw new BenchFailure('the native guesser does not reproduce the plan\'s details lookup: the bench would measure the wrong thing');
  if (newGuess(secret, salt) === lookup || oldGuess(secret, salt) === lookup) throw new BenchFailure('a guess without the session code found the entry');
}

export async function run(): Promise<void> {
  await checkGuesserFindsTheRealEntry();
  const salt = crypto.getRandomValues(new Uint8Array(16));
  let n = 0;
  const guess = () => detailsSecret({ className: '八(2)班', studentNumber: 'S001', birthDate: `2012-01-${String(1 + (n++ % 28)).padStart(2, '0')}` });
  const plan = { warmupRounds: 1, rounds: 5 };
  const before = await measureThroughput('before: PBKDF2 210,000', 4, plan, () => { for (let i = 0; i < 4; i++) oldGuess(guess(), salt); });
  const after = await measureThroughput('after: scrypt', 4, plan, () => { for (let i = 0; i < 4; i++) newGuess(`${guess()}|ACDE34`, salt); });

  useCryptoBackend('noble');
  const kioskBefore = await measureThroughput('kiosk before', 1, plan, () => deriveCodeKeys(guess(), salt, CURRENT_CODE_KEYS));
  const kioskAfter = await measureThroughput('kiosk after', 1, plan, () => deriveDetailsKeys(`${guess()}|ACDE34`, salt, KEYING, CURRENT_CODE_KEYS));
  useCryptoBackend(undefined);

  const perStudentBefore = DATES_PER_STUDENT / before.perSecond;
  const perStudentAfter = (DATES_PER_STUDENT * SESSION_CODES) / after.perSecond;
  const perStudentKnownCode = DATES_PER_STUDENT / after.perSecond;
  console.log(`guesser, native, one core:  before ${formatRate(before.perSecond)}  after ${formatRate(after.perSecond)}  (a new guess costs ${formatRatio(before.perSecond / after.perSecond)} an old one natively, and ${2 ** DETAILS_SCRYPT.logN * 128 * DETAILS_SCRYPT.r / 2 ** 20} MiB, so GPUs gain far less than on PBKDF2)`);
  console.log(`one student (${DATES_PER_STUDENT} dates):   before ${duration(perStudentBefore)}  after ${duration(perStudentAfter)} without the session code (${SESSION_CODES.toExponential(2)} codes)  → ${formatRatio(perStudentAfter / perStudentBefore)} the work`);
  console.log(`whole school (${SCHOOL_GUESSES.toExponential(0)} guesses): before ${duration(SCHOOL_GUESSES / before.perSecond)}  after ${duration((SCHOOL_GUESSES * SESSION_CODES) / after.perSecond)}`);
  console.log(`residual: with the session code (seen on the board) one student takes ${duration(perStudentKnownCode)} (${formatRatio(perStudentKnownCode / perStudentBefore)} before)`);
  console.log(`kiosk sign-in in pure JS (plain http), Node: before ${kioskBefore.medianMs.toFixed(0)} ms  after ${kioskAfter.medianMs.toFixed(0)} ms`);
  for (const throttle of [1, 4]) {
    const times = await runBundleInChromium<SignInTimes>('test/bench/details/browserSignIn.ts', 'detailsBench', null, 3, {}, throttle);
    if (!times) {
      console.log('Chromium not installed: browser sign-in skipped');
      break;
    }
    console.log(`kiosk sign-in in pure JS, Chromium${throttle > 1 ? ` at ${throttle}× CPU throttling (an old lab PC)` : ''}: before ${times.pbkdf2Ms.toFixed(0)} ms  after ${times.scryptMs.toFixed(0)} ms`);
  }
}
