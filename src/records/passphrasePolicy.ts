import { issue, type Issue, type JsonPath } from '../../scoring/index.ts';
import { normalizePassphrase } from './kdf.ts';

/**
 * The least a new passphrase must be: 10 characters (a Chinese character counts as one), at least
 * 4 of them different, and not guessable by a strength estimator that knows the common passwords,
 * keyboard rows, sequences, repeats and dates (zxcvbn score 3 or more: about 10^8 guesses, which
 * at 600,000 PBKDF2 rounds is years of one computer's time). Checked whenever a passphrase is set,
 * never when one is typed to open a file.
 */
export const MIN_PASSPHRASE_LENGTH = 10;
export const MIN_DISTINCT_CHARACTERS = 4;
export const MIN_STRENGTH_SCORE = 3;

const COMMON = new Set(['topTen', 'topHundred', 'common', 'similarToCommon', 'pwned', 'wordByItself', 'namesByThemselves', 'commonNames']);
const PATTERN = new Set(['straightRow', 'keyPattern', 'simpleRepeat', 'extendedRepeat', 'sequences', 'recentYears', 'dates']);

/** Which issue a weak estimate becomes: the reason a teacher can act on. */
function weakness(warning: string | null): string {
  if (warning !== null && COMMON.has(warning)) return 'passphrase_common';
  if (warning !== null && PATTERN.has(warning)) return 'passphrase_pattern';
  if (warning === 'userInputs') return 'passphrase_personal';
  return 'passphrase_guessable';
}

/** `userInputs`: names the passphrase must not lean on (the school's, the key's). */
export async function checkNewPassphrase(passphrase: string, path: JsonPath = ['passphrase'], userInputs: readonly string[] = []): Promise<Issue[]> {
  const normalized = normalizePassphrase(passphrase);
  const characters = [...normalized];
  if (characters.length < MIN_PASSPHRASE_LENGTH) return [issue('passphrase_too_short', path, { minimum: MIN_PASSPHRASE_LENGTH, length: characters.length })];
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS) return [issue('passphrase_too_simple', path, { minimum: MIN_DISTINCT_CHARACTERS })];
  const { estimateStrength } = await import('./passphraseStrength.ts');
  const strength = estimateStrength(normalized, userInputs);
  return strength.score >= MIN_STRENGTH_SCORE ? [] : [issue(weakness(strength.warning), path)];
}
