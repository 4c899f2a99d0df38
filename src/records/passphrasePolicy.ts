import { issue, type Issue, type JsonPath } from '../../scoring/index.ts';
import { normalizePassphrase } from './kdf.ts';

/**
 * The least a new passphrase must be: 10 characters (a Chinese character counts as one), at least
 * 4 of them different. Checked whenever a passphrase is set, never when one is typed to open a file.
 */
export const MIN_PASSPHRASE_LENGTH = 10;
export const MIN_DISTINCT_CHARACTERS = 4;

export function checkNewPassphrase(passphrase: string, path: JsonPath = ['passphrase']): Issue[] {
  const characters = [...normalizePassphrase(passphrase)];
  if (characters.length < MIN_PASSPHRASE_LENGTH) return [issue('passphrase_too_short', path, { minimum: MIN_PASSPHRASE_LENGTH, length: characters.length })];
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS) return [issue('passphrase_too_simple', path, { minimum: MIN_DISTINCT_CHARACTERS })];
  return [];
}
