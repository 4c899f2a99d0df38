/**
 * Encryption keyed by a student's sign-in code and a per-plan salt. Roster entries and answer drafts on
 * a lab machine are stored only this way: whoever sits down next cannot read them without the code.
 * PBKDF2-SHA-256 stretches the short code; AES-256-GCM encrypts and authenticates.
 */
import { aesGcmDecrypt, aesGcmEncrypt, hkdfSha256, importAesKey, importHkdfKey, pbkdf2Sha256, randomBytes, scrypt, sha256, type AesKey, type ScryptCost } from '../crypto/index.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Old lab PCs derive once per sign-in; 210,000 iterations take about 0.2 s there. */
export const CODE_KDF_ITERATIONS = 210_000;

export interface CodeKeys {
  /** Looks up the student's roster entry and draft without revealing the code. */
  readonly lookup: string;
  readonly key: AesKey;
}

const toHex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

export { fromBase64, toBase64 } from '../records/base64.ts';
import { fromBase64, toBase64 } from '../records/base64.ts';

/**
 * How a plan turns a code into its keys (`kiosk.codeKeys` in the plan file):
 * - `pbkdf2-hkdf`: one 32-byte PBKDF2 block, expanded by HKDF-SHA-256 into the lookup and the AES key.
 * - `pbkdf2-512`, written as no `codeKeys` at all (plans built before 2026-11-25): 64 bytes of
 *   PBKDF2, i.e. two independent 210,000-round chains; the first half hashed is the lookup, the
 *   second half the key. That cost the school (and every sign-in) twice as much as an attacker, who
 *   needs only the first chain to test a guess.
 */
export type CodeKeyScheme = 'pbkdf2-hkdf' | 'pbkdf2-512';
export const CURRENT_CODE_KEYS = 'pbkdf2-hkdf' as const;

/** The scheme a plan's codes use; plans from before the field existed used `pbkdf2-512`. */
export const codeKeySchemeOf = (kiosk: { readonly codeKeys?: 'pbkdf2-hkdf' | undefined }): CodeKeyScheme => kiosk.codeKeys ?? 'pbkdf2-512';

const LOOKUP_INFO = encoder.encode('psyscreen code lookup');
const KEY_INFO = encoder.encode('psyscreen code key');

export async function deriveCodeKeys(code: string, salt: Uint8Array<ArrayBuffer>, scheme: CodeKeyScheme, iterations: number = CODE_KDF_ITERATIONS): Promise<CodeKeys> {
  const password = encoder.encode(code);
  if (scheme === 'pbkdf2-512') {
    const bits = await pbkdf2Sha256(password, salt, iterations, 64);
    const lookup = toHex(await sha256(bits.slice(0, 32)));
    const key = await importAesKey(bits.slice(32));
    bits.fill(0);
    return { lookup, key };
  }
  return keysFromMaster(await pbkdf2Sha256(password, salt, iterations, 32));
}

/** 32 bytes of stretched secret → lookup and AES key (HKDF-SHA-256); the master is wiped. */
async function keysFromMaster(master: Uint8Array<ArrayBuffer>): Promise<CodeKeys> {
  const base = await importHkdfKey(master);
  master.fill(0);
  const expand = (info: Uint8Array<ArrayBuffer>) => hkdfSha256(base, new Uint8Array(0), info, 32);
  const lookup = toHex(await expand(LOOKUP_INFO));
  const raw = await expand(KEY_INFO);
  const key = await importAesKey(raw);
  raw.fill(0);
  return { lookup, key };
}

/**
 * How a plan keys its details entries (`kiosk.detailsKeys`): scrypt, memory-hard, so a stolen plan
 * file costs a guesser 32 MiB and ~0.1 s of native code per try, and, with `sessionCode`, a 6-character
 * code written on the board that the plan file does not hold. Absent (plans built before 2026-12-05):
 * like codes, PBKDF2 of class + number + birth date alone.
 */
export interface DetailsKeying extends ScryptCost {
  readonly kdf: 'scrypt';
  readonly sessionCode: boolean;
}

/**
 * N = 2^15, r = 8 (32 MiB). 2^14 took 0.33 s in Chromium's pure JS at 4× CPU throttling (an old lab
 * PC), where PBKDF2 210,000 took 1.8 s; twice that stays within the ~1 s budget (npm run bench -- details).
 */
export const DETAILS_SCRYPT: ScryptCost = { logN: 15, r: 8 };

export async function deriveDetailsKeys(secret: string, salt: Uint8Array<ArrayBuffer>, keying: DetailsKeying | undefined, scheme: CodeKeyScheme, iterations?: number): Promise<CodeKeys> {
  if (!keying) return deriveCodeKeys(secret, salt, scheme, iterations);
  return keysFromMaster(await scrypt(encoder.encode(secret), salt, keying, 32));
}

export interface Sealed {
  readonly iv: string;
  readonly data: string;
}

export async function encryptJson(key: AesKey, value: unknown, context: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await aesGcmEncrypt(key, iv, encoder.encode(JSON.stringify(value)), encoder.encode(context));
  return { iv: toBase64(iv), data: toBase64(data) };
}

/** undefined when the key is wrong or the data were altered (AES-GCM authenticates both). */
export async function decryptJson(key: AesKey, sealed: Sealed, context: string): Promise<unknown> {
  const plain = await aesGcmDecrypt(key, fromBase64(sealed.iv), fromBase64(sealed.data), encoder.encode(context));
  if (!plain) return undefined;
  try {
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    return undefined;
  }
}
